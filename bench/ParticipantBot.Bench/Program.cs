using ParticipantBot.Bench;

// dotnet run -c Release --project bench/ParticipantBot.Bench -- import [--rows 10000] [--iterations 5] [--format csv|xlsx]
// dotnet run -c Release --project bench/ParticipantBot.Bench -- delivery --messages N --limit R [--channel teams|email] [--parallel 8]
// dotnet run -c Release --project bench/ParticipantBot.Bench -- dashboard [--requests 300]
// dotnet run -c Release --project bench/ParticipantBot.Bench -- crash [--people 2000] [--kills 20] [--answer-kills 5] [--seed N] [--channel email|teams]
var command = args.FirstOrDefault() ?? "help";
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

switch (command)
{
    case "import":
        var formatIndex = Array.IndexOf(args, "--format");
        Environment.ExitCode = await ImportBenchmark.RunAsync(Option("rows", 10_000), Option("iterations", 5), formatIndex >= 0 ? args[formatIndex + 1] : "csv");
        break;
    case "delivery":
        var channelIndex = Array.IndexOf(args, "--channel");
        Environment.ExitCode = await DeliveryBenchmark.RunAsync(Option("messages", 1000), Option("limit", 50), channelIndex >= 0 ? args[channelIndex + 1] : "teams",
            Option("parallel", 8));
        break;
    case "crash":
        var crashChannel = Array.IndexOf(args, "--channel");
        var seed = Option("seed", Random.Shared.Next(1, 1_000_000));
        Environment.ExitCode = await CrashRunner.RunAsync(Option("people", 2000), Option("kills", 20), Option("answer-kills", 5), seed,
            crashChannel >= 0 ? args[crashChannel + 1] : "email");
        break;
    case "send-floor" or "send-sdk" or "send-durable":
        // A child of the delivery benchmark (SendPaths): connector URL, body file, messages, parallelism, limit.
        Environment.ExitCode = await SendPaths.RunChildAsync(command["send-".Length..], args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]));
        break;
    case "dashboard":
        Environment.ExitCode = await DashboardBenchmark.RunAsync(Option("requests", 300));
        break;
    default:
        Console.Error.WriteLine("usage: ParticipantBot.Bench import [--rows N] [--iterations N] [--format csv|xlsx] | delivery --messages N --limit R [--channel teams|email] [--parallel N] | dashboard [--requests N] | crash [--people N] [--kills K] [--answer-kills K] [--seed N] [--channel email|teams]");
        Environment.Exit(2);
        break;
}

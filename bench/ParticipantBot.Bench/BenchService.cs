using System.Diagnostics;
using System.Globalization;

namespace ParticipantBot.Bench;

/// <summary>The service as a separate process (the built dll, Release), on a free port, with a benchmark's settings.</summary>
internal static class BenchService
{
    public sealed record Service(Process Process, string Url) : IDisposable
    {
        private bool _disposed;

        /// <summary>Kills the process (SIGKILL, as a crash), once.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
            Process.Dispose();
        }
    }

    public static Service Start(string folder, int limit, bool email, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "ParticipantBot.dll");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(folder, "appsettings.json"), overwrite: true);
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "participantbot.db")}";
        info.Environment["Outbox__Path"] = Path.Combine(folder, "outbox");
        info.Environment["Delivery__Teams__MessagesPerSecond"] = (limit > 0 && !email ? limit : 1000).ToString(CultureInfo.InvariantCulture);
        if (email && limit > 0) info.Environment["Email__MessagesPerMinute"] = limit.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        // Extra service settings for experiments, e.g. PARTICIPANTBOT_BENCH_Delivery__Parallelism=16.
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("PARTICIPANTBOT_BENCH_", StringComparison.Ordinal)))
            info.Environment[key["PARTICIPANTBOT_BENCH_".Length..]] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("service: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Service(process, $"http://127.0.0.1:{port}");
    }

    /// <summary>Waits (at most two minutes) until the process uses under 5 % of a core over two seconds in a row; returns the seconds waited.</summary>
    public static async Task<double> WaitIdleAsync(Process process)
    {
        var waited = Stopwatch.StartNew();
        var quiet = 0;
        while (quiet < 2 && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            await Task.Delay(1000);
            process.Refresh();
            quiet = (process.TotalProcessorTime - before).TotalMilliseconds < 50 ? quiet + 1 : 0;
        }
        return waited.Elapsed.TotalSeconds;
    }

    public static async Task WaitHealthyAsync(HttpClient http, Process process)
    {
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("The service stopped.");
            try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The service did not start.");
    }

    /// <summary>
    /// With BENCH_PROFILE_PAUSE=SECONDS set, prints a process's id and waits before it is measured, so that a
    /// profiler (dotnet-trace collect -p PID) can attach; the wait is not measured.
    /// </summary>
    public static async Task PauseForProfilerAsync(Process process, string what)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_PROFILE_PAUSE"), out var seconds) || seconds <= 0) return;
        Console.Error.WriteLine($"profile: {what} pid {process.Id}, measured in {seconds} s");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>The machine a figure was measured on: cores, processor model, runtime.</summary>
    public static string Machine()
    {
        var model = "";
        try { model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? ""; }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return $"{Environment.ProcessorCount} cores{(model.Length > 0 ? ", " + model : "")}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted.Order().ElementAt(Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

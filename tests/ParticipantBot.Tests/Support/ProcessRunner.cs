using System.Diagnostics;

namespace ParticipantBot.Tests.Support;

public static class ProcessRunner
{
    /// <summary>Runs a command to its end and returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string file, string arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

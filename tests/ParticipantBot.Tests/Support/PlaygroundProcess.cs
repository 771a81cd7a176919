using System.Diagnostics;
using System.Text;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The Microsoft 365 Agents Playground (installed from tests/tools' lock file), started on a free
/// port against a bot endpoint, and stopped with the test.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PlaygroundProcess(Process process, int port) { _process = process; Port = port; }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/";
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<PlaygroundProcess> StartAsync(string botEndpoint)
    {
        var script = RepositoryPaths.Combine("tests", "tools", "playground.js");
        Assert.True(Directory.Exists(RepositoryPaths.Combine("tests", "tools", "node_modules", "@microsoft", "m365agentsplayground")),
            "The Agents Playground is not installed: run ./test.sh (or tests/tools/install.sh).");
        var port = FreePort();
        var workDir = Directory.CreateTempSubdirectory("playground-").FullName; // it writes its devTools/ logs here
        var info = new ProcessStartInfo("node", $"\"{script}\" {port} {botEndpoint}")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        var process = Process.Start(info)!;
        var playground = new PlaygroundProcess(process, port);
        process.OutputDataReceived += (_, e) => { lock (playground._log) playground._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (playground._log) playground._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, "The Playground stopped: " + playground.Log);
            try { if ((await http.GetAsync(playground.Url)).IsSuccessStatusCode) return playground; }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "The Playground did not answer: " + playground.Log);
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

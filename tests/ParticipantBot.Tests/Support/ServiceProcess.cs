using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The built service as a real process (the same dll `dotnet run` starts), on a free loopback
/// port, with settings given as environment variables. It can be killed (SIGKILL) like a crash.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private ServiceProcess(Process process, StringBuilder log, int port) { _process = process; _log = log; Port = port; }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string Log { get { lock (_log) return _log.ToString(); } }
    public HttpClient Client() => new() { BaseAddress = new Uri(BaseUrl) };

    public static async Task<ServiceProcess> StartAsync(string workingDirectory, IDictionary<string, string> settings, params string[] args)
    {
        var port = FreePort();
        var dll = Path.Combine(Path.GetDirectoryName(typeof(ServiceProcess).Assembly.Location)!, "ParticipantBot.dll");
        File.Copy(Path.Combine(Path.GetDirectoryName(dll)!, "appsettings.json"), Path.Combine(workingDirectory, "appsettings.json"), overwrite: true);
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} {string.Join(' ', args)}")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__ParticipantBot"] = "Information";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        var log = new StringBuilder();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, log, port);
        using var client = service.Client();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(process.HasExited, "The service stopped: " + service.Log);
            try { if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return service; }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "The service did not answer /healthz in time: " + service.Log);
            await Task.Delay(200);
        }
    }

    /// <summary>Kills the process at once, as a crash would (SIGKILL): nothing is flushed or stopped gracefully.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}

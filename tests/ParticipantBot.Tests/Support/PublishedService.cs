using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The output of `dotnet publish`, started from its own folder as a host would start it: Production,
/// settings from environment variables only, the address from ASPNETCORE_URLS.
/// </summary>
public sealed class PublishedService : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);
    private readonly Process _process;
    private readonly StringBuilder _log;

    private PublishedService(Process process, StringBuilder log, string baseUrl) { _process = process; _log = log; BaseUrl = baseUrl; }

    public string BaseUrl { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Publishes the service once per test run (from the build the tests run against, Release or Debug).</summary>
    public static Task<string> FolderAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var configuration = typeof(PublishedService).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var folder = Path.Combine(Path.GetTempPath(), "participantbot-publish-" + Guid.NewGuid().ToString("N")[..8]);
        var project = RepositoryPaths.Combine("src", "ParticipantBot", "ParticipantBot.csproj");
        // The test project has just built the service in this configuration: publishing copies that build.
        var (exit, output) = await Task.Run(() => ProcessRunner.Run("dotnet",
            $"publish \"{project}\" -c {configuration} --no-build -o \"{folder}\" -nologo -v quiet", timeout: TimeSpan.FromMinutes(5)));
        Assert.True(exit == 0, "dotnet publish failed: " + output);
        Assert.True(File.Exists(Path.Combine(folder, "ParticipantBot.dll")), "no ParticipantBot.dll in " + folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, true); } catch (IOException) { } };
        return folder;
    }

    /// <summary>Starts `dotnet ParticipantBot.dll` in the published folder with these variables (and no others of ours) and waits for /healthz.</summary>
    public static async Task<PublishedService> StartAsync(string folder, int port, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", "ParticipantBot.dll")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_") || k.StartsWith("DOTNET_ENVIRONMENT") || k.StartsWith("OTEL_")
                                                             || k.StartsWith("APPLICATIONINSIGHTS_") || k.Contains("__")).ToList())
            info.Environment.Remove(key);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var log = new StringBuilder();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new PublishedService(process, log, $"http://127.0.0.1:{port}");
        using var client = service.Client();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            Assert.False(process.HasExited, "The published service stopped: " + service.Log);
            try { if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return service; }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "The published service did not answer /healthz in time: " + service.Log);
            await Task.Delay(250);
        }
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

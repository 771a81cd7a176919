using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ParticipantBot.Bench;

/// <summary>
/// The delivery benchmark's yardsticks, each run as its own process (this program, started again with
/// <c>send-floor</c>, <c>send-durable</c> or <c>send-sdk</c>) so that its CPU is measured the way the service's is: from outside,
/// with <see cref="Process.TotalProcessorTime"/>, from the moment it is told to start to the moment the
/// connector has everything. Both send the bytes the service sent (the first invitation activity the emulated
/// connector received), to the same connector, one conversation per message as the service does, with the
/// same number of sends in flight and, under a limit, the service's own one-second window (RollingWindow, TeamsLimits.AppPermits).
/// <list type="bullet">
/// <item><b>floor</b>: a bare HTTP POST of those bytes with one reused <see cref="HttpClient"/>: what any
/// sender must at least do.</item>
/// <item><b>sdk</b>: Bot Framework's default proactive path, as its samples and Company Communicator send:
/// <c>CloudAdapter.ContinueConversationAsync</c> per message over <c>ConfigurationBotFrameworkAuthentication</c>
/// (no app id: anonymous, as in local development; an <see cref="IHttpClientFactory"/> from
/// <c>AddHttpClient()</c>, as the samples' DI gives it), the card deserialised from its JSON into the
/// attachment (as Company Communicator does) and sent with <c>turnContext.SendActivityAsync</c>.</item>
/// <item><b>durable</b>: the floor's POST plus the least an SQLite outbox costs (<see cref="DurableAsync"/>);
/// not a target, it says how much of the service's cost persistence alone explains.</item>
/// </list>
/// Protocol with the parent: the child prints <c>ready</c> once set up, waits for <c>go</c> on its standard
/// input, sends, prints one JSON line (sent, throttled, failed), then waits for its input to close, so that
/// the parent reads its CPU while it is still there.
/// </summary>
internal static class SendPaths
{
    public const string BotId = "28:bench";

    /// <summary>The conversation of the n-th participant, as the delivery benchmark seeds it.</summary>
    public static string Conversation(int n) => $"a:bench-{n:D6}";

    public static async Task<int> RunChildAsync(string path, string connectorUrl, string bodyFile, int messages, int parallelism, int limit)
    {
        var body = await File.ReadAllBytesAsync(bodyFile);
        Func<int, Task<HttpStatusCode>> send = path switch
        {
            "floor" or "durable" => Floor(connectorUrl, body),
            "sdk" => Sdk(connectorUrl, body),
            _ => throw new ArgumentException("Unknown send path: " + path),
        };
        using var window = limit > 0 ? new ParticipantBot.Delivery.RollingWindow(ParticipantBot.Teams.TeamsLimits.AppPermits(limit), TimeSpan.FromSeconds(1), TimeProvider.System) : null;
        Console.WriteLine("ready");
        if (Console.ReadLine() != "go") return 2;
        if (path == "durable") return await DurableAsync(Path.Combine(Path.GetDirectoryName(bodyFile)!, "durable.db"), send, messages, parallelism, window);

        var next = -1;
        int sent = 0, throttled = 0, failed = 0;
        string? firstError = null;
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    if (window is not null) await window.WaitAsync(CancellationToken.None);
                    HttpStatusCode status;
                    window?.Started();
                    try { status = await send(i); }
                    catch (Exception e) when (Status(e) is { } s) { status = s; }
                    catch (Exception e)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                        break;
                    }
                    if (status == HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref throttled);
                        await Task.Delay(1000);
                        continue;
                    }
                    if ((int)status is >= 200 and < 300) Interlocked.Increment(ref sent);
                    else
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstError, "HTTP " + (int)status, null);
                    }
                    break;
                }
            }
        })));
        Console.WriteLine(JsonSerializer.Serialize(new { sent, throttled, failed, firstError }));
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>
    /// The floor of a durable sender: the bare POST, plus the least an outbox in SQLite needs (the service's
    /// design with nothing else): every message a row, written in transactions of 500 as the invite call plans
    /// them; then batches of 200 due rows read, each group of <paramref name="parallelism"/> claimed by one
    /// conditional UPDATE in its transaction, sent, and marked sent by one UPDATE in another. Raw SQL, one
    /// connection, prepared statements, WAL, SQLite's default synchronous mode (as the service's).
    /// </summary>
    private static async Task<int> DurableAsync(string file, Func<int, Task<HttpStatusCode>> send, int messages, int parallelism, ParticipantBot.Delivery.RollingWindow? window)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await db.OpenAsync();
        Execute(db, "PRAGMA journal_mode=WAL; CREATE TABLE Outbox (Id INTEGER PRIMARY KEY, Conversation INTEGER NOT NULL, Status TEXT NOT NULL, DueAt INTEGER NOT NULL, ClaimedAt INTEGER, SentAt INTEGER);"
            + " CREATE INDEX IX_Outbox_Status_DueAt ON Outbox (Status, DueAt);");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var start = 0; start < messages; start += 500)
        {
            await using var tx = db.BeginTransaction();
            await using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO Outbox (Id, Conversation, Status, DueAt) VALUES ($id, $id, 'Planned', $due)";
            var id = insert.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
            insert.Parameters.AddWithValue("$due", now);
            for (var n = start; n < Math.Min(messages, start + 500); n++)
            {
                id.Value = n;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        int sent = 0, throttled = 0, failed = 0;
        while (true)
        {
            var due = new List<int>();
            await using (var select = db.CreateCommand())
            {
                select.CommandText = "SELECT Conversation FROM Outbox WHERE Status = 'Planned' AND DueAt <= $now ORDER BY DueAt LIMIT 200";
                select.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync()) due.Add(reader.GetInt32(0));
            }
            if (due.Count == 0) break;
            foreach (var group in due.Chunk(parallelism))
            {
                var ids = string.Join(",", group);
                if (window is not null) foreach (var _ in group) await window.WaitAsync(CancellationToken.None);
                await using (var tx = db.BeginTransaction())
                {
                    Execute(db, $"UPDATE Outbox SET Status = 'Sending', ClaimedAt = {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} WHERE Id IN ({ids}) AND Status = 'Planned'");
                    await tx.CommitAsync();
                }
                var statuses = await Task.WhenAll(group.Select(id => { window?.Started(); return send(id); }));
                foreach (var status in statuses)
                    if (status == HttpStatusCode.TooManyRequests) throttled++;
                    else if ((int)status is >= 200 and < 300) sent++;
                    else failed++;
                await using (var tx = db.BeginTransaction())
                {
                    var ok = string.Join(",", group.Where((_, i) => (int)statuses[i] is >= 200 and < 300));
                    if (ok.Length > 0) Execute(db, $"UPDATE Outbox SET Status = 'Sent', SentAt = {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} WHERE Id IN ({ok})");
                    var again = string.Join(",", group.Where((_, i) => (int)statuses[i] is < 200 or >= 300));
                    if (again.Length > 0) Execute(db, $"UPDATE Outbox SET Status = 'Planned', DueAt = {DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds()} WHERE Id IN ({again})");
                    await tx.CommitAsync();
                }
            }
        }
        Console.WriteLine(JsonSerializer.Serialize(new { sent, throttled, failed, firstError = (string?)null }));
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Func<int, Task<HttpStatusCode>> Floor(string connectorUrl, byte[] body)
    {
        var http = new HttpClient();
        var baseUrl = connectorUrl.TrimEnd('/') + "/";
        var json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return async n =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}v3/conversations/{Uri.EscapeDataString(Conversation(n))}/activities")
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = json } },
            };
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        };
    }

    private static Func<int, Task<HttpStatusCode>> Sdk(string connectorUrl, byte[] body)
    {
        // The card as the service put it into the activity, kept as JSON text: the SDK path deserialises it for each message.
        using var activity = JsonDocument.Parse(body);
        var attachment = activity.RootElement.GetProperty("attachments")[0];
        var contentType = attachment.GetProperty("contentType").GetString()!;
        var cardJson = attachment.GetProperty("content").GetRawText();

        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "", ["MicrosoftAppTenantId"] = "",
        }).Build();
        var authentication = new ConfigurationBotFrameworkAuthentication(configuration,
            httpClientFactory: services.GetRequiredService<IHttpClientFactory>(), logger: NullLogger.Instance);
        var adapter = new CloudAdapter(authentication, NullLogger<CloudAdapter>.Instance);
        var serviceUrl = connectorUrl;
        return async n =>
        {
            var reference = new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                Bot = new ChannelAccount(BotId),
                User = new ChannelAccount($"29:bench-{n:D6}"),
                Conversation = new ConversationAccount(id: Conversation(n)),
            };
            await adapter.ContinueConversationAsync("", reference, async (turn, ct) =>
            {
                var card = new Attachment { ContentType = contentType, Content = Newtonsoft.Json.JsonConvert.DeserializeObject(cardJson) };
                await turn.SendActivityAsync(MessageFactory.Attachment(card), ct);
            }, CancellationToken.None);
            return HttpStatusCode.Created;
        };
    }

    /// <summary>The HTTP status an SDK exception carries (ErrorResponseException, HttpOperationException), if any.</summary>
    private static HttpStatusCode? Status(Exception e) => e switch
    {
        Microsoft.Bot.Schema.ErrorResponseException { Response: { } r } => r.StatusCode,
        Microsoft.Rest.HttpOperationException { Response: { } r } => r.StatusCode,
        _ => null,
    };

    /// <summary>Parent side: one child process, measured like the service (its CPU from "go" to the last arrival).</summary>
    public sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<string> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Child(string path, string connectorUrl, string bodyFile, int messages, int parallelism, int limit)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ParticipantBot.Bench.dll"), "send-" + path, connectorUrl, bodyFile,
                         messages.ToString(CultureInfo.InvariantCulture), parallelism.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture) })
                info.ArgumentList.Add(argument);
            // The service's own JIT settings (its project turns off tiered compilation and dynamic PGO), so that
            // the three processes compile the same way; PARTICIPANTBOT_SEND_DOTNET_* overrides for experiments.
            info.Environment["DOTNET_TieredCompilation"] = "0";
            info.Environment["DOTNET_TieredPGO"] = "0";
            foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                         .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("PARTICIPANTBOT_SEND_", StringComparison.Ordinal)))
                info.Environment[key["PARTICIPANTBOT_SEND_".Length..]] = value;
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == "ready") _ready.TrySetResult();
                else if (e.Data is { Length: > 0 } line && line.StartsWith('{')) _result.TrySetResult(line);
            };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"send-{path}: " + e.Data); };
            _process.Exited += (_, _) => { _ready.TrySetException(new InvalidOperationException($"send-{path} stopped.")); _result.TrySetException(new InvalidOperationException($"send-{path} stopped.")); };
            _process.EnableRaisingEvents = true;
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public Process Process => _process;

        public Task Ready => _ready.Task;

        public void Go()
        {
            _process.StandardInput.WriteLine("go");
            _process.StandardInput.Flush();
        }

        public Task<string> Result => _result.Task;

        public void Dispose()
        {
            try { _process.StandardInput.Close(); } catch (IOException) { }
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}

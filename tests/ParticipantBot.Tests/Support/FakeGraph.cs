using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// Microsoft Graph as the tests' own HTTP server, on a loopback port: the routes the service uses
/// (events, cancel, sendMail, subscriptions), an organiser mailbox that keeps the events and their
/// attendees' replies, and answers a test can script (429 with Retry-After, 503, 400, 404).
/// Every request is recorded with its path, body and Authorization header.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, string Body, string? Authorization)
    {
        public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
    }

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, string PathContains, int Status, int? RetryAfter)> _script = new();
    private readonly Lock _gate = new();

    public ConcurrentQueue<Request> Requests { get; } = new();
    /// <summary>The mailbox's events by id, as Graph would return them.</summary>
    public ConcurrentDictionary<string, JsonObject> Events { get; } = new();
    public ConcurrentDictionary<string, string> EventByTransaction { get; } = new();
    public ConcurrentQueue<JsonObject> SentMail { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Subscriptions { get; } = new();
    public HashSet<string> Cancelled { get; } = [];
    /// <summary>How long each answer takes (so that concurrent requests overlap), and the most that were ever in flight at once.</summary>
    public TimeSpan Latency { get; set; }
    public int MaxInFlight => _maxInFlight;
    private int _inFlight;
    private int _maxInFlight;
    public string Url { get; }

    private FakeGraph(WebApplication app, string url) { _app = app; Url = url; }

    /// <summary>The next request whose method and path match gets this answer instead (once).</summary>
    public void AnswerNext(string method, string pathContains, int status, int? retryAfter = null) =>
        _script.Enqueue((method, pathContains, status, retryAfter));

    /// <summary>The attendee answered in their mail client: Exchange records it on the organiser's event.</summary>
    public void Reply(string eventId, string response, DateTimeOffset at)
    {
        var attendee = Events[eventId]["attendees"]![0]!.AsObject();
        attendee["status"] = new JsonObject { ["response"] = response, ["time"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ") };
    }

    /// <summary>Someone deleted the event in Outlook.</summary>
    public void DeleteByHand(string eventId) => Events.TryRemove(eventId, out _);

    public IEnumerable<Request> To(string method, string pathContains) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal));

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeGraph? self = null;
        app.Use(async (context, next) =>
        {
            var now = Interlocked.Increment(ref self!._inFlight);
            try
            {
                int seen;
                while (now > (seen = Volatile.Read(ref self._maxInFlight)) && Interlocked.CompareExchange(ref self._maxInFlight, now, seen) != seen) { }
                if (self.Latency > TimeSpan.Zero) await Task.Delay(self.Latency);
                await Handle(context, next);
            }
            finally { Interlocked.Decrement(ref self._inFlight); }
        });
        async Task Handle(HttpContext context, Func<Task> next)
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var request = new Request(context.Request.Method, context.Request.Path.Value ?? "", body, context.Request.Headers.Authorization.ToString());
            self!.Requests.Enqueue(request);
            context.Items["body"] = body;
            if (self.Scripted(request) is { } scripted)
            {
                context.Response.StatusCode = scripted.Status;
                if (scripted.RetryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
                await context.Response.WriteAsJsonAsync(Error(scripted.Status == 429 ? "TooManyRequests" : scripted.Status >= 500 ? "ServiceUnavailable" : "ErrorInvalidRequest",
                    $"scripted {scripted.Status}"));
                return;
            }
            await next();
        }
        app.MapPost("/v1.0/users/{mailbox}/events", (HttpContext c) => self!.Create(Body(c)));
        app.MapPatch("/v1.0/users/{mailbox}/events/{id}", (string id, HttpContext c) => self!.Update(id, Body(c)));
        app.MapGet("/v1.0/users/{mailbox}/events/{id}", (string id) =>
            self!.Events.TryGetValue(id, out var e) ? Results.Json(e) : NotFound());
        app.MapPost("/v1.0/users/{mailbox}/events/{id}/cancel", (string id) =>
        {
            if (!self!.Events.ContainsKey(id)) return NotFound();
            lock (self._gate) self.Cancelled.Add(id);
            return Results.StatusCode(202);
        });
        app.MapPost("/v1.0/users/{mailbox}/sendMail", (HttpContext c) =>
        {
            // Graph reads the action's parameters case-insensitively (the SDK writes "Message").
            var body = Body(c);
            self!.SentMail.Enqueue((body["message"] ?? body["Message"])!.AsObject());
            return Results.StatusCode(202);
        });
        app.MapPost("/v1.0/subscriptions", (HttpContext c) =>
        {
            var subscription = Body(c);
            subscription["id"] = Guid.NewGuid().ToString();
            self!.Subscriptions[subscription["id"]!.GetValue<string>()] = subscription;
            return Results.Json(subscription, statusCode: 201);
        });
        app.MapPatch("/v1.0/subscriptions/{id}", (string id, HttpContext c) =>
        {
            if (!self!.Subscriptions.TryGetValue(id, out var subscription)) return NotFound();
            subscription["expirationDateTime"] = Body(c)["expirationDateTime"]!.DeepClone();
            return Results.Json(subscription);
        });
        await app.StartAsync();
        self = new FakeGraph(app, app.Urls.First().TrimEnd('/') + "/");
        return self;
    }

    private (int Status, int? RetryAfter)? Scripted(Request request)
    {
        lock (_gate)
        {
            if (!_script.TryPeek(out var next) || next.Method != request.Method || !request.Path.Contains(next.PathContains, StringComparison.Ordinal)) return null;
            _script.TryDequeue(out _);
            return (next.Status, next.RetryAfter);
        }
    }

    private IResult Create(JsonObject body)
    {
        lock (_gate)
        {
            // Graph's transactionId: a repeated create returns the event already made.
            if (body["transactionId"]?.GetValue<string>() is { } transaction && EventByTransaction.TryGetValue(transaction, out var existing) && Events.TryGetValue(existing, out var made))
                return Results.Json(made, statusCode: 201);
            var id = "AAMkAG" + Guid.NewGuid().ToString("N");
            body["id"] = id;
            foreach (var attendee in body["attendees"]?.AsArray() ?? [])
                attendee!["status"] = new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" };
            Events[id] = body;
            if (body["transactionId"]?.GetValue<string>() is { } t) EventByTransaction[t] = id;
            return Results.Json(body, statusCode: 201);
        }
    }

    private IResult Update(string id, JsonObject changes)
    {
        if (!Events.TryGetValue(id, out var current)) return NotFound();
        foreach (var (key, value) in changes)
            if (key != "attendees") current[key] = value?.DeepClone();
        return Results.Json(current);
    }

    private static JsonObject Body(HttpContext c) => JsonNode.Parse((string)c.Items["body"]!)!.AsObject();

    private static IResult NotFound() => Results.Json(Error("ErrorItemNotFound", "The specified object was not found in the store."), statusCode: 404);

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The app's credential in the tests: it hands out a fixed token and records what was asked, never touching the network.</summary>
public sealed class TestGraphCredential : TokenCredential
{
    public const string Token = "test-graph-token";
    public ConcurrentQueue<string[]> Requested { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requested.Enqueue(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// A Bot Connector of the tests' own, on a loopback port: it answers member look-ups, records the
/// activities the bot sends, and can be told how to answer the next sends (404, 403, 429 with
/// Retry-After, 500), so that the bot's handling of each is observable.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();

    public ConcurrentBag<(string ConversationId, JsonObject Activity)> Sent { get; } = [];
    /// <summary>Every invitation card that reached the connector, answered or not (held, or cut off by a crash).</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();
    private int _holdAt;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The send that arrives as number <paramref name="nth"/> (counting all received so far) gets no answer until <see cref="Release"/>.</summary>
    public void HoldAt(int nth)
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _holdAt, nth);
    }

    public void Release() => _release.TrySetResult();
    public Dictionary<string, JsonObject> Members { get; } = new();
    public string Url { get; }

    private FakeBotConnector(WebApplication app, string url) { _app = app; Url = url; }

    /// <summary>The next sends get these answers, in order; after them, 201.</summary>
    public void AnswerNext(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeBotConnector? self = null;
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string conversationId, string userId) =>
            self!.Members.TryGetValue(userId, out var member) ? Results.Json(member) : Results.NotFound());
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpContext context) =>
        {
            var activity = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            // Only invitation cards count for holding: welcome and command replies pass straight through.
            var isCard = activity.ToJsonString().Contains("rsvp.");
            if (isCard) self!.Received.Enqueue(activity);
            if (isCard && self!.Received.Count == Volatile.Read(ref self._holdAt))
            {
                // The window a crash can fall into: the message has arrived, its sender has no answer yet.
                var released = self._release.Task;
                await Task.WhenAny(released, Task.Delay(Timeout.Infinite, context.RequestAborted));
                if (!released.IsCompleted) return Results.StatusCode(499);
            }
            if (self!._script.TryDequeue(out var answer))
            {
                if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
                return Results.Json(new { error = new { code = "Scripted", message = $"scripted {answer.Status}" } }, statusCode: answer.Status);
            }
            self.Sent.Add((conversationId, activity));
            return Results.Json(new { id = "activity-" + self.Sent.Count }, statusCode: 201);
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyTo}", async (string conversationId, HttpContext context) =>
        {
            self!.Sent.Add((conversationId, (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!));
            return Results.Json(new { id = "reply-" + self.Sent.Count }, statusCode: 201);
        });
        await app.StartAsync();
        self = new FakeBotConnector(app, app.Urls.First().TrimEnd('/') + "/");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}

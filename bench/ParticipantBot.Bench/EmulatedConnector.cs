using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ParticipantBot.Bench;

/// <summary>
/// A local Bot Connector that accepts at most R messages a second for the app and 7 a second per
/// conversation, answering 429 with Retry-After above them (R = 0: no app limit), and records when
/// each invitation card arrived. It keeps the first invitation activity it accepted, byte for byte,
/// so that the delivery benchmark's floor and SDK reference send what the service sent; the same
/// connector serves all three, one after the other (<see cref="Reset"/> between them).
/// </summary>
internal sealed class EmulatedConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _limit;
    private readonly object _gate = new();
    private long _window = -1;
    private int _inWindow;
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _conversations = new();

    public ConcurrentDictionary<string, int> ReceivedByInvitation { get; } = new();
    public ConcurrentBag<long> ArrivalTicks { get; } = [];
    public int Throttled;
    /// <summary>Activities answered 201, whatever they carried.</summary>
    public int Accepted;
    /// <summary>Whose card to keep (a conversation id); null: the first invitation card that arrives.</summary>
    public string? KeepBodyOf { get; set; }
    /// <summary>The body of the invitation card kept, as it came over the wire.</summary>
    public byte[]? FirstInvitationBody { get; private set; }
    public string Url { get; private set; } = "";

    private EmulatedConnector(WebApplication app, int limit) { _app = app; _limit = limit; }

    public static async Task<EmulatedConnector> StartAsync(int limit)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new EmulatedConnector(app, limit);
        // The SDK's proactive path replies to its continuation activity (activities/{id}); the service and the floor post to the conversation.
        var receive = async (string conversationId, HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            using var body = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (!connector.Admit(conversationId))
            {
                Interlocked.Increment(ref connector.Throttled);
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = "TooManyRequests", message = "throttled" } }, statusCode: 429);
            }
            Interlocked.Increment(ref connector.Accepted);
            var invitation = InvitationOf(body.RootElement);
            if (invitation is not null)
            {
                connector.ReceivedByInvitation.AddOrUpdate(invitation, 1, (_, n) => n + 1);
                connector.ArrivalTicks.Add(Stopwatch.GetTimestamp());
                if (connector.FirstInvitationBody is null && (connector.KeepBodyOf is null || connector.KeepBodyOf == conversationId)) lock (connector._gate) connector.FirstInvitationBody ??= buffer.ToArray();
            }
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
        };
        app.MapPost("/v3/conversations/{conversationId}/activities", receive);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", receive);
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string userId) => Results.Json(new { id = userId }));
        await app.StartAsync();
        connector.Url = app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    private bool Admit(string conversation)
    {
        var second = Stopwatch.GetTimestamp() / Stopwatch.Frequency;
        var perConversation = _conversations.AddOrUpdate(conversation, (second, 1), (_, c) => c.Window == second ? (second, c.Count + 1) : (second, 1));
        if (perConversation.Count > 7) return false;
        if (_limit <= 0) return true;
        lock (_gate)
        {
            if (_window != second) { _window = second; _inWindow = 0; }
            if (_inWindow >= _limit) return false;
            _inWindow++;
            return true;
        }
    }

    /// <summary>Forgets what arrived and what was throttled (the first body is kept), before another sender's turn.</summary>
    public void Reset()
    {
        ReceivedByInvitation.Clear();
        ArrivalTicks.Clear();
        _conversations.Clear();
        Interlocked.Exchange(ref Throttled, 0);
        Interlocked.Exchange(ref Accepted, 0);
    }

    private static string? InvitationOf(JsonElement activity)
    {
        if (!activity.TryGetProperty("attachments", out var attachments) || attachments.GetArrayLength() == 0) return null;
        var content = attachments[0].GetProperty("content");
        foreach (var action in content.GetProperty("actions").EnumerateArray())
            if (action.TryGetProperty("data", out var data) && data.TryGetProperty("i", out var i)) return i.GetString();
        return content.TryGetProperty("refresh", out var refresh) ? refresh.GetProperty("action").GetProperty("data").GetProperty("i").GetString() : null;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Persistence;

namespace ParticipantBot.Outlook;

/// <summary>
/// Graph's change notifications for the mailbox's events. Graph calls without a token: a
/// notification counts only if it names our subscription and echoes its secret clientState; it then
/// only asks for that event's reply to be read (by id, in the background), never trusts what it says.
/// </summary>
public static class GraphNotificationEndpoints
{
    public const string Route = "/api/graph/notifications";

    public static RouteHandlerBuilder MapGraphNotifications(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, Receive).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> Receive(HttpRequest request, AppDbContext db, IReplySyncTrigger queue, ILoggerFactory loggers, CancellationToken ct)
    {
        // The handshake when a subscription is made: echo the token, as plain text, at once.
        if (request.Query["validationToken"].ToString() is { Length: > 0 } token)
            return Results.Text(token, "text/plain", Encoding.UTF8);

        var logger = loggers.CreateLogger("ParticipantBot.Outlook.Notifications");
        List<Notification> notifications;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<NotificationBatch>(request.Body, JsonOptions, ct);
            notifications = body?.Value ?? [];
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        var subscriptions = await db.GraphSubscriptions.AsNoTracking().ToDictionaryAsync(s => s.SubscriptionId, s => s.ClientState, ct);
        var eventIds = new HashSet<string>();
        foreach (var n in notifications)
        {
            if (n.SubscriptionId is null || !subscriptions.TryGetValue(n.SubscriptionId, out var secret) || !Same(secret, n.ClientState))
            {
                logger.LogWarning("A Graph notification with an unknown subscription or a wrong clientState was ignored.");
                continue;
            }
            if (n.ResourceData?.Id is { Length: > 0 } id) eventIds.Add(id);
        }
        var known = eventIds.Count == 0 ? [] : await db.OutlookEvents.AsNoTracking().Where(o => eventIds.Contains(o.EventId)).Select(o => o.Id).ToListAsync(ct);
        foreach (var id in known) queue.SyncSoon(id);
        // Graph reads only the status; the count tells a person (or a test) what was taken into account.
        return Results.Json(new { syncing = known.Count }, statusCode: StatusCodes.Status202Accepted);
    }

    private static bool Same(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record NotificationBatch(List<Notification>? Value);
    private sealed record Notification(string? SubscriptionId, string? ClientState, string? ChangeType, string? Resource, ResourceData? ResourceData);
    private sealed record ResourceData(string? Id);
}

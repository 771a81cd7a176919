using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using ParticipantBot.Persistence;

namespace ParticipantBot.Outlook;

/// <summary>
/// Keeps one Graph subscription on the mailbox's events when the service is publicly reachable
/// (Graph:NotificationUrl), renewed a day before it expires, so replies arrive in seconds.
/// </summary>
public sealed class GraphSubscriptions(AppDbContext db, GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider clock, ILogger<GraphSubscriptions> logger)
{
    /// <summary>Graph keeps a subscription to Outlook events at most 7 days; three leave room for a missed renewal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(1);

    public async Task EnsureAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.NotificationUrl)) return;
        var now = clock.GetUtcNow();
        var current = await db.GraphSubscriptions.OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        if (current is not null && current.ExpiresAt - now > RenewBefore) return;
        if (current is not null && current.ExpiresAt > now)
        {
            try
            {
                await graph.Subscriptions[current.SubscriptionId].PatchAsync(new Subscription { ExpirationDateTime = now + Lifetime }, cancellationToken: ct);
                current.ExpiresAt = now + Lifetime;
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Graph subscription {SubscriptionId} renewed until {ExpiresAt:u}.", current.SubscriptionId, current.ExpiresAt);
                return;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                logger.LogWarning("Graph subscription {SubscriptionId} was gone; a new one is made.", current.SubscriptionId);
            }
        }
        var clientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var resource = $"users/{o.Mailbox}/events";
        var created = await graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "updated,deleted",
            NotificationUrl = o.NotificationUrl,
            Resource = resource,
            ExpirationDateTime = now + Lifetime,
            ClientState = clientState,
        }, cancellationToken: ct) ?? throw new InvalidOperationException("Graph made a subscription but returned nothing.");
        if (current is not null) db.GraphSubscriptions.Remove(current);
        db.GraphSubscriptions.Add(new GraphSubscription
        {
            Id = Guid.NewGuid(), SubscriptionId = created.Id!, ClientState = clientState, Resource = resource,
            ExpiresAt = created.ExpirationDateTime ?? now + Lifetime, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Graph subscription {SubscriptionId} made for the mailbox's events.", created.Id);
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Teams;

/// <summary>What the bot learns when it is installed for someone, and where it can reach whom.</summary>
public sealed record TeamsUser(string TenantId, string ObjectId, string UserId, string? Name, string? Upn, string? Email,
    string ConversationId, string ServiceUrl, string BotId, string? BotName, string ChannelId);

/// <summary>The stored conversation references, and the link from Teams users to participants.</summary>
public sealed class TeamsDirectory(AppDbContext db, ParticipantDirectory guests, TimeProvider clock, ILogger<TeamsDirectory> logger) : Delivery.ITeamsReach
{
    /// <summary>The language to answer a Teams user in: the one they chose with "language xx", else their participant record's, else French.</summary>
    public async Task<Language> LanguageOfAsync(string? objectId, CancellationToken ct)
    {
        if (objectId is null) return Language.Fr;
        var installation = await FindAsync(objectId, ct);
        if (installation?.Language is { } chosen && LanguageCodes.TryParse(chosen, out var language)) return language;
        var person = (await guests.OfTeamsUserAsync(objectId, ct)).MaxBy(p => p.UpdatedAt);
        return person?.Language ?? Language.Fr;
    }

    /// <summary>
    /// Stores (or refreshes) the reference and links the participants it belongs to: by object id, else by
    /// UPN or email. An upsert: Teams sends installationUpdate and conversationUpdate at once, and both turns
    /// may find no row; the one whose insert meets the other's (a unique key violation, on SQLite as on
    /// PostgreSQL, where EF Core rolls back to its savepoint inside a caller's transaction) updates that row instead.
    /// </summary>
    public async Task RememberAsync(TeamsUser user, CancellationToken ct)
    {
        user = Bounded(user);
        try
        {
            await RememberOnceAsync(user, ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            foreach (var entry in db.ChangeTracker.Entries<TeamsInstallation>().Where(x => x.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
            logger.LogInformation("Teams user {ObjectId} was being stored by another turn at the same moment; its row is updated instead.", user.ObjectId);
            await RememberOnceAsync(user, ct);
        }
    }

    /// <summary>What an activity says about the user, cut to what the columns hold and to printable text: a client says what it likes.</summary>
    private static TeamsUser Bounded(TeamsUser u)
    {
        static string Cut(string? value, int max) => Text.Printable(value, max: max).Trim();
        static string? CutOrNull(string? value, int max) => value is null ? null : Cut(value, max);
        return u with
        {
            TenantId = Cut(u.TenantId, 100),
            ObjectId = Cut(u.ObjectId, 100),
            UserId = Cut(u.UserId, 300),
            Name = CutOrNull(u.Name, 200),
            Upn = CutOrNull(u.Upn, 254),
            Email = CutOrNull(u.Email, 254),
            ConversationId = Cut(u.ConversationId, 500),
            ServiceUrl = Cut(u.ServiceUrl, 500),
            BotId = Cut(u.BotId, 300),
            BotName = CutOrNull(u.BotName, 200),
            ChannelId = Cut(u.ChannelId, 50),
        };
    }

    private async Task RememberOnceAsync(TeamsUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var installation = await db.TeamsInstallations.FirstOrDefaultAsync(i => i.TenantId == user.TenantId && i.UserObjectId == user.ObjectId, ct);
        if (installation is null)
        {
            installation = new TeamsInstallation { Id = Guid.NewGuid(), TenantId = user.TenantId, UserObjectId = user.ObjectId, InstalledAt = now };
            db.TeamsInstallations.Add(installation);
        }
        installation.UserId = user.UserId;
        installation.UserName = user.Name;
        installation.Upn = Text.Clean(user.Upn)?.ToLowerInvariant();
        installation.Email = Text.Clean(user.Email)?.ToLowerInvariant();
        installation.ConversationId = user.ConversationId;
        installation.ServiceUrl = user.ServiceUrl;
        installation.BotId = user.BotId;
        installation.BotName = user.BotName;
        installation.ChannelId = user.ChannelId;
        installation.Active = true;
        installation.InactiveReason = null;
        installation.UpdatedAt = now;

        var addresses = new[] { installation.Upn, installation.Email }.OfType<string>().Distinct().ToList();
        var linked = await guests.LinkTeamsUserAsync(user.ObjectId, addresses, now, ct);
        await db.SaveChangesAsync(ct);
        if (linked > 0)
            logger.LogInformation("Teams user {ObjectId} linked to {Count} participant record(s) by UPN or email.", user.ObjectId, linked);
    }

    public async Task ForgetAsync(string tenantId, string objectId, string reason, CancellationToken ct)
    {
        reason = Text.Printable(reason, max: 500);
        var installation = await db.TeamsInstallations.FirstOrDefaultAsync(i => i.TenantId == tenantId && i.UserObjectId == objectId, ct);
        if (installation is null) return;
        installation.Active = false;
        installation.InactiveReason = reason;
        installation.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public Task<TeamsInstallation?> FindAsync(string? objectId, CancellationToken ct) =>
        objectId is null
            ? Task.FromResult<TeamsInstallation?>(null)
            : db.TeamsInstallations.Where(i => i.UserObjectId == objectId && i.Active).OrderByDescending(i => i.UpdatedAt).FirstOrDefaultAsync(ct);

    /// <summary>Object ids among these that the bot can reach now.</summary>
    public async Task<HashSet<string>> ReachableAsync(IReadOnlyCollection<string> objectIds, CancellationToken ct) =>
        objectIds.Count == 0
            ? []
            : (await db.TeamsInstallations.Where(i => i.Active && objectIds.Contains(i.UserObjectId)).Select(i => i.UserObjectId).ToListAsync(ct)).ToHashSet();
}

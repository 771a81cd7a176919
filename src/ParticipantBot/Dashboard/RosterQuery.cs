using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;
using ParticipantBot.Surveys;

namespace ParticipantBot.Dashboard;

/// <summary>What the participant table is filtered by; every part is optional.</summary>
public sealed record RosterFilter(
    RsvpStatus? Status = null, string? Group = null, Sex? Sex = null, Language? Language = null,
    PreferredChannel? Channel = null, string? Need = null, string? SubGroup = null, string? Search = null)
{
    public static readonly string[] Needs = ["transport", "diet", "accessibility", "interpretation", "other"];
}

/// <summary>A session's participant table: filtered and paged by the database, with each person's last message.</summary>
public sealed class RosterQuery(AppDbContext db)
{
    public async Task<RosterPage> PageAsync(Guid sessionId, RosterFilter filter, int offset, int limit, CancellationToken ct)
    {
        var query = Filtered(sessionId, filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Person.NameKey).ThenBy(x => x.Person.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return new RosterPage(total, offset, limit, await WithLastMessagesAsync(sessionId, rows.Select(r => (r.Invitation, r.Person)).ToList(), ct));
    }

    public async Task<IReadOnlyList<RosterRow>> AllAsync(Guid sessionId, RosterFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(sessionId, filter).OrderBy(x => x.Person.NameKey).ThenBy(x => x.Person.Id).ToListAsync(ct);
        return await WithLastMessagesAsync(sessionId, rows.Select(r => (r.Invitation, r.Person)).ToList(), ct);
    }

    private IQueryable<Row> Filtered(Guid sessionId, RosterFilter f)
    {
        var query = from i in db.Invitations.AsNoTracking()
                    join p in db.Participants.AsNoTracking() on i.ParticipantId equals p.Id
                    where i.SessionId == sessionId
                    select new Row { Invitation = i, Person = p };
        if (f.Status is { } status) query = query.Where(x => x.Invitation.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Group)) query = query.Where(x => x.Person.Group == f.Group.Trim());
        if (f.Sex is { } sex) query = query.Where(x => x.Person.Sex == sex);
        if (f.Language is { } language) query = query.Where(x => x.Person.Language == language);
        if (f.Channel is { } channel) query = query.Where(x => x.Person.Channel == channel);
        if (!string.IsNullOrWhiteSpace(f.SubGroup)) query = query.Where(x => x.Invitation.SubGroup == f.SubGroup.Trim());
        query = f.Need?.Trim().ToLowerInvariant() switch
        {
            "transport" => query.Where(x => x.Person.Needs.Transport),
            "diet" => query.Where(x => x.Person.Needs.Diet != null),
            "accessibility" => query.Where(x => x.Person.Needs.Accessibility != null),
            "interpretation" => query.Where(x => x.Person.Needs.Interpretation != null),
            "other" => query.Where(x => x.Person.Needs.Other != null),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var key = Text.Key(f.Search);
            query = query.Where(x => x.Person.NameKey.Contains(key) || x.Person.EmailKey.Contains(key));
        }
        return query;
    }

    private async Task<IReadOnlyList<RosterRow>> WithLastMessagesAsync(
        Guid sessionId, IReadOnlyList<(Invitation Invitation, Domain.Participants.Participant Person)> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Person.Id).ToList();
        var messages = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.SessionId == sessionId && ids.Contains(m.ParticipantId) && m.Status != DeliveryStatus.Planned)
            .Select(m => new { m.ParticipantId, m.Kind, m.Channel, m.Status, m.Reason, m.SentAt, m.ClaimedAt, m.CreatedAt, m.PossibleDuplicate })
            .ToListAsync(ct);
        var last = messages.GroupBy(m => m.ParticipantId).ToDictionary(g => g.Key, g => g
            .Select(m => new LastMessage(m.Kind, m.Channel, m.Status, m.Reason, m.SentAt ?? m.ClaimedAt ?? m.CreatedAt, m.PossibleDuplicate))
            .OrderBy(m => m.At).Last());
        return rows.Select(r => new RosterRow(
            r.Person.Id.ToString(), r.Person.FullName, r.Person.Organisation, r.Person.Group, r.Person.Sex, r.Person.Language,
            r.Person.Channel, r.Invitation.Status, r.Invitation.LastChannel, r.Invitation.SubGroup, r.Person.Needs,
            last.GetValueOrDefault(r.Person.Id))).ToList();
    }

    private sealed class Row
    {
        public required Invitation Invitation { get; init; }
        public required Domain.Participants.Participant Person { get; init; }
    }
}

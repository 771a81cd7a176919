using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>An invitation with the person it is for and its session.</summary>
public sealed record InvitationView(Invitation Invitation, Participant Person, Session Session);

/// <summary>
/// What other modules may read of the invitations (the Invitations module owns their table; they change through
/// its use cases). Reads are untracked.
/// </summary>
public sealed class InvitationBook(AppDbContext db, ParticipantDirectory guests, CampaignDirectory campaigns)
{
    public Task<Invitation?> FindAsync(Guid invitationId, CancellationToken ct) =>
        db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId, ct);

    public Task<Invitation?> OfAsync(Guid sessionId, Guid participantId, CancellationToken ct) =>
        db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SessionId == sessionId && i.ParticipantId == participantId, ct);

    /// <summary>The invitation, its person and its session; null when one of them is gone.</summary>
    public async Task<InvitationView?> ViewAsync(Guid invitationId, CancellationToken ct)
    {
        var invitation = await FindAsync(invitationId, ct);
        var person = invitation is null ? null : await guests.FindAsync(invitation.ParticipantId, ct);
        var session = invitation is null ? null : await campaigns.SessionAsync(invitation.SessionId, ct);
        return invitation is null || person is null || session is null ? null : new InvitationView(invitation, person, session);
    }

    /// <summary>Everyone who has an invitation to the session, whatever its state.</summary>
    public async Task<HashSet<Guid>> PeopleOfAsync(Guid sessionId, CancellationToken ct) =>
        (await db.Invitations.AsNoTracking().Where(i => i.SessionId == sessionId).Select(i => i.ParticipantId).ToListAsync(ct)).ToHashSet();

    /// <summary>The people of a session whose invitation is in one of these states.</summary>
    public Task<List<Guid>> ParticipantIdsAsync(Guid sessionId, IReadOnlyCollection<RsvpStatus> states, CancellationToken ct) =>
        db.Invitations.AsNoTracking().Where(i => i.SessionId == sessionId && states.Contains(i.Status)).Select(i => i.ParticipantId).ToListAsync(ct);

    /// <summary>Every invitation of a Teams user (all their participant records), with its session.</summary>
    public async Task<List<InvitationView>> OfTeamsUserAsync(string objectId, CancellationToken ct)
    {
        var people = (await guests.OfTeamsUserAsync(objectId, ct)).ToDictionary(p => p.Id);
        if (people.Count == 0) return [];
        var ids = people.Keys.ToList();
        var invitations = await db.Invitations.AsNoTracking().Where(i => ids.Contains(i.ParticipantId)).ToListAsync(ct);
        var sessions = await campaigns.SessionsAsync(invitations.Select(i => i.SessionId).Distinct().ToList(), ct);
        return invitations.Where(i => sessions.ContainsKey(i.SessionId))
            .Select(i => new InvitationView(i, people[i.ParticipantId], sessions[i.SessionId])).ToList();
    }

    /// <summary>Every invitation of a person (their export), with its session.</summary>
    public Task<List<Invitation>> OfPersonAsync(Guid participantId, CancellationToken ct) =>
        db.Invitations.AsNoTracking().Where(i => i.ParticipantId == participantId).ToListAsync(ct);

    /// <summary>The end of a campaign's retention: the free-text notes of its invitations' histories go (inside the caller's unit of work).</summary>
    public async Task ForgetNotesAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        foreach (var invitation in await db.Invitations.Where(i => sessionIds.Contains(i.SessionId)).ToListAsync(ct)) invitation.ForgetNotes();
    }
}

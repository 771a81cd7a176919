using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;

namespace ParticipantBot.Invitations;

/// <summary>What a participant's "I'm here" did: the session it counted for, or why it counted for none.</summary>
public sealed record SelfCheckInResult(Session? Session, bool AlreadyRecorded)
{
    public bool Recorded => Session is not null;
}

/// <summary>
/// Participants checking themselves in from chat, during the window of a session whose organisers
/// allowed it (from 30 minutes before the start to the end). Only the person's own invitation moves,
/// through the one answer path (<see cref="RecordAnswerHandler"/>).
/// </summary>
public sealed class SelfCheckIn(InvitationBook invitations, RecordAnswerHandler answers, CampaignDirectory campaigns, TimeProvider clock)
{
    /// <summary>States from which a person who is there may say so: anyone still invited, even one who had declined.</summary>
    public static bool CanCheckIn(RsvpStatus status) =>
        status is RsvpStatus.Invited or RsvpStatus.Accepted or RsvpStatus.Tentative or RsvpStatus.Declined or RsvpStatus.Waitlisted or RsvpStatus.Offered;

    /// <summary>The Teams user's invitation to a session open for check-in now, recorded as attended.</summary>
    public async Task<SelfCheckInResult> ForTeamsUserAsync(string? objectId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(objectId)) return new SelfCheckInResult(null, false);
        var now = clock.GetUtcNow();
        var candidates = (await invitations.OfTeamsUserAsync(objectId, ct)).Where(v => v.Session.SelfCheckIn)
            .Select(v => new { Invitation = v.Invitation.Id, v.Session, v.Invitation.Status }).ToList();
        var open = candidates.Where(c => c.Session.IsSelfCheckInOpen(now)).OrderBy(c => c.Session.StartsAt).ToList();
        if (open.FirstOrDefault(c => c.Status == RsvpStatus.Attended) is { } done) return new SelfCheckInResult(done.Session, true);
        var next = open.FirstOrDefault(c => CanCheckIn(c.Status));
        return next is null ? new SelfCheckInResult(null, false) : await RecordAsync(next.Invitation, ct);
    }

    /// <summary>Records the invitation as attended, if its session is open for check-in now.</summary>
    public async Task<SelfCheckInResult> RecordAsync(Guid invitationId, CancellationToken ct)
    {
        var invitation = await invitations.FindAsync(invitationId, ct);
        if (invitation is null) return new SelfCheckInResult(null, false);
        var outcome = await answers.HandleAsync(new RecordAnswer(invitation.SessionId, invitation.ParticipantId, new Answer.SelfCheckIn(),
            AnswerChannel.Teams, $"participant:{invitation.ParticipantId}", InvitationId: invitationId), ct);
        if (!outcome.Succeeded) return new SelfCheckInResult(null, false);
        var session = await campaigns.SessionAsync(invitation.SessionId, ct);
        return new SelfCheckInResult(session, outcome.Value!.AlreadyRecorded);
    }
}

namespace ParticipantBot.Domain.Audit;

/// <summary>What organisers (and the service on their behalf) did to a campaign's people and messages.</summary>
public enum AuditAction
{
    CampaignCreated,
    CampaignChanged,
    OrganisersChanged,
    SessionCreated,
    SessionChanged,
    SessionCancelled,
    ParticipantsImported,
    ParticipantAdded,
    ParticipantChanged,
    ParticipantErased,
    InvitationsSent,
    AnswerRecorded,
    InvitationWithdrawn,
    DelegateSubstituted,
    ReminderPolicyChanged,
    RemindersSent,
    Exported,
    SurveyChanged,
    SubGroupAssigned,
    WalkInAdded,
}

/// <summary>
/// One line of a campaign's audit log: who did what, when. Written once, never changed. It names
/// people by their ids only, so that erasing a participant leaves the log true and anonymous.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { Actor = string.Empty; Details = string.Empty; }

    public long Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The organiser's Entra object id (or the Teams user's), never a participant.</summary>
    public string Actor { get; private set; }
    public AuditAction Action { get; private set; }
    public Guid? SessionId { get; private set; }
    public Guid? ParticipantId { get; private set; }
    /// <summary>What changed, in words and ids (counts, statuses, organiser ids), never names or addresses.</summary>
    public string Details { get; private set; }

    public static AuditEntry Of(Guid campaignId, DateTimeOffset at, string actor, AuditAction action, string details,
        Guid? sessionId = null, Guid? participantId = null)
    {
        if (string.IsNullOrWhiteSpace(actor)) throw new ArgumentException("An audit entry names who acted.", nameof(actor));
        return new AuditEntry
        {
            CampaignId = campaignId,
            At = at.ToUniversalTime(),
            Actor = actor.Trim(),
            Action = action,
            SessionId = sessionId,
            ParticipantId = participantId,
            Details = details.Length > 1000 ? details[..1000] : details,
        };
    }
}

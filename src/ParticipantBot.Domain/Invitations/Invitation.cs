using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Invitations;

/// <summary>One participant's invitation to one session, with the history of its RSVP state.</summary>
public sealed class Invitation
{
    private readonly List<InvitationChange> _history = [];

    private Invitation() { }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public RsvpStatus Status { get; private set; }
    /// <summary>Channel of the last change, shown to organisers.</summary>
    public AnswerChannel? LastChannel { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When the person joined the waiting list: the first to wait is the first offered a seat.</summary>
    public DateTimeOffset? WaitlistedAt { get; private set; }
    public string? SubGroup { get; private set; }
    /// <summary>Grows with every change, so that two writers cannot overwrite each other's change unnoticed.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<InvitationChange> History => _history;

    public static Invitation Create(Guid sessionId, Guid participantId, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        SessionId = sessionId,
        ParticipantId = participantId,
        Status = RsvpStatus.NotSent,
        CreatedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
    };

    /// <summary>
    /// Moves the RSVP state, or refuses with the reason. Moving to the state it is already in
    /// changes nothing and returns false, so a repeated click or a replayed message is harmless.
    /// </summary>
    public bool MoveTo(RsvpStatus to, AnswerChannel channel, string by, DateTimeOffset at, string? note = null)
    {
        if (to == Status) return false;
        if (RsvpTransitions.WhyNot(Status, to) is { } reason)
            throw new DomainException(reason, "status", "status.transition",
                new Dictionary<string, object?> { ["from"] = RsvpTransitions.Name(Status), ["to"] = RsvpTransitions.Name(to) });
        _history.Add(new InvitationChange(at.ToUniversalTime(), Status, to, channel, by, note));
        Status = to;
        Version++;
        LastChannel = channel;
        UpdatedAt = at.ToUniversalTime();
        WaitlistedAt = to == RsvpStatus.Waitlisted ? at.ToUniversalTime() : to == RsvpStatus.Offered ? WaitlistedAt : null;
        return true;
    }

    /// <summary>A delegate takes the invitation of the person they replace; state and history stay.</summary>
    public void Substitute(Guid delegateParticipantId, string by, DateTimeOffset at, AnswerChannel channel = AnswerChannel.Organiser)
    {
        if (delegateParticipantId == ParticipantId) throw new DomainException("The delegate is already the invited person.", "participantId", "substitute.samePerson");
        if (Status is RsvpStatus.Cancelled or RsvpStatus.Withdrawn)
            throw new DomainException($"A {RsvpTransitions.Name(Status)} invitation cannot be handed to a delegate.", "status", "substitute.closed",
                new Dictionary<string, object?> { ["status"] = RsvpTransitions.Name(Status) });
        _history.Add(new InvitationChange(at.ToUniversalTime(), Status, Status, channel, by, $"substituted: {ParticipantId} replaced by {delegateParticipantId}"));
        ParticipantId = delegateParticipantId;
        Version++;
        UpdatedAt = at.ToUniversalTime();
    }

    /// <summary>Drops the free-text notes of the history (an organiser may have written anything there); the moves stay.</summary>
    public void ForgetNotes()
    {
        for (var i = 0; i < _history.Count; i++)
            if (_history[i].Note is not null && !_history[i].Note!.StartsWith("substituted:", StringComparison.Ordinal))
                _history[i] = _history[i] with { Note = null };
        Version++;
    }

    public void AssignSubGroup(string? subGroup)
    {
        SubGroup = Text.Clean(subGroup);
        Version++;
    }
}

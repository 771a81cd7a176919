using System.ComponentModel.DataAnnotations;

namespace ParticipantBot.Email;

/// <summary>The mailbox invitations come from (Email section).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Organiser mailbox: the From of every email and the ORGANIZER of every invitation.</summary>
    [Required, EmailAddress]
    public string FromAddress { get; set; } = "participantbot@localhost.localdomain";

    [Required]
    public string FromName { get; set; } = "ParticipantBot";

    /// <summary>At most this many emails a minute from the mailbox; empty for no limit (the outbox folder). Exchange allows about 30.</summary>
    [Range(1, 10_000)]
    public int? MessagesPerMinute { get; set; }

    /// <summary>At most this many sends at once (Graph allows 4 concurrent requests per mailbox).</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 4;

    /// <summary>Whom participants may ask (shown on expired links and in the consent statement).</summary>
    [Required]
    public string Contact { get; set; } = "participantbot@localhost.localdomain";
}

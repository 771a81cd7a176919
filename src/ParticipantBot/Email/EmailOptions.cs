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

    /// <summary>Whom participants may ask (shown on expired links and in the consent statement).</summary>
    [Required]
    public string Contact { get; set; } = "participantbot@localhost.localdomain";
}

using System.Net.Mail;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Participants;

/// <summary>What an organiser states about a participant (from a form or an imported row).</summary>
public sealed record ParticipantDetails
{
    public required string FullName { get; init; }
    public string? FullNameAlt { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? TeamsObjectId { get; init; }
    public string? TeamsUpn { get; init; }
    public string? Organisation { get; init; }
    public string Group { get; init; } = "other";
    public Sex Sex { get; init; } = Sex.NotStated;
    public Language Language { get; init; } = Language.Fr;
    public string? TimeZoneId { get; init; }
    public PreferredChannel Channel { get; init; } = PreferredChannel.Email;
    public Needs? Needs { get; init; }

    /// <summary>Every problem with these details, each naming its field; empty when they are valid.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(FullName)) problems.Add(("fullName", "The name is missing."));
        else if (FullName.Trim().Length > 200) problems.Add(("fullName", "The name has more than 200 characters."));
        var email = Text.Clean(Email);
        if (email is not null && !IsEmail(email)) problems.Add(("email", $"'{email}' is not an email address."));
        if (string.IsNullOrWhiteSpace(Group)) problems.Add(("group", "The stakeholder group is missing."));
        if (Channel is PreferredChannel.Email or PreferredChannel.Both && email is null)
            problems.Add(("email", $"The channel is {Channel.ToString().ToLowerInvariant()} but there is no email address."));
        if (Channel == PreferredChannel.Teams && email is null && Text.Clean(TeamsObjectId) is null && Text.Clean(TeamsUpn) is null)
            problems.Add(("teamsObjectId", "The channel is teams but there is no Teams object id, UPN or email to find the person with."));
        if (Text.Clean(TimeZoneId) is { } zone && !TimeZones.TryFind(zone, out _))
            problems.Add(("timeZone", $"Unknown time zone '{zone}'."));
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new DomainException(problems[0].Message, problems[0].Field);
    }

    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Contains(' ') || value.Count(c => c == '@') != 1) return false;
        var at = value.IndexOf('@');
        if (at == 0 || !value[(at + 1)..].Contains('.') || value.EndsWith('.')) return false;
        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }
}

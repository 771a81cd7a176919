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
    public IReadOnlyList<Problem> Problems()
    {
        var problems = new List<Problem>();
        void Check(string? value, TextRule rule) { if (Text.Check(value, rule) is { } p) problems.Add(p); }
        if (string.IsNullOrWhiteSpace(FullName)) problems.Add(new("fullName", "The name is missing.", "text.required"));
        else if (FullName.Trim().Length > Limits.FullName.Max)
            problems.Add(Text.Check(FullName, Limits.FullName)! with { Message = $"The name has more than {Limits.FullName.Max} characters." });
        else Check(FullName, Limits.FullName);
        Check(FullNameAlt, Limits.FullNameAlt);
        var emailProblem = Text.Check(Email, Limits.Email);
        if (emailProblem is not null) problems.Add(emailProblem);
        var email = Text.Clean(Email);
        if (emailProblem is null && email is not null && !IsEmail(email))
            problems.Add(new("email", $"'{email}' is not an email address.", "email.invalid", new Dictionary<string, object?> { ["value"] = email }));
        Check(Phone, Limits.Phone);
        Check(TeamsObjectId, Limits.TeamsObjectId);
        Check(TeamsUpn, Limits.TeamsUpn);
        Check(Organisation, Limits.Organisation);
        if (string.IsNullOrWhiteSpace(Group)) problems.Add(new("group", "The stakeholder group is missing.", "text.required"));
        else Check(Group, Limits.Group);
        if (Channel is PreferredChannel.Email or PreferredChannel.Both && email is null)
            problems.Add(new("email", $"The channel is {Channel.ToString().ToLowerInvariant()} but there is no email address.", "email.requiredForChannel",
                new Dictionary<string, object?> { ["channel"] = EnumNames.Of(Channel) }));
        if (Channel == PreferredChannel.Teams && email is null && Text.Clean(TeamsObjectId) is null && Text.Clean(TeamsUpn) is null)
            problems.Add(new("teamsObjectId", "The channel is teams but there is no Teams object id, UPN or email to find the person with.", "teams.identityRequired"));
        if (Text.Clean(TimeZoneId) is { } zone && !TimeZones.TryFind(zone, out _))
            problems.Add(TimeZones.Unknown(zone) with { Message = $"Unknown time zone '{Text.Printable(zone, max: 70)}'." });
        if (Needs is not null) problems.AddRange(NeedsRules.Problems(Needs));
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new DomainException(problems[0]);
    }

    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Contains(' ') || value.Count(c => c == '@') != 1) return false;
        var at = value.IndexOf('@');
        if (at == 0 || !value[(at + 1)..].Contains('.') || value.EndsWith('.')) return false;
        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }
}

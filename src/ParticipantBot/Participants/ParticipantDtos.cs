using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Participants;

public sealed record NeedsDto(bool? Transport, string? Diet, string? Accessibility, string? Interpretation, string? Other)
{
    public static NeedsDto From(Needs n) => new(n.Transport, n.Diet, n.Accessibility, n.Interpretation, n.Other);
    public Needs ToNeeds(Needs? current = null)
    {
        var c = current ?? Needs.None;
        return new Needs(Transport ?? c.Transport, Diet is null ? c.Diet : Text.Clean(Diet), Accessibility is null ? c.Accessibility : Text.Clean(Accessibility),
            Interpretation is null ? c.Interpretation : Text.Clean(Interpretation), Other is null ? c.Other : Text.Clean(Other));
    }
}

/// <summary>Create (all fields as given) or PATCH (null fields keep their value).</summary>
public sealed record ParticipantRequest(
    string? FullName, string? FullNameAlt, string? Email, string? Phone, string? TeamsObjectId, string? TeamsUpn,
    string? Organisation, string? Group, Sex? Sex, Language? Language, string? TimeZone, PreferredChannel? Channel, NeedsDto? Needs);

public sealed record ConsentDto(DateTimeOffset GivenAt, AnswerChannel Channel, string TextVersion);

public sealed record ParticipantDto(
    string Id, string CampaignId, string FullName, string? FullNameAlt, string? Email, string? Phone,
    string? TeamsObjectId, string? TeamsUpn, string? Organisation, string Group, Sex Sex, Language Language,
    string? TimeZone, PreferredChannel Channel, NeedsDto Needs, ConsentDto? Consent, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ParticipantDto From(Participant p) => new(
        p.Id.ToString(), p.CampaignId.ToString(), p.FullName, p.FullNameAlt, p.Email, p.Phone, p.TeamsObjectId, p.TeamsUpn,
        p.Organisation, p.Group, p.Sex, p.Language, p.TimeZoneId, p.Channel, NeedsDto.From(p.Needs),
        p.Consent is { } c ? new ConsentDto(c.GivenAt, c.Channel, c.TextVersion) : null, p.CreatedAt, p.UpdatedAt);
}

/// <param name="WarningDetails">The same warnings with their field, stable code and arguments ("participant.sharedEmail" {email, count}).</param>
public sealed record ParticipantCreated(ParticipantDto Participant, IReadOnlyList<string> Warnings, IReadOnlyList<Api.ApiError>? WarningDetails = null);

using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;

namespace ParticipantBot.Campaigns;

public sealed record CreateCampaignRequest(string? Name, string? Description, Language? DefaultLanguage, string? TimeZone, int? RetentionMonths, string? ContactEmail = null);

/// <param name="AgeBands">Lower bounds of the age bands participants choose from (the report), e.g. [15, 18, 25, 35, 50, 65].</param>
/// <param name="ContactEmail">Whom participants may write to; "" clears it (the service's contact then).</param>
public sealed record PatchCampaignRequest(string? Name, string? Description, Language? DefaultLanguage, string? TimeZone, int? RetentionMonths,
    List<int>? AgeBands = null, string? ContactEmail = null);

/// <summary>Times are wall-clock times of the session's zone ("2026-12-08T09:30"); an offset, if given, is honoured.</summary>
public sealed record SessionRequest(
    string? Title, string? Start, string? End, string? TimeZone, string? Venue, int? Capacity, bool? UnlimitedCapacity,
    List<Language>? Languages, string? Agenda, string? AnswerDeadline, List<string>? SubGroups, bool? SelfCheckIn = null,
    Dictionary<string, string?>? Titles = null)
{
    /// <summary>The title's translations by language code ("fr", "ar", "en"); an unknown code is refused, naming it.</summary>
    public IReadOnlyDictionary<Language, string?>? TitlesByLanguage() => Titles?.ToDictionary(
        kv => LanguageCodes.TryParse(kv.Key, out var language) && kv.Key.Trim().Length == 2 ? language
            : throw new DomainException($"Unknown language '{Text.Printable(kv.Key, max: 20)}' in titles; use fr, ar or en.", "titles", "value.unknown",
                new Dictionary<string, object?> { ["value"] = Text.Printable(kv.Key, max: 20), ["allowed"] = LanguageCodes.All }),
        kv => kv.Value);
}

public sealed record CampaignDto(
    string Id, string Name, string? Description, Language DefaultLanguage, string TimeZone, int RetentionMonths,
    IReadOnlyList<string> Organisers, DateTimeOffset CreatedAt, IReadOnlyList<SessionDto> Sessions, string? ContactEmail = null)
{
    /// <summary>Lower bounds of the campaign's age bands (the report).</summary>
    public IReadOnlyList<int> AgeBands { get; init; } = [];
}

public sealed record CampaignSummaryDto(string Id, string Name, Language DefaultLanguage, int Sessions, DateTimeOffset CreatedAt);

public sealed record SessionDto(
    string Id, string CampaignId, string Title,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string TimeZone,
    string? Venue, int? Capacity, IReadOnlyList<Language> Languages, string? Agenda,
    DateTimeOffset? AnswerDeadline, DateTimeOffset? AnswerDeadlineUtc, IReadOnlyList<string> SubGroups,
    SessionState State, int Sequence, IReadOnlyDictionary<string, int> Counts, int? SeatsLeft, bool SelfCheckIn,
    IReadOnlyDictionary<string, string>? Titles = null)
{
    public static SessionDto From(Session s, IReadOnlyDictionary<RsvpStatus, int>? counts = null)
    {
        var all = Enum.GetValues<RsvpStatus>().ToDictionary(RsvpTransitions.Name, st => counts?.GetValueOrDefault(st) ?? 0);
        var taken = counts?.Where(kv => RsvpTransitions.HoldsSeat(kv.Key)).Sum(kv => kv.Value) ?? 0;
        return new(s.Id.ToString(), s.CampaignId.ToString(), s.Title,
            s.LocalStart, s.LocalEnd, s.StartsAt, s.EndsAt, s.TimeZoneId,
            s.Venue, s.Capacity, s.Languages, s.Agenda,
            s.LocalAnswerDeadline, s.AnswerDeadline, s.SubGroups,
            s.State, s.Sequence, all, s.Capacity is { } c ? Math.Max(0, c - taken) : null, s.SelfCheckIn,
            Enum.GetValues<Language>().Where(l => s.TitleIn(l) != s.Title).ToDictionary(l => l.Code(), s.TitleIn));
    }
}

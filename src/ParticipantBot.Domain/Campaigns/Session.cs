using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Reminders;

namespace ParticipantBot.Domain.Campaigns;

public enum SessionState { Scheduled, Cancelled }

/// <summary>
/// One meeting of a campaign. Start and end are kept as instants (UTC) together with the zone
/// they were given in, so that a local time stays right across the zone's clock changes.
/// </summary>
public sealed class Session
{
    private readonly List<Language> _languages = [];
    private readonly List<string> _subGroups = [];

    private Session() { Title = string.Empty; TimeZoneId = TimeZones.Default; }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public string Title { get; private set; }
    /// <summary>The title in French, Arabic or English, when the organisers gave one; otherwise <see cref="Title"/> is used.</summary>
    public string? TitleFr { get; private set; }
    public string? TitleAr { get; private set; }
    public string? TitleEn { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string TimeZoneId { get; private set; }
    public string? Venue { get; private set; }
    /// <summary>Seats; null when the room has no limit.</summary>
    public int? Capacity { get; private set; }
    public IReadOnlyList<Language> Languages => _languages;
    public string? Agenda { get; private set; }
    public DateTimeOffset? AnswerDeadline { get; private set; }
    public IReadOnlyList<string> SubGroups => _subGroups;
    public SessionState State { get; private set; }
    /// <summary>Grows each time the time or place changes, so that calendar updates replace the old invitation.</summary>
    public int Sequence { get; private set; }
    public ReminderPolicy ReminderPolicy { get; private set; } = ReminderPolicy.Default;
    /// <summary>Whether participants may check themselves in from chat during the session's window.</summary>
    public bool SelfCheckIn { get; private set; }

    /// <summary>Self check-in opens this long before the start (people arrive early) and closes at the end.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromMinutes(30);

    public static Session Create(Guid campaignId, string title, DateTime localStart, DateTime localEnd, string timeZoneId,
        string? venue = null, int? capacity = null, IEnumerable<Language>? languages = null, string? agenda = null,
        DateTime? localAnswerDeadline = null, IEnumerable<string>? subGroups = null, Guid? id = null)
    {
        var session = new Session { Id = id ?? Guid.NewGuid(), CampaignId = campaignId, State = SessionState.Scheduled };
        session.Retitle(title);
        session.Schedule(localStart, localEnd, timeZoneId, localAnswerDeadline);
        session.Relocate(venue);
        session.SetCapacity(capacity);
        session.SetLanguages(languages ?? [Language.Fr]);
        session.SetAgenda(agenda);
        session.SetSubGroups(subGroups ?? []);
        session.Sequence = 0;
        return session;
    }

    public DateTimeOffset LocalStart => TimeZones.ToLocal(StartsAt, TimeZoneId);
    public DateTimeOffset LocalEnd => TimeZones.ToLocal(EndsAt, TimeZoneId);
    public DateTimeOffset? LocalAnswerDeadline => AnswerDeadline is { } d ? TimeZones.ToLocal(d, TimeZoneId) : null;

    public void Retitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("A session needs a title.", "title", "text.required");
        if (title.Trim().Length > Limits.SessionTitle.Max)
            throw new DomainException(Text.Check(title, Limits.SessionTitle)! with { Message = $"A session title has at most {Limits.SessionTitle.Max} characters." });
        Title = Text.Valid(title, Limits.SessionTitle)!;
    }

    /// <summary>The title a reader of this language sees: its own translation, else the title.</summary>
    public string TitleIn(Language language) => language switch
    {
        Language.Fr => TitleFr,
        Language.Ar => TitleAr,
        _ => TitleEn,
    } ?? Title;

    /// <summary>The title's translations (null or blank: none for that language), each under the title's rules.</summary>
    public void TranslateTitle(IReadOnlyDictionary<Language, string?> titles)
    {
        string? One(Language language) => titles.TryGetValue(language, out var text)
            ? Text.Valid(text, Limits.SessionTitle, "titles." + language.Code())
            : TitleIn(language) is var current && current != Title ? current : null;
        (TitleFr, TitleAr, TitleEn) = (One(Language.Fr), One(Language.Ar), One(Language.En));
    }

    /// <summary>Sets when the session happens, from wall-clock times in the given zone.</summary>
    public void Schedule(DateTime localStart, DateTime localEnd, string timeZoneId, DateTime? localAnswerDeadline)
    {
        EnsureScheduled();
        var start = TimeZones.ToInstant(localStart, timeZoneId);
        var end = TimeZones.ToInstant(localEnd, timeZoneId, "end");
        if (end <= start) throw new DomainException("A session ends after it starts.", "end", "session.endBeforeStart");
        if (end - start > TimeSpan.FromDays(14)) throw new DomainException("A session lasts at most 14 days.", "end", "session.tooLong", new Dictionary<string, object?> { ["maxDays"] = 14 });
        DateTimeOffset? deadline = localAnswerDeadline is { } d ? TimeZones.ToInstant(d, timeZoneId, "answerDeadline") : null;
        if (deadline > start) throw new DomainException("The answer deadline comes before the session starts.", "answerDeadline", "session.deadlineAfterStart");
        var moved = start != StartsAt || end != EndsAt;
        StartsAt = start;
        EndsAt = end;
        TimeZoneId = timeZoneId.Trim();
        AnswerDeadline = deadline;
        if (moved) Sequence++;
    }

    public void Relocate(string? venue)
    {
        EnsureScheduled();
        var clean = Text.Valid(venue, Limits.Venue);
        if (clean != Venue) Sequence++;
        Venue = clean;
    }

    public void SetCapacity(int? capacity)
    {
        if (capacity is < 1 or > 100_000) throw new DomainException("Capacity is a number of seats from 1 to 100000, or empty for no limit.", "capacity", "session.capacity",
            new Dictionary<string, object?> { ["min"] = 1, ["max"] = 100_000 });
        Capacity = capacity;
    }

    public void SetLanguages(IEnumerable<Language> languages)
    {
        var list = languages.Distinct().ToList();
        if (list.Count == 0) throw new DomainException("A session is held in at least one language.", "languages", "session.noLanguage");
        _languages.Clear();
        _languages.AddRange(list);
    }

    public void SetAgenda(string? agenda) => Agenda = Text.Valid(agenda, Limits.Agenda);

    public void SetReminderPolicy(ReminderPolicy policy)
    {
        policy.Validate();
        ReminderPolicy = policy;
    }

    public void SetSubGroups(IEnumerable<string> subGroups)
    {
        var list = subGroups.Select((g, i) => Text.Valid(g, Limits.SubGroup, $"subGroups[{i}]")).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > Limits.MaxSubGroups)
            throw new DomainException($"A session has at most {Limits.MaxSubGroups} sub-groups.", "subGroups", "list.tooLong",
                new Dictionary<string, object?> { ["max"] = Limits.MaxSubGroups });
        _subGroups.Clear();
        _subGroups.AddRange(list);
    }

    public void Cancel()
    {
        if (State == SessionState.Cancelled) return;
        State = SessionState.Cancelled;
        Sequence++;
    }

    public bool IsCancelled => State == SessionState.Cancelled;

    public void AllowSelfCheckIn(bool allowed) => SelfCheckIn = allowed;

    public bool IsSelfCheckInOpen(DateTimeOffset now) => WhyNoSelfCheckIn(now) is null;

    /// <summary>Why a participant cannot check themselves in at this moment; null when they can.</summary>
    public string? WhyNoSelfCheckIn(DateTimeOffset now) =>
        IsCancelled ? "The session is cancelled."
        : !SelfCheckIn ? "The organisers take attendance themselves for this session."
        : now < StartsAt - CheckInOpensBefore ? "Check-in opens 30 minutes before the session starts."
        : now > EndsAt ? "The session is over."
        : null;

    private void EnsureScheduled()
    {
        if (State == SessionState.Cancelled) throw new DomainException("This session is cancelled; it can no longer change.", "state", "session.cancelled");
    }
}

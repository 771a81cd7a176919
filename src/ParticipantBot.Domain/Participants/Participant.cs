using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Participants;

/// <summary>
/// A person invited to one campaign. A person in two campaigns is two records, so that access and
/// erasure stay per campaign.
/// </summary>
public sealed class Participant
{
    private Participant() { FullName = string.Empty; Group = "other"; Needs = Needs.None; Functioning = Functioning.None; }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    /// <summary>The name as the person writes it, in Arabic or Latin script.</summary>
    public string FullName { get; private set; }
    /// <summary>The same name in the other script, when known.</summary>
    public string? FullNameAlt { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    /// <summary>Entra object id, kept as text: not every Teams client's ids are GUIDs.</summary>
    public string? TeamsObjectId { get; private set; }
    public string? TeamsUpn { get; private set; }
    public string? Organisation { get; private set; }
    public string Group { get; private set; }
    public Sex Sex { get; private set; }
    public Language Language { get; private set; }
    /// <summary>Null means the campaign's zone.</summary>
    public string? TimeZoneId { get; private set; }
    public PreferredChannel Channel { get; private set; }
    public Needs Needs { get; private set; }
    public Consent? Consent { get; private set; }
    /// <summary>The age band the person gave (self-reported, for the report; kept only with consent); null when not given.</summary>
    public string? AgeBand { get; private set; }
    /// <summary>The person's answers to the Washington Group Short Set (self-reported, kept only with consent).</summary>
    public Functioning Functioning { get; private set; }
    public SelfDescription SelfDescription => new(AgeBand, Functioning);
    public DisabilityStatus Disability => Functioning.Status;
    /// <summary>When the person asked for no more reminders ("stop"); null while they accept them.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Comparison keys used to match re-imports and duplicates: the same email AND the same name.</summary>
    public string EmailKey { get; private set; } = string.Empty;
    public string NameKey { get; private set; } = string.Empty;

    public static Participant Create(Guid campaignId, ParticipantDetails details, DateTimeOffset now, Guid? id = null)
    {
        var participant = new Participant { Id = id ?? Guid.NewGuid(), CampaignId = campaignId, CreatedAt = now.ToUniversalTime() };
        participant.Update(details, now);
        return participant;
    }

    public void Update(ParticipantDetails details, DateTimeOffset now)
    {
        details.Validate();
        FullName = details.FullName.Trim();
        FullNameAlt = Text.Clean(details.FullNameAlt);
        Email = Text.Clean(details.Email)?.ToLowerInvariant();
        Phone = Text.Clean(details.Phone);
        TeamsObjectId = Text.Clean(details.TeamsObjectId);
        TeamsUpn = Text.Clean(details.TeamsUpn)?.ToLowerInvariant();
        Organisation = Text.Clean(details.Organisation);
        Group = details.Group.Trim();
        Sex = details.Sex;
        Language = details.Language;
        TimeZoneId = Text.Clean(details.TimeZoneId);
        Channel = details.Channel;
        Needs = details.Needs ?? Needs.None;
        EmailKey = Text.Key(Email);
        NameKey = Text.Key(FullName);
        UpdatedAt = now.ToUniversalTime();
    }

    public void ChangeLanguage(Language language, DateTimeOffset now) { Language = language; UpdatedAt = now.ToUniversalTime(); }

    public void StateNeeds(Needs needs, DateTimeOffset now)
    {
        NeedsRules.Validate(needs);
        Needs = needs;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// What the person says about themselves for the report (their age band, the Short Set): optional details,
    /// kept only with their consent, and only ever from the person (the RSVP page, a Teams card, a registration
    /// form they filled in); never guessed by an organiser.
    /// </summary>
    public void DescribeSelf(SelfDescription about, IReadOnlyList<int> ageBandBounds, DateTimeOffset now)
    {
        if (Consent is null) throw new DomainException("Age and functioning are kept only with the person's consent.", "consent", "selfDescription.consentRequired");
        if (AgeBands.CheckAnswer(about.AgeBand, ageBandBounds) is { } problem) throw new DomainException(problem);
        AgeBand = about.AgeBand;
        Functioning = about.Functioning;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>Forgets the age band and the Short Set (consent withdrawn, or the end of retention once the aggregates are kept).</summary>
    public void ForgetSelfDescription(DateTimeOffset now)
    {
        AgeBand = null;
        Functioning = Functioning.None;
        UpdatedAt = now.ToUniversalTime();
    }

    public void StopReminders(DateTimeOffset now) => StoppedAt ??= now.ToUniversalTime();

    /// <summary>Links the record to the Teams user found for it (by UPN or email) when it had no object id.</summary>
    public void LinkTeamsIdentity(string objectId, DateTimeOffset now)
    {
        if (TeamsObjectId is not null || Text.Check(objectId, Limits.TeamsObjectId) is not null) return;
        TeamsObjectId = objectId.Trim();
        UpdatedAt = now.ToUniversalTime();
    }

    public void GiveConsent(Consent consent) => Consent = consent with { GivenAt = consent.GivenAt.ToUniversalTime() };

    /// <summary>Whether this record is the person described: same email and same name, ignoring case and accents.</summary>
    public bool IsSamePerson(string? email, string fullName) =>
        EmailKey == Text.Key(email) && NameKey == Text.Key(fullName);

    public string ZoneOr(string campaignZone) => TimeZoneId ?? campaignZone;

    /// <summary>The name an erased record keeps: it still counts in the aggregates, as nobody.</summary>
    public const string ErasedName = "—";

    public bool IsErased => NameKey.Length == 0 && FullName == ErasedName;

    /// <summary>
    /// Forgets everything that identifies the person (names, contacts, Teams ids, organisation, needs,
    /// consent, age band and functioning, zone); only their stakeholder group, sex, language and channel stay, for the counts.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        FullName = ErasedName;
        FullNameAlt = null;
        Email = null;
        Phone = null;
        TeamsObjectId = null;
        TeamsUpn = null;
        Organisation = null;
        TimeZoneId = null;
        Needs = Needs.None;
        Consent = null;
        AgeBand = null;
        Functioning = Functioning.None;
        StoppedAt = null;
        EmailKey = string.Empty;
        NameKey = string.Empty;
        UpdatedAt = now.ToUniversalTime();
    }
}

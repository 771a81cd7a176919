using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Campaigns;

/// <summary>A consultation: its organisers, its language and how long its personal data is kept.</summary>
public sealed class Campaign
{
    public const int DefaultRetentionMonths = 12;

    private readonly List<string> _organisers = [];
    private readonly List<int> _ageBandBounds = [.. Participants.AgeBands.DefaultBounds];

    private Campaign() { Name = string.Empty; TimeZoneId = TimeZones.Default; }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public Language DefaultLanguage { get; private set; }
    public string TimeZoneId { get; private set; }
    /// <summary>Months after the campaign's last session before its personal data is erased.</summary>
    public int RetentionMonths { get; private set; }
    /// <summary>Entra object ids of the people who may see and run this campaign.</summary>
    public IReadOnlyList<string> Organisers => _organisers;
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Lower bounds of the age bands participants choose from (<see cref="Participants.AgeBands"/>).</summary>
    public IReadOnlyList<int> AgeBandBounds => _ageBandBounds;

    public void SetAgeBands(IReadOnlyList<int> bounds)
    {
        if (Participants.AgeBands.Check(bounds) is { } problem) throw new DomainException(problem);
        _ageBandBounds.Clear();
        _ageBandBounds.AddRange(bounds);
    }
    /// <summary>Whom participants may write to about this campaign; null: the service's contact (Email:Contact).</summary>
    public string? ContactEmail { get; private set; }
    /// <summary>When the retention period ended and the campaign's personal data was erased; null until then.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>The day after which personal data is erased: the last session's end plus the retention months.</summary>
    public DateTimeOffset? ErasureDue(DateTimeOffset? lastSessionEndsAt) => lastSessionEndsAt?.AddMonths(RetentionMonths);

    public void MarkPersonalDataErased(DateTimeOffset now) => PersonalDataErasedAt ??= now.ToUniversalTime();

    public static Campaign Create(string name, string creatorObjectId, DateTimeOffset now,
        Language defaultLanguage = Language.Fr, string? timeZoneId = null, int? retentionMonths = null,
        string? description = null, Guid? id = null)
    {
        if (string.IsNullOrWhiteSpace(creatorObjectId)) throw new DomainException("A campaign needs the organiser who creates it.", "organisers", "text.required");
        var campaign = new Campaign
        {
            Id = id ?? Guid.NewGuid(),
            CreatedAt = now.ToUniversalTime(),
        };
        campaign.Rename(name);
        campaign.Describe(description);
        campaign.SetDefaultLanguage(defaultLanguage);
        campaign.SetTimeZone(timeZoneId ?? TimeZones.Default);
        campaign.SetRetention(retentionMonths ?? DefaultRetentionMonths);
        campaign._organisers.Add(Text.Valid(creatorObjectId, Limits.ObjectId)!);
        return campaign;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A campaign needs a name.", "name", "text.required");
        if (name.Trim().Length > Limits.CampaignName.Max)
            throw new DomainException(Text.Check(name, Limits.CampaignName)! with { Message = $"A campaign name has at most {Limits.CampaignName.Max} characters." });
        Name = Text.Valid(name, Limits.CampaignName)!;
    }

    public void Describe(string? description) => Description = Text.Valid(description, Limits.CampaignDescription);

    public void SetContact(string? email)
    {
        var clean = Text.Valid(email, Limits.Email, "contactEmail");
        if (clean is not null && !Participants.ParticipantDetails.IsEmail(clean))
            throw new DomainException($"'{clean}' is not an email address.", "contactEmail", "email.invalid", new Dictionary<string, object?> { ["value"] = clean });
        ContactEmail = clean?.ToLowerInvariant();
    }

    public void SetDefaultLanguage(Language language) => DefaultLanguage = language;

    public void SetTimeZone(string zoneId)
    {
        TimeZones.Find(zoneId);
        TimeZoneId = zoneId.Trim();
    }

    public void SetRetention(int months)
    {
        if (months is < 1 or > 120) throw new DomainException("Retention is between 1 and 120 months.", "retentionMonths", "campaign.retention",
            new Dictionary<string, object?> { ["min"] = 1, ["max"] = 120 });
        RetentionMonths = months;
    }

    public bool IsOrganiser(string? objectId) =>
        !string.IsNullOrWhiteSpace(objectId) && _organisers.Contains(objectId.Trim(), StringComparer.OrdinalIgnoreCase);

    public void ReplaceOrganisers(IEnumerable<string> objectIds)
    {
        var ids = objectIds.Select((o, i) => Text.Valid(o, Limits.ObjectId, $"organisers[{i}]")).Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0) throw new DomainException("A campaign keeps at least one organiser.", "organisers", "organisers.none");
        _organisers.Clear();
        _organisers.AddRange(ids!);
    }
}

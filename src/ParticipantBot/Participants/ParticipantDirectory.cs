using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Participants;

/// <summary>What a person says about themselves along with an answer (the RSVP page): kept with it, with consent for the optional part.</summary>
/// <param name="About">The person's age band and Short Set answers (the report), kept only with consent; null when the form did not ask.</param>
public sealed record PersonStatement(bool Consent, Needs? Needs, string? Organisation, Sex? Sex, Language? Language, string? Group, SelfDescription? About = null);

/// <summary>Who an erased person was, for the other holders of their data to forget them.</summary>
public sealed record ErasedPerson(Guid Id, Guid CampaignId, string? Email, string? TeamsObjectId)
{
    public static ErasedPerson Of(Participant p) => new(p.Id, p.CampaignId, p.Email, p.TeamsObjectId);
}

/// <summary>
/// What other modules may read and change of the guest list (the Participants module owns its table).
/// Reads are untracked; changes are made by the domain's own methods inside the caller's unit of work.
/// </summary>
public sealed class ParticipantDirectory(AppDbContext db, Campaigns.CampaignDirectory campaigns)
{
    public Task<Participant?> FindAsync(Guid id, CancellationToken ct) =>
        db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<Participant?> FindInCampaignAsync(Guid campaignId, Guid id, CancellationToken ct) =>
        db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.CampaignId == campaignId, ct);

    public Task<List<Participant>> ManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);

    public Task<Dictionary<Guid, Participant>> ByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

    /// <summary>The ids of a campaign's people: all, a stakeholder group's, or those of a list that are on the campaign's guest list.</summary>
    public Task<List<Guid>> IdsAsync(Guid campaignId, string? group = null, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default) =>
        Chosen(campaignId, group, among).Select(p => p.Id).ToListAsync(ct);

    /// <summary>A campaign's people, as <see cref="IdsAsync"/> chooses them, read without tracking.</summary>
    public Task<List<Participant>> ChosenAsync(Guid campaignId, string? group = null, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default) =>
        Chosen(campaignId, group, among).ToListAsync(ct);

    private IQueryable<Participant> Chosen(Guid campaignId, string? group, IReadOnlyCollection<Guid>? among)
    {
        var people = db.Participants.AsNoTracking().Where(p => p.CampaignId == campaignId);
        if (group is not null) people = people.Where(p => p.Group == group);
        if (among is not null) people = people.Where(p => among.Contains(p.Id));
        return people;
    }

    public Task<List<Participant>> InCampaignAsync(Guid campaignId, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => p.CampaignId == campaignId).ToListAsync(ct);

    /// <summary>Every participant record of a Teams user (one per campaign they are invited to).</summary>
    public Task<List<Participant>> OfTeamsUserAsync(string objectId, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => p.TeamsObjectId == objectId).ToListAsync(ct);

    /// <summary>Which of these Teams users some participant record still names.</summary>
    public async Task<HashSet<string>> TeamsUsersNamedAsync(IReadOnlyCollection<string> objectIds, IReadOnlyCollection<Guid> except, CancellationToken ct) =>
        (await db.Participants.Where(p => p.TeamsObjectId != null && objectIds.Contains(p.TeamsObjectId) && !except.Contains(p.Id))
            .Select(p => p.TeamsObjectId!).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);


    /// <summary>The record of this person on the campaign's list (same email and name), if any.</summary>
    public async Task<Participant?> SamePersonAsync(Guid campaignId, string? email, string fullName, CancellationToken ct)
    {
        var emailKey = Text.Key(email);
        if (emailKey.Length == 0) return null;
        return (await db.Participants.AsNoTracking().Where(p => p.CampaignId == campaignId && p.EmailKey == emailKey).ToListAsync(ct))
            .FirstOrDefault(p => p.IsSamePerson(email, fullName));
    }

    /// <summary>Adds a person to the caller's unit of work.</summary>
    public Participant Add(Guid campaignId, ParticipantDetails details, DateTimeOffset now)
    {
        var person = Participant.Create(campaignId, details, now);
        db.Participants.Add(person);
        return person;
    }

    /// <summary>Keeps what the person said with their answer: consent, needs (only with consent), and their own description.</summary>
    public async Task KeepStatementAsync(Guid participantId, PersonStatement statement, AnswerChannel channel, DateTimeOffset now, CancellationToken ct)
    {
        var person = await db.Participants.SingleAsync(p => p.Id == participantId, ct);
        if (statement.Consent) person.GiveConsent(new Consent(now, channel, Consent.CurrentTextVersion));
        if (statement.Needs is { } needs && person.Consent is not null) person.StateNeeds(needs with { Other = person.Needs.Other }, now);
        // So are age and functioning (the report), and only as the person gives them.
        if (statement.About is { } about && person.Consent is not null
            && await campaigns.CampaignAsync(person.CampaignId, ct) is { } campaign)
            person.DescribeSelf(about, campaign.AgeBandBounds, now);
        if (statement.Sex is not null || statement.Organisation is not null || statement.Language is not null || statement.Group is not null)
            person.Update(new ParticipantDetails
            {
                FullName = person.FullName, FullNameAlt = person.FullNameAlt, Email = person.Email, Phone = person.Phone,
                TeamsObjectId = person.TeamsObjectId, TeamsUpn = person.TeamsUpn,
                Organisation = statement.Organisation is null ? person.Organisation : Text.Clean(statement.Organisation),
                Group = statement.Group ?? person.Group, Sex = statement.Sex ?? person.Sex, Language = statement.Language ?? person.Language,
                TimeZoneId = person.TimeZoneId, Channel = person.Channel, Needs = person.Needs,
            }, now);
    }

    /// <summary>Every record of a Teams user changes language.</summary>
    public async Task<int> ChangeLanguageAsync(string objectId, Language language, DateTimeOffset now, CancellationToken ct)
    {
        var people = await db.Participants.Where(p => p.TeamsObjectId == objectId).ToListAsync(ct);
        foreach (var person in people) person.ChangeLanguage(language, now);
        return people.Count;
    }

    /// <summary>Every record of a Teams user asks for no more reminders.</summary>
    public async Task<int> StopRemindersAsync(string objectId, DateTimeOffset now, CancellationToken ct)
    {
        var people = await db.Participants.Where(p => p.TeamsObjectId == objectId).ToListAsync(ct);
        foreach (var person in people) person.StopReminders(now);
        return people.Count;
    }

    /// <summary>Links to a Teams user the records that name them (by UPN or email) and have no Teams identity yet.</summary>
    public async Task<int> LinkTeamsUserAsync(string objectId, IReadOnlyCollection<string> addresses, DateTimeOffset now, CancellationToken ct)
    {
        var people = await db.Participants
            .Where(p => p.TeamsObjectId == null && ((p.TeamsUpn != null && addresses.Contains(p.TeamsUpn)) || (p.Email != null && addresses.Contains(p.Email))))
            .ToListAsync(ct);
        foreach (var person in people) person.LinkTeamsIdentity(objectId, now);
        return people.Count;
    }

    /// <summary>Removes the person from the caller's unit of work (their invitations, messages and answers go by cascade).</summary>
    public async Task<Participant?> RemoveAsync(Guid campaignId, Guid participantId, CancellationToken ct)
    {
        var person = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId && p.CampaignId == campaignId, ct);
        if (person is not null) db.Participants.Remove(person);
        return person;
    }

    /// <summary>The end of a campaign's retention: every record keeps only what the counts need.</summary>
    /// <returns>Who they were (ids, addresses, Teams users): what the other holders of their data must forget.</returns>
    public async Task<List<ErasedPerson>> EraseCampaignAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        var people = await db.Participants.Where(p => p.CampaignId == campaignId).ToListAsync(ct);
        var before = people.Select(ErasedPerson.Of).ToList();
        foreach (var person in people) person.Erase(now);
        return before;
    }
}

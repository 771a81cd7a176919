using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;

namespace ParticipantBot.Teams;

/// <summary>The conversation references the bot keeps: in a person's export, and forgotten once no participant record names their Teams user.</summary>
public sealed class TeamsPersonalData(AppDbContext db, ParticipantDirectory guests) : IPersonalDataHolder
{
    public async Task ExportAsync(Participant person, PersonalData into, CancellationToken ct)
    {
        if (person.TeamsObjectId is null) return;
        var conversations = await db.TeamsInstallations.AsNoTracking().Where(t => t.UserObjectId == person.TeamsObjectId).ToListAsync(ct);
        into.TeamsConversations.AddRange(conversations.Select(t => new ExportedConversation(t.TenantId, t.ConversationId, t.InstalledAt, t.Active)));
    }

    public Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) => ForgetAsync(people, ct);

    public Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) =>
        ForgetAsync(people, ct);

    /// <summary>Conversation references of these people's Teams users that no other participant record names.</summary>
    private async Task ForgetAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct)
    {
        var objectIds = people.Select(p => p.TeamsObjectId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (objectIds.Count == 0) return;
        var stillNamed = await guests.TeamsUsersNamedAsync(objectIds, people.Select(p => p.Id).ToList(), ct);
        var gone = objectIds.Where(o => !stillNamed.Contains(o)).ToList();
        db.TeamsInstallations.RemoveRange(await db.TeamsInstallations.Where(i => gone.Contains(i.UserObjectId)).ToListAsync(ct));
    }
}

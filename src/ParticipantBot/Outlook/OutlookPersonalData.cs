using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;

namespace ParticipantBot.Outlook;

/// <summary>
/// The Outlook events kept for people (their ids in the organiser mailbox): they go with a person by cascade, and with
/// a campaign's personal data at the end of its retention.
/// </summary>
public sealed class OutlookPersonalData(AppDbContext db) : IPersonalDataHolder
{
    public Task ExportAsync(Participant person, PersonalData into, CancellationToken ct) => Task.CompletedTask;

    public Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) => Task.CompletedTask;

    public async Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) =>
        db.OutlookEvents.RemoveRange(await db.OutlookEvents.Where(o => sessionIds.Contains(o.SessionId)).ToListAsync(ct));
}

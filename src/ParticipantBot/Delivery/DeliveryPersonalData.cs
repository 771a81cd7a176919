using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Privacy;

namespace ParticipantBot.Delivery;

/// <summary>The messages planned and sent to people: in their export; with a person by cascade, with a campaign at the end of its retention.</summary>
public sealed class DeliveryPersonalData(OutboxLedger outbox) : IPersonalDataHolder
{
    public async Task ExportAsync(Participant person, PersonalData into, CancellationToken ct) =>
        into.Messages.AddRange((await outbox.OfPersonAsync(person.Id, ct)).Select(m => new ExportedMessage(m.SessionId.ToString(), EnumNames.Of(m.Kind),
            EnumNames.Of(m.Channel), EnumNames.Of(m.Status), m.DueAt, m.SentAt, m.Reason)));

    public Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) => Task.CompletedTask;

    public Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) =>
        outbox.RemoveCampaignAsync(campaignId, ct);
}

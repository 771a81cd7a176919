using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Privacy;

namespace ParticipantBot.Invitations;

/// <summary>A person's invitations and their history: in their export; with a person by cascade; their free-text notes at the end of retention.</summary>
public sealed class InvitationPersonalData(InvitationBook invitations, CampaignDirectory campaigns) : IPersonalDataHolder
{
    public async Task ExportAsync(Participant person, PersonalData into, CancellationToken ct)
    {
        var own = await invitations.OfPersonAsync(person.Id, ct);
        var sessions = await campaigns.SessionsAsync(own.Select(i => i.SessionId).Distinct().ToList(), ct);
        into.Invitations.AddRange(own.Where(i => sessions.ContainsKey(i.SessionId)).Select(i => new ExportedInvitation(
            i.SessionId.ToString(), sessions[i.SessionId].Title, sessions[i.SessionId].LocalStart, EnumNames.Of(i.Status), i.SubGroup,
            i.LastChannel is { } c ? EnumNames.Of(c) : null,
            i.History.Select(h => new ExportedChange(h.At, h.From, h.To, h.Channel, h.By, h.Note)).ToList())));
    }

    public Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) => Task.CompletedTask;

    public Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) =>
        invitations.ForgetNotesAsync(sessionIds, ct);
}

using ParticipantBot.Api;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Participants;

/// <summary>A person's details as an organiser's request states them, for the guest list and for a walk-in at the door.</summary>
public static class ParticipantRequests
{
    /// <summary>The details a request states, over the current ones for a PATCH; every problem is named.</summary>
    public static ParticipantDetails? ToDetails(ParticipantRequest r, Participant? current, AppOptions app, out List<ApiError> errors)
    {
        errors = [];
        string? group = current?.Group;
        if (r.Group is not null || current is null)
        {
            group = app.FindGroup(r.Group);
            if (group is null)
                errors.Add(ApiError.ForField("group", string.IsNullOrWhiteSpace(r.Group)
                    ? $"The stakeholder group is missing; use one of: {string.Join(", ", app.StakeholderGroups)}."
                    : $"Unknown stakeholder group '{Text.Printable(r.Group, max: 70)}'; use one of: {string.Join(", ", app.StakeholderGroups)}.",
                    string.IsNullOrWhiteSpace(r.Group) ? "text.required" : "group.unknown",
                    new Dictionary<string, object?> { ["allowed"] = app.StakeholderGroups }));
        }
        var details = new ParticipantDetails
        {
            FullName = r.FullName ?? current?.FullName ?? "",
            FullNameAlt = r.FullNameAlt ?? current?.FullNameAlt,
            Email = r.Email ?? current?.Email,
            Phone = r.Phone ?? current?.Phone,
            TeamsObjectId = r.TeamsObjectId ?? current?.TeamsObjectId,
            TeamsUpn = r.TeamsUpn ?? current?.TeamsUpn,
            Organisation = r.Organisation ?? current?.Organisation,
            Group = group ?? "other",
            Sex = r.Sex ?? current?.Sex ?? Sex.NotStated,
            Language = r.Language ?? current?.Language ?? Language.Fr,
            TimeZoneId = r.TimeZone ?? current?.TimeZoneId,
            Channel = r.Channel ?? current?.Channel ?? PreferredChannel.Email,
            Needs = r.Needs?.ToNeeds(current?.Needs) ?? current?.Needs,
        };
        errors.AddRange(details.Problems().Select(ApiError.Of));
        return errors.Count == 0 ? details : null;
    }
}

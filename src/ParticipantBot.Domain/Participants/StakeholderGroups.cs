namespace ParticipantBot.Domain.Participants;

/// <summary>
/// Stakeholder groups are configurable per deployment; these are the defaults the organisers of
/// Moroccan consultations report on.
/// </summary>
public static class StakeholderGroups
{
    public static IReadOnlyList<string> Defaults { get; } =
        ["publicInstitution", "civilSociety", "youth", "migrant", "community", "expert", "other"];
}

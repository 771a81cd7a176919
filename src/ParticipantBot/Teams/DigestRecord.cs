namespace ParticipantBot.Teams;

/// <summary>One daily digest sent to one organiser for one campaign: never twice for the same day.</summary>
public sealed class DigestRecord
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public string OrganiserObjectId { get; set; } = "";
    public DateOnly Day { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string Outcome { get; set; } = "";
}

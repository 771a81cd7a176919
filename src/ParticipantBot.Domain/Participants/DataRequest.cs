using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Participants;

public enum DataRequestKind { Access, Erasure }

/// <summary>
/// A participant asking for their data or its erasure ("my data", "delete my data" in chat): filed for
/// the campaign's organisers, who answer it with the export or the erasure. It outlives an erasure
/// (without the person) so that the organisers can show it was honoured.
/// </summary>
public sealed class DataRequest
{
    private DataRequest() { }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    /// <summary>Null once the person has been erased.</summary>
    public Guid? ParticipantId { get; private set; }
    public DataRequestKind Kind { get; private set; }
    public AnswerChannel Channel { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static DataRequest File(Guid campaignId, Guid participantId, DataRequestKind kind, AnswerChannel channel, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), CampaignId = campaignId, ParticipantId = participantId, Kind = kind, Channel = channel, RequestedAt = now.ToUniversalTime(),
    };

    public void Complete(DateTimeOffset now) => CompletedAt ??= now.ToUniversalTime();
}

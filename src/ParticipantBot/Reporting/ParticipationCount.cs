using ParticipantBot.Domain.Common;

namespace ParticipantBot.Reporting;

/// <summary>
/// One cell of the participation tables, kept when a campaign's retention period ends: the people of one
/// stage (invited, confirmed, present...) of one session (or of the whole campaign, <see cref="SessionId"/>
/// null) with one sex and one value of one dimension (stakeholder group, age band, disability). Only these
/// counts survive retention; the participant rows lose their age band and functioning answers.
/// </summary>
public sealed class ParticipationCount
{
    private ParticipationCount() { Stage = Dimension = Value = string.Empty; }

    public long Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid? SessionId { get; private set; }
    public string Stage { get; private set; }
    public string Dimension { get; private set; }
    public string Value { get; private set; }
    public Sex Sex { get; private set; }
    public int Count { get; private set; }

    public static ParticipationCount Of(Guid campaignId, Guid? sessionId, string stage, string dimension, string value, Sex sex, int count) => new()
    {
        CampaignId = campaignId, SessionId = sessionId, Stage = stage, Dimension = dimension, Value = value, Sex = sex, Count = count,
    };
}

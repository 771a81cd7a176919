using ParticipantBot.Campaigns;

namespace ParticipantBot.Privacy;

/// <summary>
/// Erases the personal data of every campaign whose retention period has ended (its last session's end plus its
/// retention months), read through TimeProvider. Run daily by the scheduler (the job <c>retention</c>).
/// </summary>
public sealed class RetentionSweep(CampaignDirectory campaigns, PersonalDataEraser eraser, TimeProvider clock)
{
    /// <returns>How many campaigns were erased.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var erased = 0;
        foreach (var (campaign, lastEnd) in await campaigns.CampaignsHoldingPersonalDataAsync(ct))
        {
            if (campaign.ErasureDue(lastEnd) is not { } due || now < due) continue;
            await eraser.EraseCampaignAsync(campaign.Id, ct);
            erased++;
        }
        return erased;
    }
}

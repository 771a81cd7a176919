using Hangfire;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>
/// Daily: erases the personal data of every campaign whose retention period has ended (its last
/// session's end plus its retention months), read through TimeProvider. No arguments, no personal data.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes)
{
    public const string RecurringId = "retention";
    public const string Cron = "30 2 * * *";

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Erase personal data past its retention period")]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunOnceAsync(scope.ServiceProvider, ct);
    }

    /// <returns>How many campaigns were erased.</returns>
    public static async Task<int> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var eraser = services.GetRequiredService<PersonalDataEraser>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.PersonalDataErasedAt == null).ToListAsync(ct);
        var ends = await db.Sessions.GroupBy(s => s.CampaignId).Select(g => new { g.Key, Last = g.Max(s => s.EndsAt) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var erased = 0;
        foreach (var campaign in campaigns)
        {
            if (campaign.ErasureDue(ends.TryGetValue(campaign.Id, out var last) ? last : null) is not { } due || now < due) continue;
            await eraser.EraseCampaignAsync(campaign.Id, ct);
            erased++;
        }
        return erased;
    }
}

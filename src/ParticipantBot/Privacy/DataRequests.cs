using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>Requests participants file themselves ("my data", "delete my data"): one per campaign that holds them, seen by its organisers.</summary>
public sealed class DataRequests(AppDbContext db, ParticipantDirectory guests, TimeProvider clock, ILogger<DataRequests> logger)
{
    /// <returns>How many campaigns hold data about the person (and got the request).</returns>
    public async Task<int> FileForTeamsUserAsync(string? objectId, DataRequestKind kind, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(objectId)) return 0;
        var people = await guests.OfTeamsUserAsync(objectId, ct);
        var ids = people.Select(p => p.Id).ToList();
        var open = await db.DataRequests.Where(r => r.ParticipantId != null && ids.Contains(r.ParticipantId.Value) && r.Kind == kind && r.CompletedAt == null)
            .Select(r => r.ParticipantId!.Value).ToListAsync(ct);
        foreach (var person in people.Where(p => !open.Contains(p.Id)))
        {
            db.DataRequests.Add(DataRequest.File(person.CampaignId, person.Id, kind, AnswerChannel.Teams, clock.GetUtcNow()));
            logger.LogInformation("Participant {ParticipantId} asked for {Kind} of their data in campaign {CampaignId}.", person.Id, kind, person.CampaignId);
        }
        await db.SaveChangesAsync(ct);
        return people.Count;
    }
}

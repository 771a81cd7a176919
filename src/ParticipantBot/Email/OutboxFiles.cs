using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Privacy;

namespace ParticipantBot.Email;

/// <summary>The .eml files of the outbox folder that were written to a person, found by their address in the headers.</summary>
public sealed class OutboxFiles(IOptions<OutboxOptions> options, IHostEnvironment environment) : IPersonalDataHolder
{
    private string Folder => options.Value.FolderIn(environment.ContentRootPath);

    /// <returns>How many files were deleted.</returns>
    public int DeleteAddressedTo(IReadOnlyCollection<string> addresses)
    {
        if (addresses.Count == 0 || !Directory.Exists(Folder)) return 0;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml"))
        {
            using (var stream = File.OpenRead(file))
            {
                var headers = MimeKit.HeaderList.Load(stream);
                var to = string.Join(",", headers.Where(h => h.Id is MimeKit.HeaderId.To or MimeKit.HeaderId.Cc or MimeKit.HeaderId.Bcc).Select(h => h.Value));
                if (!addresses.Any(a => to.Contains(a, StringComparison.OrdinalIgnoreCase))) continue;
            }
            File.Delete(file);
            deleted++;
        }
        return deleted;
    }

    public Task ExportAsync(Participant person, PersonalData into, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The .eml files written to these people go (before the erasure commits: never erased with their emails left on disk).</summary>
    public Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct)
    {
        DeleteAddressedTo(people.Select(p => p.Email).OfType<string>().Distinct().ToList());
        return Task.CompletedTask;
    }

    public Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) =>
        ForgetPeopleAsync(people, ct);
}

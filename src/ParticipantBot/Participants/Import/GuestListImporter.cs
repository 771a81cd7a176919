using Microsoft.EntityFrameworkCore;
using ParticipantBot.Api;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Participants.Import;

/// <summary>
/// Imports a guest list into a campaign. Re-importing updates the people it matches (same email
/// AND same name) instead of duplicating them; two people sharing an address are kept apart with
/// a warning. An import with errors writes nothing unless bad rows may be skipped.
/// </summary>
public sealed class GuestListImporter(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AppOptions> app, Audit.AuditLog? audit = null)
{
    public const int PreviewLimit = 500;

    public async Task<ImportReport> ImportAsync(Campaign campaign, GuestListTable table, bool dryRun, bool skipInvalid, CancellationToken ct)
    {
        var (rows, fileErrors, warnings) = new GuestListParser(app.Value, campaign.DefaultLanguage, campaign.AgeBandBounds).Parse(table);
        var errors = new List<ApiError>(fileErrors);
        if (fileErrors.Count > 0)
            return Report(dryRun, table, 0, 0, 0, [], errors, warnings, [], written: false);

        // Duplicates inside the file: the same person twice is an error; a shared address is only a warning.
        var seen = new Dictionary<(string Email, string Name), int>();
        var emailsSeen = new Dictionary<string, int>();
        foreach (var row in rows.Where(r => r.Details is not null))
        {
            var d = row.Details!;
            var key = (Text.Key(d.Email), Text.Key(d.FullName));
            if (seen.TryGetValue(key, out var firstRow))
            {
                row.Errors.Add(new ApiError(row.Row, null, "fullName", $"Duplicate in file: the same name and email as row {firstRow}.", "import.duplicateRow",
                    new Dictionary<string, object?> { ["first"] = firstRow }));
                continue;
            }
            seen[key] = row.Row;
            if (key.Item1.Length > 0)
            {
                if (emailsSeen.TryGetValue(key.Item1, out var other))
                    warnings.Add(new ApiError(row.Row, null, "email", $"{d.Email} is also used on row {other} by another name; both are kept.", "import.sharedEmailInFile",
                        new Dictionary<string, object?> { ["email"] = d.Email, ["first"] = other }));
                else emailsSeen[key.Item1] = row.Row;
            }
        }
        errors.AddRange(rows.SelectMany(r => r.Errors));
        var valid = rows.Where(r => r.Errors.Count == 0).ToList();
        var skippedRows = rows.Where(r => r.Errors.Count > 0).Select(r => r.Row).ToList();

        var existing = await db.Participants.Where(p => p.CampaignId == campaign.Id).ToListAsync(ct);
        var byIdentity = existing.GroupBy(p => (p.EmailKey, p.NameKey)).ToDictionary(g => g.Key, g => g.First());
        var byEmail = existing.Where(p => p.EmailKey.Length > 0).GroupBy(p => p.EmailKey).ToDictionary(g => g.Key, g => g.Count());

        var plan = new List<(ParsedRow Row, Participant? Match)>(valid.Count);
        foreach (var row in valid)
        {
            var d = row.Details!;
            var key = (Text.Key(d.Email), Text.Key(d.FullName));
            byIdentity.TryGetValue(key, out var match);
            if (match is null && key.Item1.Length > 0 && byEmail.TryGetValue(key.Item1, out var count))
                warnings.Add(new ApiError(row.Row, null, "email", $"{d.Email} already belongs to {count} participant(s) with another name; a new participant is added.", "participant.sharedEmail",
                    new Dictionary<string, object?> { ["email"] = d.Email, ["count"] = count }));
            plan.Add((row, match));
        }

        var preview = plan.Take(PreviewLimit).Select(p => new ImportPreviewRow(p.Row.Row, p.Match is null ? ImportAction.Create : ImportAction.Update,
            p.Row.Details!.FullName.Trim(), Text.Clean(p.Row.Details.Email), p.Row.Details.Group, Name(p.Row.Details.Sex), p.Row.Details.Language.Code(),
            Name(p.Row.Details.Channel))).ToList();
        var created = plan.Count(p => p.Match is null);
        var updated = plan.Count - created;

        var mayWrite = !dryRun && (errors.Count == 0 || skipInvalid);
        if (mayWrite)
        {
            var now = clock.GetUtcNow();
            foreach (var (row, match) in plan)
            {
                var person = match ?? db.Participants.Add(Participant.Create(campaign.Id, row.Details!, now)).Entity;
                if (match is not null) match.Update(row.Details! with { Needs = row.Details.Needs }, now);
                // A registration form the person filled in: their consent, then what they said about themselves (the report).
                if (row.Consent) person.GiveConsent(new Consent(now, AnswerChannel.Organiser, ImportedSelfDescription.ConsentTextVersion));
                if (row.About is { } about) person.DescribeSelf(about, campaign.AgeBandBounds, now);
            }
            audit?.Record(campaign.Id, Domain.Audit.AuditAction.ParticipantsImported,
                $"Guest list imported from a {table.FileType} file of {table.Rows.Count} row(s): {created} added, {updated} updated, {skippedRows.Count} skipped.");
            await db.SaveChangesAsync(ct);
        }
        return Report(dryRun, table, valid.Count, mayWrite || dryRun ? created : 0, mayWrite || dryRun ? updated : 0,
            errors.Count > 0 ? skippedRows : [], errors, warnings, preview, mayWrite, plan.Count > PreviewLimit);
    }

    private static ImportReport Report(bool dryRun, GuestListTable table, int valid, int created, int updated, List<int> skipped,
        List<ApiError> errors, List<ApiError> warnings, List<ImportPreviewRow> preview, bool written, bool truncated = false) =>
        new(dryRun, table.FileType, table.Rows.Count, valid, created, updated, skipped.Count, skipped, errors, warnings, preview, truncated, written);

    private static string Name<T>(T value) where T : struct, Enum => EnumNames.Of(value);
}

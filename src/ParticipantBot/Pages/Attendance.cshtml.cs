using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Dashboard;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;
using ParticipantBot.Resources;

namespace ParticipantBot.Pages;

/// <summary>
/// A session's printable attendance sheet, in the campaign's language: the people expected (accepted,
/// maybe, offered, already checked in) with a signature column, then empty lines for walk-ins.
/// </summary>
[Authorize(Policy = IdentityModule.OrganiserPolicy)]
public sealed class AttendanceModel(CampaignAccess access, RosterQuery roster, AuditLog audit, UnitOfWork unit) : PageModel
{
    public const int WalkInLines = 8;
    private static readonly RsvpStatus[] Expected = [RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Offered, RsvpStatus.Attended];

    public Campaign Campaign { get; private set; } = null!;
    public Session Session { get; private set; } = null!;
    public IReadOnlyList<RosterRow> Rows { get; private set; } = [];
    public Language Language => Campaign.DefaultLanguage;

    public string T(string key) => Texts.Get(key, Language);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { } found) return NotFound();
        (Campaign, Session) = found;
        var all = await roster.AllAsync(id, new RosterFilter(), ct);
        Rows = all.Where(r => Expected.Contains(r.Status)).ToList();
        await unit.RunAsync(_ =>
        {
            audit.Record(Campaign.Id, Domain.Audit.AuditAction.Exported, "Attendance sheet printed.", id);
            return Task.FromResult(true);
        }, ct);
        return Page();
    }
}

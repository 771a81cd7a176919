using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Identity;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;
using ParticipantBot.Surveys;

namespace ParticipantBot.Demo;

/// <summary>
/// The Tangier example from the brief: one campaign, three sessions next month, 72 fictional
/// participants. Seeded once; a second run finds the campaign and changes nothing.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public static readonly Guid CampaignId = new("7a2e0000-0000-4000-8000-000000000001");
    public static Guid SessionId(int number) => new($"7a2e0000-0000-4000-8000-00000000010{number}");

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Campaigns.AnyAsync(c => c.Id == CampaignId, ct))
        {
            logger.LogInformation("Demo data is already there (campaign {CampaignId}); nothing changed.", CampaignId);
            return false;
        }
        var now = clock.GetUtcNow();
        var campaign = Campaign.Create("Consultations sectorielles – Tanger", DemoIdentity.OrganiserObjectId, now.AddDays(-20),
            Language.Fr, TimeZones.Default, description: "Trois consultations de 24 participants : gouvernance, réponse opérationnelle, inclusion et résilience collective.",
            id: CampaignId);
        db.Campaigns.Add(campaign);

        var localNow = TimeZones.ToLocal(now, TimeZones.Default);
        var firstOfNextMonth = new DateTime(localNow.Year, localNow.Month, 1).AddMonths(1);
        var day = firstOfNextMonth;
        while (day.DayOfWeek != DayOfWeek.Tuesday) day = day.AddDays(1);
        day = day.AddDays(7);
        var sessions = new[]
        {
            Make(1, "Gouvernance", day, 24, "Gouvernance numérique ; éthique de l'IA ; coordination institutionnelle", ["plénière", "atelier A", "atelier B"]),
            Make(2, "Réponse opérationnelle", day.AddDays(1), 24, "Éducation aux médias et à l'information ; désinformation ; mécanismes de signalement", ["protection de l'enfance", "médias"]),
            Make(3, "Inclusion et résilience collective", day.AddDays(2), 20, "Risques numériques vécus ; inclusion numérique ; récits de migration", ["jeunes", "migrants", "acteurs communautaires"]),
        };
        db.Sessions.AddRange(sessions);

        var people = DemoPeople.All().Select((p, i) => (p.Session, Participant: Participant.Create(CampaignId, p.Details, now.AddDays(-19), new Guid($"7a2e0000-0000-4000-9000-{i + 1:D12}")))).ToList();
        db.Participants.AddRange(people.Select(p => p.Participant));

        foreach (var number in new[] { 2, 3 })
        {
            var guests = people.Where(p => p.Session == number).Select(p => p.Participant).ToList();
            db.Invitations.AddRange(Answers(sessions[number - 1], guests, now));
        }
        DemoSelfDescriptions.Describe(people.Select(p => p.Participant), AgeBands.DefaultBounds, now.AddDays(-8));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data seeded: campaign {CampaignId}, 3 sessions, {Count} participants.", CampaignId, people.Count);
        return true;
    }

    private static Session Make(int number, string title, DateTime day, int capacity, string agenda, string[] subGroups) =>
        Session.Create(CampaignId, title, day.AddHours(9).AddMinutes(30), day.AddHours(13), TimeZones.Default,
            "Hôtel Hilton Garden Inn, Tanger", capacity, [Language.Fr, Language.Ar], agenda,
            day.AddDays(-5).AddHours(18), subGroups, SessionId(number));

    /// <summary>Invitations in mixed states, reached through the same rules as real answers.</summary>
    private static List<Invitation> Answers(Session session, List<Participant> guests, DateTimeOffset now)
    {
        var sent = now.AddDays(-10);
        var invitations = guests.Select((g, i) => Invitation.Create(session.Id, g.Id, sent, new Guid($"7a2e0000-0000-4000-{session.Id.ToString()[^1]}000-{i + 1:D12}"))).ToList();
        foreach (var invitation in invitations)
            invitation.MoveTo(RsvpStatus.Invited, guests.First(g => g.Id == invitation.ParticipantId).Channel == PreferredChannel.Teams ? AnswerChannel.Teams : AnswerChannel.Email, "system", sent);
        var roster = new Roster(session, invitations);
        var channels = new[] { AnswerChannel.Web, AnswerChannel.Email, AnswerChannel.Phone, AnswerChannel.Outlook };
        for (var i = 0; i < invitations.Count; i++)
        {
            var at = sent.AddHours(6 + i * 5);
            var channel = channels[i % channels.Length];
            var by = channel == AnswerChannel.Phone ? DemoIdentity.OrganiserObjectId : "participant";
            if (session.Capacity == 20)
            {
                // Session 3: full, with a waiting list and a freed seat offered.
                if (i < 22) roster.Answer(invitations[i], RsvpResponse.Accept, channel, by, at);
                else if (i == 22) roster.Answer(invitations[i], RsvpResponse.Decline, channel, by, at);
            }
            else if (i < 12) roster.Answer(invitations[i], RsvpResponse.Accept, channel, by, at);
            else if (i < 15) roster.Answer(invitations[i], RsvpResponse.Tentative, channel, by, at);
            else if (i < 18) roster.Answer(invitations[i], RsvpResponse.Decline, channel, by, at);
        }
        if (session.Capacity == 20)
            roster.Answer(invitations[2], RsvpResponse.Decline, AnswerChannel.Web, "participant", sent.AddDays(5));
        foreach (var (invitation, guest) in invitations.Zip(guests))
            if (!RsvpTransitions.AwaitsAnswer(invitation.Status) && invitation.History.Count > 1)
                guest.GiveConsent(new Consent(invitation.History[1].At, invitation.History[1].Channel, "2026-11"));
        return invitations;
    }
}

public static class DemoModule
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoSeeder>();

    public static async Task SeedDemoAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Privacy;

/// <summary>Data Protection keys live in the database: a link signed by one instance opens on another (or after a restart).</summary>
public sealed class SignedLinkKeysTests
{
    [Fact]
    public async Task RsvpLink_SignedByOneInstance_OpensOnAnotherSharingTheDatabase()
    {
        await using var first = new ServiceFactory();
        var api = first.CreateClient();
        var s = new Scenario(api);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var email = $"{Guid.NewGuid():N}@example.org";
        var person = await s.ParticipantAsync(campaign, "Samira Alami", email);
        await s.InviteAsync(session, person);
        var mail = await Eventually.WaitAsync(() => Task.FromResult(new MailFolder(Path.Combine(first.Folder, "outbox")).To(email)), l => l.Count == 1, "the invitation");
        var link = MailFolder.RsvpLink(mail[0]).PathAndQuery;

        // The key that signed it is a row of the database (not a file of this machine's profile).
        await using (var scope = first.Services.CreateAsyncScope())
            Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<ParticipantBot.Persistence.AppDbContext>().DataProtectionKeys.ToList());

        await using var second = new ServiceFactory();
        second.Settings["ConnectionStrings:Default"] = first.ConnectionString;
        var page = await second.CreateClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Gouvernance", await page.Content.ReadAsStringAsync());
    }
}

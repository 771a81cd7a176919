using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Campaigns;

/// <summary>A configured administrator, next to ordinary organisers.</summary>
public sealed class AdministratorServiceFactory : ServiceFactory
{
    public const string Administrator = "admin-oid-1";

    public AdministratorServiceFactory() => Settings["Auth:Administrators:0"] = Administrator;
}

/// <summary>Only a campaign's organisers (and administrators) see it; everyone else meets a 404 that reveals nothing.</summary>
public sealed class CampaignAccessTests(AdministratorServiceFactory service) : IClassFixture<AdministratorServiceFactory>
{
    /// <summary>The organiser routes that name no campaign, session or person; every other route must.</summary>
    private static readonly HashSet<string> RoutesWithoutData = ["GET /api/campaigns", "POST /api/campaigns"];

    private sealed record Owned(string Campaign, string Session, string Participant, string DataRequest);

    private async Task<Owned> CampaignOfAsync(string organiser)
    {
        var client = service.ClientAs(organiser);
        var scenario = new Scenario(client);
        var campaign = await scenario.CampaignAsync("Campagne de " + organiser);
        var session = (await scenario.SessionAsync(campaign, start: "2027-05-10T09:30", end: "2027-05-10T12:00")).Str("id");
        var participant = await scenario.ParticipantAsync(campaign, "Salma Tazi");
        await scenario.InviteAsync(session, participant);
        // A request the participant filed (from chat, in real use).
        var request = ParticipantBot.Domain.Participants.DataRequest.File(Guid.Parse(campaign), Guid.Parse(participant),
            ParticipantBot.Domain.Participants.DataRequestKind.Access, ParticipantBot.Domain.Common.AnswerChannel.Teams, DateTimeOffset.UtcNow);
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParticipantBot.Persistence.AppDbContext>();
            db.DataRequests.Add(request);
            await db.SaveChangesAsync();
        }
        return new Owned(campaign, session, participant, request.Id.ToString());
    }

    /// <summary>Every organiser route, read from the app's own endpoint data source, so that a new route cannot be forgotten.</summary>
    private List<(string Method, string Pattern, bool Multipart)> OrganiserRoutes()
    {
        service.CreateClient().Dispose();
        var endpoints = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "Organiser"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)))
            .Distinct().OrderBy(r => r.Item2).ThenBy(r => r.m).ToList();
    }

    /// <summary>The route with its parameters filled in from the owner's data: a parameter is named by the segment before it.</summary>
    private static string Fill(string pattern, Owned data)
    {
        var segments = pattern.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            segments[i] = (i > 0 ? segments[i - 1] : "") switch
            {
                "campaigns" => data.Campaign,
                "sessions" => data.Session,
                "participants" or "invitations" => data.Participant,
                "data-requests" => data.DataRequest,
                var other => throw new InvalidOperationException($"Route {pattern}: no test data for a parameter after '{other}'; teach this test what it names."),
            };
        }
        return "/" + string.Join('/', segments);
    }

    /// <summary>A request with a body the route accepts (an empty JSON object, or a one-line guest list), so that the handler runs.</summary>
    private static HttpRequestMessage Request(string method, string url, bool multipart)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (multipart) request.Content = Uploads.Csv("name,email,group\nAwa Ndiaye,awa@example.org,migrant\n");
        else if (method is "POST" or "PUT" or "PATCH") request.Content = JsonContent.Create(new JsonObject());
        return request;
    }

    [Fact]
    public async Task EveryOrganiserRoute_OfAnotherOrganisersCampaign_AnswersNotFound()
    {
        var routes = OrganiserRoutes();
        Assert.True(routes.Count >= 20, $"Only {routes.Count} organiser routes were found: {string.Join(", ", routes)}");
        var intruder = service.ClientAs("organiser-a");
        await new Scenario(intruder).CampaignAsync("Campagne A");
        var checkedRoutes = new List<string>();
        foreach (var (method, pattern, multipart) in routes)
        {
            if (RoutesWithoutData.Contains($"{method} {pattern}")) continue;
            // Fresh data of B for each route: B's own calls below may change it (cancel, withdraw, erase).
            var owned = await CampaignOfAsync("organiser-b");
            var url = Fill(pattern, owned);

            var refused = await intruder.SendAsync(Request(method, url, multipart));
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound,
                $"{method} {url} by another organiser answered {(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Salma", body);
            Assert.DoesNotContain("organiser-b", body);

            // The same request by B's organiser reaches the data, so the 404 above is access, not a wrong URL.
            var owner = await service.ClientAs("organiser-b").SendAsync(Request(method, url, multipart));
            Assert.True(owner.StatusCode != HttpStatusCode.NotFound, $"{method} {url} by its own organiser answered 404: the test's URL is wrong.");
            checkedRoutes.Add($"{method} {pattern}");
        }
        Assert.Contains("GET /api/campaigns/{id:guid}/audit", checkedRoutes);
        Assert.Contains("PUT /api/campaigns/{id:guid}/organisers", checkedRoutes);
        Assert.Contains("POST /api/campaigns/{cid:guid}/participants/import", checkedRoutes);
    }

    [Fact]
    public async Task CampaignList_ShowsOnlyOwnCampaigns_AndCreatingMakesTheCreatorAnOrganiser()
    {
        var b = await CampaignOfAsync("organiser-list-b");
        var mine = await new Scenario(service.ClientAs("organiser-list-a")).CampaignAsync("Mine");
        var seen = (await service.ClientAs("organiser-list-a").GetJsonAsync("/api/campaigns")).AsArray().Select(c => c.Str("id")).ToList();
        Assert.Contains(mine, seen);
        Assert.DoesNotContain(b.Campaign, seen);
        var organisers = await service.ClientAs("organiser-list-a").GetJsonAsync($"/api/campaigns/{mine}/organisers");
        Assert.Equal(["organiser-list-a"], organisers["organisers"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Administrator_SeesEveryCampaign_AndItsData()
    {
        var b = await CampaignOfAsync("organiser-admin-b");
        var admin = service.ClientAs(AdministratorServiceFactory.Administrator);
        Assert.Contains((await admin.GetJsonAsync("/api/campaigns")).AsArray(), c => c.Str("id") == b.Campaign);
        Assert.Equal("Salma Tazi", (await admin.GetJsonAsync($"/api/campaigns/{b.Campaign}/participants/{b.Participant}")).Str("fullName"));
        Assert.Single((await admin.GetJsonAsync($"/api/sessions/{b.Session}/invitations")).AsArray());
    }

    [Fact]
    public async Task PutOrganisers_AddsAndRemoves_AndWhoeverIsRemovedLosesAccess()
    {
        var owned = await CampaignOfAsync("organiser-put-1");
        var first = service.ClientAs("organiser-put-1");
        var response = await first.PutAsJsonAsync($"/api/campaigns/{owned.Campaign}/organisers", new { organisers = new[] { "organiser-put-1", "organiser-put-2" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = service.ClientAs("organiser-put-2");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/api/sessions/{owned.Session}/invitations")).StatusCode);

        // The second organiser takes over; the first is no longer one.
        response = await second.PutAsJsonAsync($"/api/campaigns/{owned.Campaign}/organisers", new { organisers = new[] { "organiser-put-2" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/campaigns/{owned.Campaign}")).StatusCode);
        Assert.DoesNotContain((await first.GetJsonAsync("/api/campaigns")).AsArray(), c => c.Str("id") == owned.Campaign);
    }

    [Fact]
    public async Task PutOrganisers_WithNobodyOrABlankId_IsRefused_NamingTheProblem_AndChangesNothing()
    {
        var owned = await CampaignOfAsync("organiser-put-3");
        var client = service.ClientAs("organiser-put-3");
        var empty = await client.PutAsJsonAsync($"/api/campaigns/{owned.Campaign}/organisers", new { organisers = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("at least one organiser", await empty.Content.ReadAsStringAsync());
        var blank = await client.PutAsJsonAsync($"/api/campaigns/{owned.Campaign}/organisers", new { organisers = new[] { "organiser-put-3", " " } });
        var problem = await blank.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("organisers[1]", problem["errors"]![0]!.Str("field"));
        var organisers = await client.GetJsonAsync($"/api/campaigns/{owned.Campaign}/organisers");
        Assert.Equal(["organiser-put-3"], organisers["organisers"]!.AsArray().Select(o => o!.GetValue<string>()));
    }
}

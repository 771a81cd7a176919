using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Deploy;

/// <summary>
/// The deployment as an agency runs it, without Azure or a container: the output of `dotnet publish`,
/// started twice from its folder in Production, configured by environment variables only, on one
/// throwaway PostgreSQL, each instance on its own port (ASPNETCORE_URLS), exporting its telemetry to an
/// OTLP receiver of the test's own. Organisers' tokens are validated against a fake Entra over HTTPS.
/// </summary>
[Collection("Processes")]
public sealed class TwoInstanceProductionTests : IAsyncLifetime
{
    private const string Host = "participantbot.agency.test";
    private const string ClientId = "3c0d5b3e-0c3e-4a0f-9a55-6f1d1e2b7c11";
    private const string Organiser = "9b1c7a44-2f0e-4d3b-8a6e-5c4d3b2a1f00";
    private readonly string _folder = Directory.CreateTempSubdirectory("participantbot-prod-").FullName;
    private OtlpReceiver _otlp = null!;
    private FakeEntra _entra = null!;

    public async Task InitializeAsync()
    {
        _otlp = await OtlpReceiver.StartAsync();
        _entra = await FakeEntra.StartAsync(_folder, ProductionSettings.TenantId);
    }

    public async Task DisposeAsync()
    {
        await _otlp.DisposeAsync();
        await _entra.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Everything a production host needs, as environment variables, and nothing else.</summary>
    private Dictionary<string, string> Environment(string database)
    {
        var settings = ProductionSettings.For(_folder);
        settings["App:PublicBaseUrl"] = $"https://{Host}";
        settings["Auth:ClientId"] = ClientId;
        settings["Auth:Audience"] = $"api://{Host}/{ClientId}";
        settings["Auth:Instance"] = _entra.Instance;
        settings["Auth:Administrators:0"] = Organiser;
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Default"] = database;
        settings["Outbox:Path"] = Path.Combine(_folder, "outbox");
        // Recurring jobs every few seconds, so that a test sees many occurrences.
        settings["Scheduling:DispatchCron"] = "*/2 * * * * *";
        settings["Scheduling:DigestCron"] = "*/3 * * * * *";
        settings["Scheduling:LockSeconds"] = "10";
        settings["Telemetry:OtlpEndpoint"] = _otlp.Url;
        settings["Telemetry:OutboxMetricsSeconds"] = "1";
        var environment = settings.ToDictionary(kv => kv.Key.Replace(":", "__"), kv => kv.Value);
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "500";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "500";
        environment["SSL_CERT_FILE"] = _entra.TrustFile;
        return environment;
    }

    [Fact]
    public async Task PublishedApp_TwoInstancesInProduction_FromEnvironmentVariablesOnly()
    {
        var folder = await PublishedService.FolderAsync();
        Assert.DoesNotContain("Urls", await File.ReadAllTextAsync(Path.Combine(folder, "appsettings.json")));
        var database = PostgresServer.NewDatabase();
        var environment = Environment(database);
        var (portA, portB) = (ServiceProcess.FreePort(), ServiceProcess.FreePort());
        await using var a = await PublishedService.StartAsync(folder, portA, environment);
        await using var b = await PublishedService.StartAsync(folder, portB, environment);

        // Both answer, each where ASPNETCORE_URLS says and nowhere else.
        foreach (var (service, port) in new[] { (a, portA), (b, portB) })
        {
            using var anonymous = service.Client();
            foreach (var path in new[] { "/healthz", "/healthz/live", "/healthz/ready" })
                Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal([$"http://127.0.0.1:{port}"], Regex.Matches(service.Log, @"Now listening on: (\S+)").Select(m => m.Groups[1].Value));
            Assert.Contains("Hosting environment: Production", service.Log);
            Assert.Contains("Data Protection keys are protected at rest with certificate", service.Log);
            Assert.DoesNotContain("No XML encryptor configured", service.Log);
            Assert.DoesNotContain("unencrypted form", service.Log);
            // Anonymous organiser API and an unsigned Bot Connector call are refused.
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/campaigns")).StatusCode);
            var unsigned = await anonymous.PostAsync("/api/messages", new StringContent(
                """{"type":"message","id":"1","text":"help","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","from":{"id":"29:x"},"conversation":{"id":"a:x"},"recipient":{"id":"28:bot"}}""",
                System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        // An organiser (an Entra token, validated as in production) invites someone through instance A.
        var token = _entra.Token(ProductionSettings.TenantId, $"api://{Host}/{ClientId}", Organiser);
        using var apiA = a.Client(token);
        using var apiB = b.Client(token);
        var campaign = await new Scenario(apiA).CampaignAsync("Consultation Tanger");
        var session = (await new Scenario(apiA).SessionAsync(campaign, start: TestDates.Local(30, 9, 30), end: TestDates.Local(30, 12))).Str("id");
        var email = $"samira.alami.{Guid.NewGuid():N}@example.org";
        var person = (await apiA.PostJsonAsync($"/api/campaigns/{campaign}/participants", new
        {
            fullName = "Samira Alami", fullNameAlt = "سميرة العلمي", email, phone = "+212 661 234 567", organisation = "Association Tanja Youth",
            group = "youth", sex = "female", language = "fr", channel = "email",
        }, HttpStatusCode.Created))["participant"].Str("id");
        Assert.Equal(HttpStatusCode.OK, (await apiB.GetAsync($"/api/campaigns/{campaign}/participants?search=Samira")).StatusCode);
        await new Scenario(apiA).InviteAsync(session, person);
        var mail = (await new MailFolder(Path.Combine(_folder, "outbox")).WaitForAsync(1, m => m.To.Mailboxes.Any(x => x.Address == email))).Single();
        var link = MailFolder.RsvpLink(mail);
        Assert.Equal(Host, link.Host);

        // The link, signed by whichever instance sent it, opens on both; a form from one is accepted by the other.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies });
        foreach (var service in new[] { a, b })
        {
            var page = await browser.GetAsync(service.BaseUrl + link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Gouvernance", await page.Content.ReadAsStringAsync());
        }
        var form = await browser.GetStringAsync(a.BaseUrl + link.PathAndQuery);
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var answer = await browser.PostAsync(b.BaseUrl + link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        { ["answer"] = "accept", ["__RequestVerificationToken"] = antiforgery }));
        Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        var invitation = (await apiA.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single(i => i.Str("participantId") == person);
        Assert.Equal("accepted", invitation.Str("status"));
        Assert.Equal("web", invitation.Str("channel"));

        // The administrator's smoke test, against each instance as if it were the deployed URL.
        foreach (var service in new[] { a, b })
        {
            var (exit, output) = await Task.Run(() => ProcessRunner.Run("bash", $"deploy/smoke-test.sh {service.BaseUrl} --rsvp-link {link} --answer accept"));
            Assert.True(exit == 0, output);
            Assert.Contains("10 passed, 0 failed", output);
        }

        // The container image's HEALTHCHECK command, run as the engine would (its port made this instance's).
        var healthCheck = ContainerDefinitionTests.HealthCheck();
        Assert.Equal(["bash", "-c"], healthCheck[..2]);
        var probeScript = Path.Combine(_folder, "healthcheck.sh");
        await File.WriteAllTextAsync(probeScript, healthCheck[2].Replace("/8080", $"/{portA}"));
        var (probeExit, probe) = await Task.Run(() => ProcessRunner.Run("bash", $"\"{probeScript}\"", timeout: TimeSpan.FromSeconds(30)));
        Assert.True(probeExit == 0, "the HEALTHCHECK failed: " + probe);

        // The key ring in the database: protected with the certificate, no key material in clear.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select \"Xml\" from \"DataProtectionKeys\"", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var keys = new List<string>();
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml);
                Assert.Contains("EncryptedXmlDecryptor", xml);
                Assert.DoesNotContain("<masterKey", xml);
                Assert.DoesNotContain("<value>", xml);
            });
        }

        // Recurring jobs, every 2 s (outbox dispatch) and 3 s (digest) on both instances: each occurrence runs once in all.
        var jobs = await Eventually.WaitAsync(() => Task.FromResult(_otlp.Spans().Where(s => s.Attribute("hangfire.recurring_job.id") == "organiser-digest").ToList()),
            l => l.Select(s => s.Attribute("hangfire.recurring_job.occurrence")).Distinct().Count() >= 8, "eight occurrences of the digest", 90);
        var recurring = _otlp.Spans().Where(s => s.Attribute("hangfire.recurring_job.id") is "organiser-digest" or "outbox-dispatch").ToList();
        Assert.All(recurring.GroupBy(s => (s.Attribute("hangfire.recurring_job.id"), s.Attribute("hangfire.recurring_job.occurrence"))),
            g => Assert.True(g.Count() == 1, $"{g.Key} ran {g.Count()} times, on {string.Join(", ", g.Select(s => s.Instance))}"));
        Assert.All(recurring.GroupBy(s => s.Attribute("hangfire.job.id")), g => Assert.Single(g));
        Assert.All(recurring, s => Assert.Equal("succeeded", s.Attribute("hangfire.job.outcome")));
        // ...while both instances run a Hangfire server (scheduler and workers) on the same storage.
        Assert.All(new[] { a, b }, service => Assert.Contains("Starting Hangfire Server using job storage", service.Log));

        // Telemetry reached the receiver from both instances: requests, database, jobs, the outbox's gauges.
        var sent = await Eventually.WaitAsync(() => Task.FromResult(_otlp.Points().Where(p => p.Metric == "participantbot.outbox.sent_last_minute" && p.Attribute("channel") == "email").ToList()),
            l => l.Any(p => p.Value >= 1), "the outbox gauge to count the sent email", 30);
        var spans = _otlp.Spans();
        Assert.Equal(2, spans.Select(s => s.Instance).Distinct().Count());
        // Paths are their route: ids kept, the search's value and the link's token not.
        Assert.Contains(spans, s => s.Kind == OtlpSpan.Server && s.Attribute("http.route") == "/api/campaigns/{cid:guid}/participants/"
                                    && s.Attribute("url.path") == $"/api/campaigns/{campaign}/participants" && s.Attribute("url.query") == "search={redacted}");
        Assert.Contains(spans, s => s.Kind == OtlpSpan.Server && s.Attribute("http.route") == "rsvp/{token}" && s.Attribute("url.path") == "/rsvp/{token}");
        Assert.Contains(spans, s => s.Kind == OtlpSpan.Client && s.Attribute("db.system.name") is "postgresql" || s.Attribute("db.system") is "postgresql");
        Assert.DoesNotContain(spans, s => s.Kind == OtlpSpan.Client && s.ParentSpanId.Length == 0); // no lonely polling queries
        Assert.Contains(spans, s => s.Links > 0 && s.Name.StartsWith("job ")); // a job queued by a request is linked to it
        var metrics = _otlp.Points().Select(p => p.Metric).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "participantbot.outbox.planned", "participantbot.outbox.sent_last_minute", "participantbot.outbox.failed",
            "participantbot.outbox.possible_duplicates", "participantbot.outbox.oldest_due_age",
            "participantbot.jobs.runs", "participantbot.jobs.duration", "http.server.request.duration",
        }, metrics);
        Assert.Contains(_otlp.Requests, r => r.Signal == "logs");

        // ...and none of it names the person: no name (either script), email, phone, organisation, or her link.
        var everything = _otlp.AllText();
        foreach (var personal in new[] { "Samira", "Alami", "سميرة", "العلمي", email, email.Split('@')[0], "661 234 567", "661234567", "Tanja Youth", link.Segments[^1] })
            Assert.DoesNotContain(personal, everything);
    }
}

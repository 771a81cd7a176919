using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

/// <summary>
/// Every route of the app, read from its endpoint data source (a new route cannot be forgotten), called
/// as a hostile client would: malformed and oversized bodies, wrong JSON types, edge dates and zones that
/// name folders, wrong content types, malformed multipart, unknown and malformed ids, junk query values.
/// No answer may be a server error.
/// </summary>
public abstract class RouteWalkerTests(ServiceFactory service)
{
    private sealed record Owned(string Campaign, string Session, string Participant, string DataRequest);

    private async Task<Owned> OwnedAsync(HttpClient client)
    {
        var scenario = new Scenario(client);
        var campaign = await scenario.CampaignAsync("Campagne du parcours");
        var session = (await scenario.SessionAsync(campaign, start: "2027-05-10T09:30", end: "2027-05-10T12:00")).Str("id");
        var participant = await scenario.ParticipantAsync(campaign, "Salma Tazi");
        await scenario.InviteAsync(session, participant);
        var request = ParticipantBot.Domain.Participants.DataRequest.File(Guid.Parse(campaign), Guid.Parse(participant),
            ParticipantBot.Domain.Participants.DataRequestKind.Access, ParticipantBot.Domain.Common.AnswerChannel.Teams, service.Clock.GetUtcNow());
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParticipantBot.Persistence.AppDbContext>();
            db.DataRequests.Add(request);
            await db.SaveChangesAsync();
        }
        return new Owned(campaign, session, participant, request.Id.ToString());
    }

    private List<(string Method, string Pattern, bool Multipart)> Routes()
    {
        service.CreateClient().Dispose();
        return service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m => (m,
                "/" + e.RoutePattern.RawText!.Trim('/'),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)))
            .Where(r => r.m != "OPTIONS" && r.m != "HEAD")
            .Distinct().OrderBy(r => r.Item2).ThenBy(r => r.m).ToList();
    }

    private static readonly string[] JunkSegments =
        ["x", new string('a', 4000), "%01", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "%ED%A0%80", "CfDJ8" + new string('Q', 300), "00000000-0000-0000-0000-000000000000"];

    /// <summary>The route with its parameters filled: guids from the owner's data (by the segment before them) or new ones; anything else with junk.</summary>
    private static string Fill(string pattern, Owned? data, string junk)
    {
        var segments = pattern.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            if (!segments[i].Contains(":guid"))
            {
                segments[i] = junk;
                continue;
            }
            segments[i] = data is null ? Guid.NewGuid().ToString() : (i > 0 ? segments[i - 1] : "") switch
            {
                "campaigns" => data.Campaign,
                "sessions" => data.Session,
                "participants" or "invitations" => data.Participant,
                "data-requests" => data.DataRequest,
                _ => Guid.NewGuid().ToString(),
            };
        }
        return "/" + string.Join('/', segments);
    }

    private static readonly string[] TextFields =
    [
        "name", "description", "title", "venue", "agenda", "fullName", "fullNameAlt", "email", "phone", "teamsObjectId", "teamsUpn", "organisation",
        "group", "note", "subGroup", "timeZone", "start", "end", "answerDeadline", "status", "channel", "sex", "language", "defaultLanguage", "text", "type",
        "serviceUrl", "sendAt", "sameDayAt", "quietFrom", "quietUntil", "delegateParticipantId", "format",
    ];

    private static string Hostile(int length) =>
        string.Concat(Enumerable.Repeat("=HYPERLINK(\"x\")\r\nBEGIN:VEVENT\u0000\u202E\u0085é ا😀;,\"", length / 40 + 1))[..length];

    /// <summary>Bodies no client of ours sends, each with its content type.</summary>
    private static IEnumerable<(string Name, Func<HttpContent?> Content)> Bodies()
    {
        yield return ("no body", () => null);
        yield return ("empty JSON object", () => Json("{}"));
        yield return ("JSON null", () => Json("null"));
        yield return ("JSON array", () => Json("[1, \"a\", {}]"));
        yield return ("malformed JSON", () => Json("{\"name\": \"a\", "));
        yield return ("deeply nested JSON", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("oversized values", () =>
        {
            var body = new JsonObject();
            foreach (var field in TextFields) body[field] = Hostile(field is "organisation" or "name" or "fullName" ? 1_000_000 : 5_000);
            body["needs"] = new JsonObject { ["diet"] = Hostile(100_000), ["other"] = Hostile(100_000), ["transport"] = true };
            body["subGroups"] = new JsonArray(Enumerable.Range(0, 500).Select(_ => (JsonNode)Hostile(300)).ToArray());
            body["organisers"] = new JsonArray(Enumerable.Range(0, 500).Select(_ => (JsonNode)Hostile(300)).ToArray());
            body["participantIds"] = new JsonArray(Enumerable.Range(0, 2000).Select(_ => (JsonNode)Guid.NewGuid().ToString()).ToArray());
            body["questions"] = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = Hostile(500), ["kind"] = "freeText", ["required"] = true,
                ["text"] = new JsonObject { ["fr"] = Hostile(10_000), ["ar"] = Hostile(10_000), ["en"] = Hostile(10_000) },
            }).ToArray());
            return Json(body.ToJsonString());
        }
        );
        yield return ("edge dates", () => Json("""{"title": "x", "start": "0001-01-01T00:00", "end": "0001-01-01T01:00"}"""));
        yield return ("last dates", () => Json("""{"title": "x", "start": "9999-12-31T22:00", "end": "9999-12-31T23:59", "answerDeadline": "9999-12-31T21:00"}"""));
        yield return ("dates with offsets at the edges", () => Json("""{"title": "x", "start": "0001-01-01T00:00:00+14:00", "end": "9999-12-31T23:59:59-14:00"}"""));
        yield return ("folder zone", () => Json("""{"name": "x", "title": "x", "fullName": "Awa", "group": "youth", "email": "awa@example.org", "timeZone": "Africa"}"""));
        yield return ("edge values", () =>
        {
            var body = new JsonObject
            {
                ["name"] = "Campagne", ["title"] = "Séance", ["fullName"] = "Awa", ["group"] = "youth", ["email"] = "awa@example.org",
                ["start"] = "2027-01-01T09:00", ["end"] = "2027-01-01T10:00", ["capacity"] = int.MaxValue, ["retentionMonths"] = int.MinValue, ["openDays"] = int.MaxValue,
                ["openDelayMinutes"] = int.MinValue, ["firstReminderDays"] = int.MaxValue, ["sendAt"] = "25:61", ["quietFrom"] = "00:00", ["quietUntil"] = "00:00",
                ["languages"] = new JsonArray("xx"), ["status"] = "attended", ["channel"] = "phone", ["all"] = true,
            };
            return Json(body.ToJsonString());
        }
        );
        yield return ("zone paths", () => Json("""{"timeZone": "America/Argentina", "start": "2027-01-01T09:00", "end": "2027-01-01T10:00", "title": "x", "name": "x"}"""));
        yield return ("zone traversal", () => Json("""{"timeZone": "../../../../etc/passwd", "start": "2027-01-01T09:00", "end": "2027-01-01T10:00", "title": "x", "name": "x"}"""));
        yield return ("wrong JSON types", () =>
        {
            var body = new JsonObject();
            foreach (var field in TextFields) body[field] = new JsonObject { ["x"] = new JsonArray(1, 2) };
            body["capacity"] = "many";
            body["languages"] = "fr";
            body["needs"] = 5;
            body["participantIds"] = new JsonArray("not-a-guid", 5, null);
            body["questions"] = "q";
            body["organisers"] = new JsonObject();
            return Json(body.ToJsonString());
        }
        );
        yield return ("numbers out of range", () => Json("""{"capacity": 1e400, "retentionMonths": 99999999999999999999, "openDays": -1.5}"""));
        yield return ("text/plain", () => new StringContent("hello", Encoding.UTF8, "text/plain"));
        yield return ("XML", () => new StringContent("<a><b/></a>", Encoding.UTF8, "application/xml"));
        yield return ("form", () => new StringContent("a=b&c=%ZZ&name=" + new string('x', 5000), Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("multipart without boundary", () => Raw("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n", "multipart/form-data"));
        yield return ("multipart whose boundary never comes", () => Raw(string.Concat(Enumerable.Repeat("no boundary here ", 20_000)), "multipart/form-data; boundary=abc"));
        yield return ("multipart part without headers", () => Raw("--abc\r\n\r\nabc\r\n--abc--\r\n", "multipart/form-data; boundary=abc"));
        yield return ("multipart with a huge header", () => Raw("--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + new string('a', 100_000) + "\"\r\n\r\nx\r\n--abc--\r\n", "multipart/form-data; boundary=abc"));
        yield return ("multipart with a 1.6 KB sheet declaring a huge size", () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(HugeDimensionXlsx()), "file", "guests.xlsx");
            return form;
        }
        );
        yield return ("multipart with binary junk", () =>
        {
            var form = new MultipartFormDataContent();
            var junk = new byte[50_000];
            new Random(16).NextBytes(junk);
            form.Add(new ByteArrayContent([(byte)'P', (byte)'K', 3, 4, .. junk]), "file", "guests.xlsx");
            return form;
        }
        );
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>A small .xlsx whose sheet says it spans A1:XFD1048576 and holds a cell in the last row and column.</summary>
    internal static byte[] HugeDimensionXlsx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", """<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>""");
        }
        return buffer.ToArray();
    }

    private const string JunkQuery =
        "?format=zzz&limit=-5&offset=99999999999999999999&status=bogus&group=%00&sex=x&language=xx&channel=y&need=z&search=%ED%A0%80%E2%80%AE&before=abc&take=-1&lang=zz&dryRun=maybe&skipInvalid=2&subGroup=%0A";

    [Fact]
    public async Task EveryRoute_WithMalformedBodiesIdsContentTypesAndOversizedValues_AnswersNoServerError()
    {
        var routes = Routes();
        Assert.True(routes.Count >= 50, $"Only {routes.Count} routes were found: {string.Join(", ", routes)}");
        var client = service.ClientAs("walker");
        var failures = new List<string>();
        var calls = 0;
        async Task CallAsync(string method, string url, HttpContent? content, string what)
        {
            calls++;
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
            try
            {
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{method} {Short(url)} with {what}: {(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{method} {Short(url)} with {what}: {e.GetType().Name} {Short(e.Message)}");
            }
        }

        foreach (var (method, pattern, _) in routes)
        {
            var owned = await OwnedAsync(client);
            // Unknown and malformed ids, junk in free segments and in the query.
            foreach (var junk in JunkSegments.Take(pattern.Contains('{') ? JunkSegments.Length : 1))
                await CallAsync(method, Fill(pattern, null, junk) + JunkQuery, null, $"unknown ids ({Short(junk)})");
            await CallAsync(method, Fill(pattern, owned, "x") + JunkQuery, null, "junk query values");
            if (method is "GET" or "DELETE") continue;
            foreach (var (name, content) in Bodies())
                await CallAsync(method, Fill(pattern, owned, "x"), content(), name);
        }
        Assert.True(calls > 500, $"Only {calls} calls were made.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered a server error:\n" + string.Join("\n", failures.Take(60)));
    }

    private static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;
}

public sealed class RouteWalkerOnSqliteTests(ServiceFactory service) : RouteWalkerTests(service), IClassFixture<ServiceFactory>;

public sealed class RouteWalkerOnPostgresTests(PostgresServiceFactory service) : RouteWalkerTests(service), IClassFixture<PostgresServiceFactory>;

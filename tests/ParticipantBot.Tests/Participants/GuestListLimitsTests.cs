using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ParticipantBot.Participants.Import;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Participants;

/// <summary>Guest list files that are bigger than they look, or malformed as uploads: refused early, with a code, and nothing written.</summary>
public sealed class GuestListLimitsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = service.CreateClient();

    private async Task<(string Campaign, System.Text.Json.Nodes.JsonNode Problem, HttpStatusCode Status)> ImportAsync(HttpContent content)
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var response = await _client.PostAsync($"/api/campaigns/{campaign}/participants/import", content);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Empty((await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants")).AsArray());
        return (campaign, body, response.StatusCode);
    }

    private static string Code(System.Text.Json.Nodes.JsonNode problem) => problem["errors"]![0]!.Str("code");

    [Fact]
    public async Task ASmallXlsxDeclaringAHugeSheet_IsRefusedBeforeItIsRead()
    {
        var file = Api.RouteWalkerTests.HugeDimensionXlsx();
        Assert.True(file.Length < 3000, $"{file.Length} bytes");
        var (_, problem, status) = await ImportAsync(Uploads.File(file, "guests.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("import.dimensionTooLarge", Code(problem));
    }

    [Fact]
    public async Task AnXlsxWithACellFarAway_AndNoDimension_IsRefusedAtThatRow()
    {
        var xml = """<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="900000"><c r="A900000" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>""";
        var (_, problem, status) = await ImportAsync(Uploads.File(Xlsx(sheet => sheet.Write(xml)), "guests.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("import.tooManyRows", Code(problem));
    }

    [Fact]
    public async Task AZipBombSheet_IsRefusedByItsDeclaredSize_WithoutUnpackingIt()
    {
        // 200 MB of zeros compress to a few hundred kilobytes.
        var bomb = Xlsx(sheet =>
        {
            sheet.Write("""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            var block = new string(' ', 1 << 20);
            for (var i = 0; i < 200; i++) sheet.Write(block);
            sheet.Write("</sheetData></worksheet>");
        });
        Assert.True(bomb.Length < GuestListLimits.MaxFileBytes);
        var (_, problem, status) = await ImportAsync(Uploads.File(bomb, "guests.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("import.uncompressedTooLarge", Code(problem));
    }

    /// <summary>A minimal workbook whose first sheet's XML the caller writes.</summary>
    private static byte[] Xlsx(Action<StreamWriter> writeSheet)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string text) { using var w = new StreamWriter(zip.CreateEntry(path).Open()); w.Write(text); }
            Part("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            writeSheet(sheet);
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task ACsvWithMoreRowsThanTheLimit_IsRefused()
    {
        var csv = new StringBuilder("name,email,group\n");
        for (var i = 0; i <= GuestListLimits.MaxRows; i++) csv.Append('P').Append(i).Append(",p").Append(i).Append("@example.org,youth\n");
        var (_, problem, status) = await ImportAsync(Uploads.Csv(csv.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("import.tooManyRows", Code(problem));
    }

    [Fact]
    public async Task ACsvWithTooManyColumnsOrATooLongCell_IsRefused_NamingRowAndColumn()
    {
        var wide = "name,email,group" + string.Concat(Enumerable.Repeat(",x", GuestListLimits.MaxColumns)) + "\nAwa,awa@example.org,youth\n";
        var (_, problem, _) = await ImportAsync(Uploads.Csv(wide));
        Assert.Equal("import.tooManyColumns", Code(problem));
        Assert.Equal(1, problem["errors"]![0]!["row"]!.GetValue<int>());

        var (_, longCell, status) = await ImportAsync(Uploads.Csv($"name,email,group,organisation\nAwa,awa@example.org,youth,{new string('o', GuestListLimits.MaxCellLength + 1)}\n"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("import.cellTooLong", Code(longCell));
        Assert.Equal(2, longCell["errors"]![0]!["row"]!.GetValue<int>());
        Assert.Equal("organisation", longCell["errors"]![0]!.Str("column"));
    }

    [Fact]
    public async Task ALineBreakOrAnOverlongValueInACell_IsARowErrorNamingRowColumnAndRule()
    {
        var csv = "name,email,group,organisation\n\"Awa\nATTENDEE\",awa@example.org,youth,ONG\nSalma,salma@example.org,youth," + new string('o', 201) + "\n";
        var (_, problem, status) = await ImportAsync(Uploads.Csv(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 2 && e.Str("column") == "name" && e.Str("code") == "text.controlCharacter");
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 3 && e.Str("column") == "organisation" && e.Str("code") == "text.tooLong");
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=abc")]
    [InlineData("multipart/form-data; boundary=\"\"")]
    public async Task AMultipartBodyWithoutItsBoundary_IsA400NamingTheFile(string contentType)
    {
        var body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"g.csv\"\r\n\r\n" + string.Concat(Enumerable.Repeat("name,email\n", 5000));
        var (_, problem, status) = await ImportAsync(Raw(body, contentType));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("file", problem["errors"]![0]!.Str("field"));
        Assert.Equal("import.multipart", Code(problem));
    }

    [Fact]
    public async Task AnUploadLargerThanTheLimit_Is413()
    {
        var big = new byte[GuestListLimits.MaxFileBytes + 1024];
        Array.Fill(big, (byte)'a');
        var (_, problem, status) = await ImportAsync(Uploads.File(big, "guests.csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("import.fileTooLarge", Code(problem));
    }
}

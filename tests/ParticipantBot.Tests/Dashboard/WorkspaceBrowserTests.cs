using ClosedXML.Excel;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ParticipantBot.Demo;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Dashboard;

/// <summary>
/// The organiser's workspace as a consultant uses it, in headless Chromium: from an empty database to an answer,
/// through the page alone; every view checked by axe-core against WCAG 2.2 A and AA in French and Arabic; no
/// label clipped in fr, ar or en at 320 px or at 200% zoom; every value a person reads in the page's language.
/// </summary>
[Collection("Browser")]
public sealed class WorkspaceBrowserTests(BrowserFixture browser)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>24 guests for the Tangier consultation: 8 youth, 8 migrants, 8 community actors; rows 7 and 15 (two migrants) are wrong.</summary>
    private static byte[] GuestList()
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Invités");
        string[] header = ["nom", "courriel", "groupe", "sexe", "langue", "organisme", "transport"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        string[] first = ["Salma", "Youssef", "Imane", "Omar", "Hajar", "Mehdi", "Nadia", "Karim", "Aicha", "Moussa", "Grace", "Ibrahima",
            "Meryem", "Hamza", "Zineb", "Anas", "Awa", "Samuel", "Souad", "Said", "Houda", "Rachid", "Latifa", "Adil"];
        string[] last = ["Tazi", "Bennani", "Bouzid", "El Khatib", "El Fassi", "Sqalli", "Amrani", "Mansouri", "Diallo", "Koné", "Okafor", "Sow",
            "Alaoui", "Ouazzani", "Lahlou", "Berrechid", "Ndiaye", "Adeyemi", "Chraibi", "Ziani", "Naciri", "Tahiri", "Berrada", "Bakkali"];
        for (var i = 0; i < 24; i++)
        {
            var row = i + 2;
            var group = (i % 3) switch { 0 => "jeunes", 1 => "migrants", _ => "communauté" };
            sheet.Cell(row, 1).Value = $"{first[i]} {last[i]}";
            sheet.Cell(row, 2).Value = row == 7 ? "pas-une-adresse" : $"{first[i].ToLowerInvariant()}.{i}@example.org";
            sheet.Cell(row, 3).Value = row == 15 ? "inconnu" : group;
            sheet.Cell(row, 4).Value = i % 2 == 0 ? "F" : "H";
            sheet.Cell(row, 5).Value = i % 4 == 1 ? "ar" : "fr";
            sheet.Cell(row, 6).Value = "Conseil des jeunes de Tanger";
            sheet.Cell(row, 7).Value = i % 3 == 0 ? "oui" : "non";
        }
        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static async Task AxeAsync(IPage page, string view)
    {
        // The page itself: the email shown in its sandboxed frame runs no script, so axe is not sent into frames (it would wait for it).
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] }, Iframes = false })
            .WaitAsync(TimeSpan.FromMinutes(2));
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}").ToList();
        Assert.True(problems.Count == 0, $"{view}: {problems.Count} WCAG 2.2 A/AA violation(s):\n{string.Join("\n", problems)}");
    }

    private static async Task ReadyAsync(IPage page)
    {
        var errors = new List<string>();
        void Listen(object? _, string e) => errors.Add(e);
        page.PageError += Listen;
        try { await page.Locator("body[data-ready='true']").WaitForAsync(new() { Timeout = 30_000 }); }
        catch (TimeoutException) { throw new TimeoutException("The page did not get ready: " + string.Join("; ", errors) + " " + await page.Locator("#notice").TextContentAsync()); }
        finally { page.PageError -= Listen; }
    }

    private static ILocator Card(IPage page, int index) => page.Locator("article.session").Nth(index);

    private static async Task AddSessionAsync(IPage page, string title, string day, string? arabicTitle = null, string? subGroups = null)
    {
        await page.Locator("[data-action='add-session']").First.ClickAsync();
        var dialog = page.Locator("dialog");
        await dialog.Locator("[name='title']").FillAsync(title);
        if (arabicTitle is not null) await dialog.Locator("[name='title-ar']").FillAsync(arabicTitle);
        await dialog.Locator("[name='start']").FillAsync($"{day}T09:30");
        await dialog.Locator("[name='end']").FillAsync($"{day}T13:00");
        await dialog.Locator("[name='venue']").FillAsync("Hôtel Hilton Garden Inn, Tanger");
        await dialog.Locator("[name='capacity']").FillAsync("24");
        await dialog.Locator("[name='lang-ar']").CheckAsync();
        if (subGroups is not null) await dialog.Locator("[name='subGroups']").FillAsync(subGroups);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.Locator("article.session h3", new() { HasText = title }).WaitForAsync();
    }

    [Fact]
    public async Task Consultant_FromAnEmptyDatabase_RunsTheTangierConsultation_ThroughThePageAlone()
    {
        await using var service = new KestrelServiceFactory();
        service.RealClient().Dispose();
        var page = await browser.DesktopAsync();
        // The page alone: every request the browser makes goes to the service's own host.
        var elsewhere = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(service.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:") && !r.Url.StartsWith("blob:") && !r.Url.StartsWith("about:")) elsewhere.Add(r.Url); };
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " " + m.Location); };

        // First run: nothing is organised yet, and the page says how to start.
        await page.GotoAsync($"{service.BaseUrl}/dashboard?lang=fr");
        await ReadyAsync(page);
        Assert.Contains("Vous n'organisez encore aucune campagne.", await page.Locator("#no-campaign").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "workspace-fr-1-first-run");
        var form = page.Locator("#new-campaign");
        await form.GetByLabel("Nom", new() { Exact = true }).FillAsync("Consultations sectorielles – Tanger");
        await form.GetByLabel("Adresse de contact").FillAsync("consultation.tanger@example.org");
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer la consultation" }).ClickAsync();
        await page.Locator("#no-session").WaitForAsync();

        // Its three sessions, the third with an Arabic title and its sub-groups.
        await AddSessionAsync(page, "Gouvernance", "2026-12-08");
        await AddSessionAsync(page, "Réponse opérationnelle", "2026-12-09");
        await AddSessionAsync(page, "Inclusion et résilience collective", "2026-12-10", "الإدماج والصمود الجماعي", "jeunes\nmigrants\nacteurs communautaires");
        Assert.Equal(3, await page.Locator("article.session").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "workspace-fr-2-sessions");

        // The guest list: 24 rows, two of them wrong; the preview marks each on its row and column, in French.
        await page.Locator("#views [data-view='guests']").ClickAsync();
        await page.Locator("#guest-file").SetInputFilesAsync(new FilePayload
        {
            Name = "invites-tanger.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = GuestList(),
        });
        var errors = page.Locator("[data-list='errors'] li");
        await errors.First.WaitForAsync();
        Assert.Equal(2, await errors.CountAsync());
        var texts = await errors.AllTextContentsAsync();
        Assert.Contains(texts, e => e.Contains("Ligne 7") && e.Contains("colonne « courriel »") && e.Contains("« pas-une-adresse » n'est pas une adresse e-mail."));
        Assert.Contains(texts, e => e.Contains("Ligne 15") && e.Contains("colonne « groupe »") && e.Contains("Groupe inconnu « inconnu »"));
        Assert.Equal(1, await page.Locator("tr[data-row='7'] td.bad-cell[data-column='courriel']").CountAsync());
        Assert.Equal(1, await page.Locator("tr[data-row='15'] td.bad-cell[data-column='groupe']").CountAsync());
        Assert.Equal(0, await page.Locator("[data-action='import-all']").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "workspace-fr-3-import-preview");
        await page.Locator("[data-action='import-skip']").ClickAsync();
        await page.Locator("#guests tbody tr[data-person]").Nth(21).WaitForAsync();
        Assert.Equal(22, await page.Locator("#guests tbody tr[data-person]").CountAsync());

        // Invite the youth group to session 3: how they are reached, then the Arabic email one of them will receive.
        await page.Locator("#views [data-view='board']").ClickAsync();
        await Card(page, 2).Locator("[data-action='invite']").ClickAsync();
        await page.Locator("#view-invite").GetByLabel("Un groupe d'acteurs").CheckAsync();
        await page.Locator("#view-invite select[name='group']").SelectOptionAsync("youth");
        await page.Locator("#view-invite select[name='subGroup']").SelectOptionAsync("jeunes");
        // Rows 2, 5, 8... 23 are youth: 8 people, all by email, nobody unreachable.
        await page.Locator("[data-reach='new'] dd:text-is('8')").WaitForAsync();
        Assert.Equal("8", await page.Locator("[data-reach='email'] dd").TextContentAsync());
        Assert.Equal("0", await page.Locator("[data-reach='unreachable'] dd").TextContentAsync());
        await page.Locator("#preview-language").SelectOptionAsync("ar");
        var frame = page.Locator("#email-frame");
        await page.WaitForFunctionAsync("() => document.getElementById('email-frame')?.getAttribute('lang') === 'ar'");
        var html = await frame.GetAttributeAsync("srcdoc");
        Assert.Contains("dir=\"rtl\"", html);
        Assert.Contains("الإدماج والصمود الجماعي", html);
        Assert.Contains("/rsvp/preview", html);
        Assert.Equal("", await frame.GetAttributeAsync("sandbox"));
        await page.Locator("[data-preview='card'] .ac-adaptiveCard").WaitForAsync();
        Assert.Contains("الإدماج والصمود الجماعي", await page.Locator("[data-preview='card']").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "workspace-fr-4-invite-preview-ar");

        // Send, and watch the progress reach "sent".
        await page.Locator("[data-action='send']").ClickAsync();
        await page.Locator("dialog").GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await page.Locator("[data-follow='sent'] dd:text-is('8')").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("0", await page.Locator("[data-follow='failed'] dd").TextContentAsync());
        Assert.Contains("Toutes les invitations sont parties", await page.Locator("[data-fact='follow-state']").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "workspace-fr-5-sent");

        // One of them answers on the RSVP page of their email; the board shows it without reloading.
        var mail = await new MailFolder(Path.Combine(service.Folder, "outbox")).WaitForAsync(8);
        var salma = mail.Single(m => m.To.Mailboxes.Single().Address == "salma.0@example.org");
        var person = await browser.PhoneAsync();
        await person.GotoAsync(MailFolder.RsvpLink(salma).ToString());
        await person.GetByLabel("Je viendrai").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await person.Locator("#notice").WaitForAsync();
        await page.Locator("#views [data-view='board']").ClickAsync();
        await page.Locator("article.session").Nth(2).Locator("dd[data-count='accepted']:text-is('1')").WaitForAsync(new() { Timeout = 30_000 });
        await Card(page, 2).Locator("[data-action='people']").ClickAsync();
        var row = page.Locator("#roster tr[data-status='accepted']");
        await row.WaitForAsync();
        Assert.Contains("Salma Tazi", await row.TextContentAsync());
        Assert.Contains("jeunes", await row.Locator("select").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "workspace-fr-6-answer");

        Assert.Empty(elsewhere);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    private static async Task VisitAsync(IPage page, string view, Func<Task> check)
    {
        await page.Locator($"#views [data-view='{view}']").ClickAsync();
        try
        {
            await page.Locator($"#view-{view} h2").First.WaitForAsync(new() { Timeout = 15_000 });
            await check();
        }
        catch (TimeoutException e) { throw new TimeoutException($"{view}: {await page.Locator("#notice").TextContentAsync()}", e); }
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task EveryView_HasNoWcag22AOrAAViolation(string lang)
    {
        await using var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        service.RealClient().Dispose();
        var page = await browser.DesktopAsync();
        await page.GotoAsync($"{service.BaseUrl}/dashboard?lang={lang}&session={DemoSeeder.SessionId(3)}");
        await ReadyAsync(page);
        await page.Locator("#roster tbody tr[data-participant]").First.WaitForAsync();
        await page.Locator("details.breakdown summary").First.ClickAsync();
        await AxeAsync(page, $"{lang} board and participant table");
        await BrowserFixture.ScreenshotAsync(page, $"workspace-{lang}-board");

        await page.Locator("#roster [data-action='details']").First.ClickAsync();
        await page.Locator("dialog table.messages").WaitForAsync();
        await AxeAsync(page, $"{lang} a person's messages and history");
        await page.Locator("dialog button[value='cancel']").ClickAsync();

        await Card(page, 0).Locator("[data-action='edit-session']").ClickAsync();
        await page.Locator("dialog [name='title']").WaitForAsync();
        await AxeAsync(page, $"{lang} session form");
        await BrowserFixture.ScreenshotAsync(page, $"workspace-{lang}-session-form");
        await page.Locator("dialog button[value='cancel']").ClickAsync();

        await VisitAsync(page, "guests", () => page.Locator("#guests tbody tr[data-person]").First.WaitForAsync());
        await page.Locator("#guest-file").SetInputFilesAsync(new FilePayload { Name = "invites.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = GuestList() });
        await page.Locator("[data-list='errors'] li").First.WaitForAsync();
        await AxeAsync(page, $"{lang} guest list and import preview");
        await BrowserFixture.ScreenshotAsync(page, $"workspace-{lang}-guests-import");

        await page.Locator("[data-action='add-person']").ClickAsync();
        await page.Locator("dialog [name='fullName']").WaitForAsync();
        await AxeAsync(page, $"{lang} person form");
        await page.Locator("dialog button[value='cancel']").ClickAsync();

        await VisitAsync(page, "campaign", () => page.Locator("#audit-title").WaitForAsync());
        await AxeAsync(page, $"{lang} consultation, organisers, audit log");
        await BrowserFixture.ScreenshotAsync(page, $"workspace-{lang}-campaign");

        await page.Locator("#views [data-view='board']").ClickAsync();
        await Card(page, 0).Locator("[data-action='invite']").ClickAsync();
        await page.Locator("[data-reach='new'] dd").WaitForAsync();
        await page.Locator("[data-preview='card'] .ac-adaptiveCard").WaitForAsync();
        await AxeAsync(page, $"{lang} invite, reach and preview");
        await BrowserFixture.ScreenshotAsync(page, $"workspace-{lang}-invite");

        var stranger = await browser.DesktopAsync(new Dictionary<string, string> { ["X-Dev-User"] = "workspace-first-run-" + lang });
        await stranger.GotoAsync($"{service.BaseUrl}/dashboard?lang={lang}");
        await ReadyAsync(stranger);
        await stranger.Locator("#new-campaign").WaitForAsync();
        await AxeAsync(stranger, $"{lang} first run");
    }

    /// <summary>Elements whose text is cut: hidden overflow (or an ellipsis) narrower than their content, in the page and in components' shadow trees.</summary>
    private const string ClippedScript = """
        () => {
          const clipped = [];
          const visit = root => {
            for (const e of root.querySelectorAll('*')) {
              if (e.shadowRoot) visit(e.shadowRoot);
              const text = (e.textContent || '').trim();
              if (!text || e.closest('dialog:not([open])') || e.closest('[hidden]') || e.tagName === 'OPTION' || e.tagName === 'SELECT' || e.tagName === 'TEXTAREA') continue;
              const s = getComputedStyle(e);
              if (s.display === 'none' || s.visibility === 'hidden' || e.getClientRects().length === 0) continue;
              const hides = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
              const hidesY = ['hidden', 'clip'].includes(s.overflowY);
              if ((hides && e.scrollWidth > e.clientWidth + 1) || (hidesY && e.scrollHeight > e.clientHeight + 1))
                clipped.push(`${e.tagName.toLowerCase()}.${e.className} "${text.slice(0, 40)}" ${e.scrollWidth}>${e.clientWidth}`);
            }
          };
          visit(document);
          const page = document.scrollingElement.scrollWidth > innerWidth + 1 ? [`page ${document.scrollingElement.scrollWidth}>${innerWidth}`] : [];
          return clipped.concat(page);
        }
        """;

    [Theory]
    [InlineData("fr", 320)]
    [InlineData("ar", 320)]
    [InlineData("en", 320)]
    [InlineData("fr", 640)]
    [InlineData("ar", 640)]
    [InlineData("en", 640)]
    public async Task NoLabelIsClipped_At320PixelsOrAt200PercentZoom(string lang, int width)
    {
        // 200% zoom of a 1280-pixel window lays the page out in 640 CSS pixels, with twice the device pixels.
        await using var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        service.RealClient().Dispose();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, DeviceScaleFactor = width == 640 ? 2 : 1, Locale = "fr-MA" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{service.BaseUrl}/dashboard?lang={lang}&session={DemoSeeder.SessionId(3)}");
        await ReadyAsync(page);
        await page.Locator("#roster tbody tr[data-participant]").First.WaitForAsync();
        var found = new List<string>();
        async Task CheckAsync(string view) => found.AddRange((await page.EvaluateAsync<string[]>(ClippedScript)).Select(c => $"{view}: {c}"));
        await CheckAsync("board");
        await BrowserFixture.ScreenshotAsync(page, $"workspace-{lang}-{width}px-board");
        await VisitAsync(page, "guests", () => page.Locator("#guests tbody tr[data-person]").First.WaitForAsync());
        await CheckAsync("guests");
        await VisitAsync(page, "campaign", () => page.Locator("#audit-title").WaitForAsync());
        await CheckAsync("campaign");
        await page.Locator("#views [data-view='board']").ClickAsync();
        await Card(page, 0).Locator("[data-action='invite']").ClickAsync();
        await page.Locator("[data-preview='card'] .ac-adaptiveCard").WaitForAsync();
        await CheckAsync("invite");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>Text the page writes itself (not people's names, addresses or organisations, marked translate="no").</summary>
    private const string UntranslatedScript = """
        () => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const e = n.parentElement;
            const text = n.textContent.trim();
            if (!text || e.closest('[translate="no"], script, style, [hidden], dialog:not([open]), select, [lang]:not(html)')) continue;
            if (!/\p{L}/u.test(text)) continue;
            if (!/\p{Script=Arabic}/u.test(text)) out.push(`${e.tagName.toLowerCase()}: ${text.slice(0, 60)}`);
          }
          return out;
        }
        """;

    [Fact]
    public async Task Arabic_EveryValueAPersonReads_IsInArabic_AndAPersonsSexIsSingular()
    {
        await using var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        service.RealClient().Dispose();
        var page = await browser.DesktopAsync();
        await page.GotoAsync($"{service.BaseUrl}/dashboard?lang=ar&session={DemoSeeder.SessionId(3)}");
        await ReadyAsync(page);
        var row = page.Locator("#roster tbody tr[data-participant]").First;
        await row.WaitForAsync();
        var untranslated = (await page.EvaluateAsync<string[]>(UntranslatedScript)).ToList();
        await VisitAsync(page, "guests", () => page.Locator("#guests tbody tr[data-person]").First.WaitForAsync());
        untranslated.AddRange(await page.EvaluateAsync<string[]>(UntranslatedScript));
        Assert.True(untranslated.Count == 0, string.Join("\n", untranslated));

        await page.GotoAsync($"{service.BaseUrl}/dashboard?lang=fr&session={DemoSeeder.SessionId(3)}");
        await ReadyAsync(page);
        var sexes = await page.Locator("#roster td[data-label='Sexe']").AllTextContentsAsync();
        Assert.Contains("femme", sexes);
        Assert.DoesNotContain("Femmes", sexes);
        Assert.All(await page.Locator("#roster td[data-label='Langue']").AllTextContentsAsync(), l => Assert.Contains(l, new[] { "français", "arabe", "anglais" }));
    }

    [Fact]
    public async Task BarCounts_HaveAtLeastAContrastOf4Point5()
    {
        await using var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        service.RealClient().Dispose();
        var page = await browser.DesktopAsync();
        await page.GotoAsync($"{service.BaseUrl}/dashboard?lang=fr");
        await ReadyAsync(page);
        var ratios = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('.seg')].map(e => {
              const rgb = c => c.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
              const lum = c => { const [r, g, b] = rgb(c); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const s = getComputedStyle(e); const [a, b] = [lum(s.color), lum(s.backgroundColor)];
              return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            })
            """);
        Assert.NotEmpty(ratios);
        Assert.All(ratios, r => Assert.True(r >= 4.5, $"contrast {r:0.00}:1"));
    }

    [Fact]
    public async Task AttendanceSheet_FitsAPhone_AndItsWalkInLinesLineUpWithTheTable()
    {
        await using var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        service.RealClient().Dispose();
        var page = await browser.PhoneAsync();
        await page.GotoAsync($"{service.BaseUrl}/dashboard/sessions/{DemoSeeder.SessionId(3)}/attendance");
        Assert.Equal("width=device-width, initial-scale=1", await page.GetAttributeAsync("meta[name='viewport']", "content"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth + 1"), "the sheet is wider than the phone");
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('td')).fontSize)") >= 12);
        var header = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('thead th')].map(c => Math.round(c.getBoundingClientRect().left))");
        var walkIn = await page.EvaluateAsync<double[]>("() => [...document.querySelector('tbody.walk-ins tr.blank').cells].map(c => Math.round(c.getBoundingClientRect().left))");
        Assert.Equal(header, walkIn);
        await BrowserFixture.ScreenshotAsync(page, "attendance-fr-phone");
    }
}

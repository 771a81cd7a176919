using System.Net;
using System.Text.RegularExpressions;

namespace ParticipantBot.Tests.Support;

/// <summary>Answers on the RSVP page as a browser would: the page's antiforgery token and cookie, then the form.</summary>
public static partial class RsvpForm
{
    /// <returns>The response to the form (a redirect to the "saved" page, unless the client follows redirects).</returns>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string answer)
    {
        var page = await client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, link)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = answer, ["__RequestVerificationToken"] = token }),
        };
        foreach (var cookie in page.Headers.GetValues("Set-Cookie")) request.Headers.Add("Cookie", cookie.Split(';')[0]);
        return await client.SendAsync(request);
    }

    /// <summary>A page's form as a browser holds it once loaded: its antiforgery token and cookie.</summary>
    public sealed record Loaded(string Link, string Token, string Cookie, HttpStatusCode Status, string Html);

    public static async Task<Loaded> LoadAsync(HttpClient client, string link)
    {
        var page = await client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join("; ", cookies.Select(c => c.Split(';')[0])) : "";
        return new Loaded(link, Token().Match(html).Groups[1].Value, cookie, page.StatusCode, html);
    }

    /// <summary>Posts fields (a name may repeat) with the loaded page's token and cookie, as its form would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Loaded form, IEnumerable<(string Name, string Value)> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, form.Link)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new("__RequestVerificationToken", form.Token))),
        };
        if (form.Cookie.Length > 0) request.Headers.Add("Cookie", form.Cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Whether the answer was taken: the redirect, or (when the client followed it) the page that says it is saved.</summary>
    public static bool Saved(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect || response.RequestMessage!.RequestUri!.Query.Contains("saved=True", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

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

    /// <summary>Whether the answer was taken: the redirect, or (when the client followed it) the page that says it is saved.</summary>
    public static bool Saved(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect || response.RequestMessage!.RequestUri!.Query.Contains("saved=True", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.Text.Json.Nodes;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Reporting;
using ParticipantBot.Resources;

namespace ParticipantBot.Teams.Cards;

/// <summary>
/// The Teams invitation card's part of the report: after consent, the age group and the Short Set as compact
/// choice sets, each skippable, in the person's language; and what the card sends back.
/// </summary>
public static class SelfDescriptionCard
{
    public static void Fill(JsonObject data, Campaign campaign, Participant person, Language lang)
    {
        data["aboutTitle"] = Texts.Get("About.Title", lang);
        data["aboutIntro"] = Texts.Get("About.Intro", lang);
        data["aboutAgeBand"] = Texts.Get("About.AgeBand", lang);
        data["aboutSkip"] = Texts.Get("About.Skip", lang);
        data["wgIntro"] = Texts.Get("About.WgIntro", lang);
        data["ageBand"] = person.AgeBand ?? "";
        data["ageChoices"] = new JsonArray(AgeBands.Codes(campaign.AgeBandBounds).Append(AgeBands.PreferNotToSay)
            .Select(code => (JsonNode)new JsonObject { ["title"] = ReportLabels.AgeBand(code, lang), ["value"] = code }).ToArray());
        var answers = person.Functioning.Answers;
        data["wgQuestions"] = new JsonArray(Functioning.Domains.Select((domain, i) => (JsonNode)new JsonObject
        {
            ["id"] = domain,
            ["label"] = Texts.Get("Wg." + domain, lang),
            ["answer"] = answers[i]?.ToString() ?? "",
            ["skip"] = Texts.Get("About.Skip", lang),
            ["choices"] = new JsonArray(Enum.GetValues<Difficulty>().Select(d =>
                (JsonNode)new JsonObject { ["title"] = Texts.Get("Wg.Answer." + d, lang), ["value"] = d.ToString() }).ToArray()),
        }).ToArray());
    }

    /// <summary>What the card sent: an unknown band or answer reads as skipped (card data of any shape never fails the turn); null when nothing was given.</summary>
    public static SelfDescription? Read(string? ageBand, IReadOnlyList<string?>? functioning, IReadOnlyList<int> bounds)
    {
        if (ageBand is null && (functioning is null || functioning.All(a => a is null))) return null;
        var band = Text.Clean(ageBand) is { } b && AgeBands.CheckAnswer(b, bounds) is null ? b : null;
        var answers = Enumerable.Range(0, 6).Select(i =>
            functioning is not null && i < functioning.Count && Enum.TryParse<Difficulty>(functioning[i], ignoreCase: false, out var d) && Enum.IsDefined(d) ? d : (Difficulty?)null).ToList();
        return new SelfDescription(band, Functioning.From(answers));
    }
}

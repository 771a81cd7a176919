using System.Text.Json.Nodes;
using ParticipantBot.Teams.Cards;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

/// <summary>The service's card filler gives exactly what the official templating library gives.</summary>
public class CardTemplateTests
{
    [Fact]
    public void EveryTemplate_ExpandsLikeTheOfficialTemplatingLibrary()
    {
        var samples = CardSamples.All().ToList();
        Assert.Superset(CardTemplate.Names.ToHashSet(), samples.Select(s => s.Content.Template).ToHashSet());
        var request = new JsonArray(samples.Select(s => (JsonNode)new JsonObject
        {
            ["template"] = JsonNode.Parse(CardTemplate.Source(s.Content.Template)),
            ["data"] = s.Content.Data.DeepClone(),
        }).ToArray());
        var expanded = RunNode(request.ToJsonString());
        for (var i = 0; i < samples.Count; i++)
        {
            var ours = CardTemplate.Fill(samples[i].Content.Template, samples[i].Content.Data);
            Assert.True(JsonNode.DeepEquals(ours, expanded[i]), $"{samples[i].Name}:\nours:     {ours.ToJsonString()}\nofficial: {expanded[i]!.ToJsonString()}");
        }
    }

    [Fact]
    public void ArabicCards_AreRightToLeft_OthersAreNot()
    {
        foreach (var (name, content) in CardSamples.All())
            Assert.Equal(name.StartsWith("ar-"), content.Render()["rtl"]!.GetValue<bool>());
    }

    [Fact]
    public void ClosedInvitation_HasNoButtons_AndAnInvitedOneHasThree()
    {
        var samples = CardSamples.All().ToDictionary(s => s.Name, s => s.Content.Render());
        Assert.Empty(samples["fr-closed"]["actions"]!.AsArray());
        Assert.Equal(["rsvp.accept", "rsvp.tentative", "rsvp.decline"], samples["fr-invitation"]["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>()));
        Assert.Contains("rsvp.needs", samples["fr-accepted"]["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>()));
        Assert.Null(samples["fr-update-declined"]["refresh"]); // no Teams user to refresh for
        Assert.Equal("29:user", samples["fr-invitation"]["refresh"]!["userIds"]![0]!.GetValue<string>());
    }

    private static JsonArray RunNode(string input)
    {
        var script = RepositoryPaths.Combine("tests", "tools", "expand-cards.js");
        var info = new System.Diagnostics.ProcessStartInfo("node", $"\"{script}\"")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Combine("tests", "tools"),
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return JsonNode.Parse(output)!.AsArray();
    }
}

using System.Reflection;
using System.Text.Json.Nodes;
using ParticipantBot.Configuration;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

/// <summary>appsettings.template.json lists every setting the service binds.</summary>
public class SettingsTemplateTests
{
    [Theory]
    [InlineData(typeof(AppOptions), AppOptions.Section)]
    [InlineData(typeof(DatabaseOptions), DatabaseOptions.Section)]
    [InlineData(typeof(OutboxOptions), OutboxOptions.Section)]
    [InlineData(typeof(AuthOptions), AuthOptions.Section)]
    [InlineData(typeof(ParticipantBot.Email.EmailOptions), ParticipantBot.Email.EmailOptions.Section)]
    [InlineData(typeof(ParticipantBot.Delivery.DeliveryOptions), ParticipantBot.Delivery.DeliveryOptions.Section)]
    [InlineData(typeof(ParticipantBot.Teams.BotOptions), ParticipantBot.Teams.BotOptions.Section)]
    [InlineData(typeof(ParticipantBot.Scheduling.SchedulingOptions), ParticipantBot.Scheduling.SchedulingOptions.Section)]
    [InlineData(typeof(ParticipantBot.Teams.TeamsLimitOptions), ParticipantBot.Teams.TeamsLimitOptions.Section)]
    [InlineData(typeof(ParticipantBot.Outlook.GraphOptions), ParticipantBot.Outlook.GraphOptions.Section)]
    [InlineData(typeof(KeyProtectionOptions), KeyProtectionOptions.Section)]
    [InlineData(typeof(ParticipantBot.Telemetry.TelemetryOptions), ParticipantBot.Telemetry.TelemetryOptions.Section)]
    public void Template_ListsEverySettingOf(Type options, string section)
    {
        JsonNode? template = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("appsettings.template.json")))!;
        foreach (var part in section.Split(':')[..^1]) template = template?[part];
        section = section.Split(':')[^1];
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);
        foreach (var property in settable)
            Assert.True(template?[section]?[property.Name] is not null, $"appsettings.template.json has no {section}:{property.Name}");
    }

    [Fact]
    public void Template_ListsTheConnectionString() =>
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("appsettings.template.json")))!["ConnectionStrings"]?["Default"]);
}

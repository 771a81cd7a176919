using ParticipantBot.Domain.Common;
using ParticipantBot.Teams;

namespace ParticipantBot.Tests.Teams;

public class TeamsCommandsTests
{
    [Theory]
    [InlineData("help", TeamsCommandKind.Help)]
    [InlineData("Aide", TeamsCommandKind.Help)]
    [InlineData("مساعدة", TeamsCommandKind.Help)]
    [InlineData("my invitations", TeamsCommandKind.MyInvitations)]
    [InlineData("Mes  invitations", TeamsCommandKind.MyInvitations)]
    [InlineData("دعواتي", TeamsCommandKind.MyInvitations)]
    [InlineData("STOP", TeamsCommandKind.Stop)]
    [InlineData("arrêt", TeamsCommandKind.Stop)]
    [InlineData("توقف", TeamsCommandKind.Stop)]
    [InlineData("bonjour", TeamsCommandKind.Unknown)]
    public void Command_IsRecognisedInEachLanguage(string text, TeamsCommandKind kind) => Assert.Equal(kind, TeamsCommands.Parse(text).Kind);

    [Theory]
    [InlineData("language ar", Language.Ar)]
    [InlineData("langue fr", Language.Fr)]
    [InlineData("لغة en", Language.En)]
    [InlineData("language arabe", Language.Ar)]
    public void LanguageCommand_CarriesTheLanguage(string text, Language language)
    {
        var command = TeamsCommands.Parse(text);
        Assert.Equal((TeamsCommandKind.Language, language), (command.Kind, command.Language!.Value));
    }

    [Fact]
    public void LanguageCommand_WithAnUnknownLanguage_IsNotALanguageCommand() => Assert.Equal(TeamsCommandKind.Unknown, TeamsCommands.Parse("language klingon").Kind);

    [Theory]
    [InlineData("status", TeamsCommandKind.Status, null)]
    [InlineData("Statut 2", TeamsCommandKind.Status, "2")]
    [InlineData("état Société civile", TeamsCommandKind.Status, "Société civile")]
    [InlineData("الحالة 1", TeamsCommandKind.Status, "1")]
    [InlineData("remind 3", TeamsCommandKind.Remind, "3")]
    [InlineData("relancer Gouvernance", TeamsCommandKind.Remind, "Gouvernance")]
    [InlineData("ذكّر 2", TeamsCommandKind.Remind, "2")]
    [InlineData("relancer", TeamsCommandKind.Status, null)]
    public void OrganiserCommand_CarriesTheSessionAsTyped(string text, TeamsCommandKind kind, string? argument)
    {
        var command = TeamsCommands.Parse(text);
        Assert.Equal((kind, argument), (command.Kind, command.Argument));
    }
}

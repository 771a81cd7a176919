using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;
using ParticipantBot.Tests.Teams;

namespace ParticipantBot.Tests.Support;

/// <summary>A Teams user talking to the bot through the tests' own Bot Connector: installs the app, says things, waits for replies.</summary>
public sealed class ChatUser(HttpClient service, FakeBotConnector connector, string objectId, string name = "User")
{
    public string ObjectId => objectId;
    public string UserId => "29:" + objectId;
    public string ConversationId => "a:29:" + objectId;

    /// <summary>Installs the app for the user, as Teams does: the bot keeps where to reach them.</summary>
    public async Task InstallAsync()
    {
        connector.Members[UserId] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = objectId, ["name"] = name };
        var response = await BotActivities.PostAsync(service, BotActivities.Install(connector.Url, objectId, UserId));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Says something in the personal chat and waits for a new reply containing the text expected (the fake connector's list is unordered).</summary>
    public async Task SayAsync(string text, string expected)
    {
        int Matching() => connector.Sent.Count(a => a.ConversationId == ConversationId && BotActivities.Text(a.Activity).Contains(expected));
        var before = Matching();
        var response = await BotActivities.PostAsync(service, BotActivities.Message(connector.Url, objectId, UserId, text));
        Assert.True(response.IsSuccessStatusCode);
        await Eventually.WaitAsync(() => Task.FromResult(Matching()), n => n > before, $"a reply with '{expected}' to '{text}'");
    }

    /// <summary>The signed data behind the buttons of this participant's invitation card, as the service makes it.</summary>
    public static async Task<(string Invitation, string Signature)> SignedAsync(IServiceProvider services, string session, string participant)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.SessionId == Guid.Parse(session) && i.ParticipantId == Guid.Parse(participant));
        var sequence = (await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == invitation.SessionId)).Sequence;
        return (invitation.Id.ToString(), scope.ServiceProvider.GetRequiredService<CardActionSigner>().Sign(invitation.Id, invitation.ParticipantId, sequence));
    }
}

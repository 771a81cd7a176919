using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Invitations;
using ParticipantBot.Participants.Import;

namespace ParticipantBot.Workspace;

/// <summary>
/// The routes the organiser's workspace (the dashboard page) needs beyond the rest of the API: what an invite
/// would do and what a person receives, before sending; a send's progress and one person's messages; the guest
/// list template; a colleague to add as organiser. Each lives in its own module's folder; they are mapped here.
/// </summary>
public static class WorkspaceModule
{
    public static WebApplication MapWorkspaceApi(this WebApplication app)
    {
        app.MapInvitePreview();
        app.MapMessagePreview();
        app.MapMessageProgress();
        app.MapGuestListTemplate();
        app.MapOrganiserLookup();
        return app;
    }
}

using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Configuration;
using ParticipantBot.Dashboard;
using ParticipantBot.Delivery;
using ParticipantBot.Demo;
using ParticipantBot.Email;
using ParticipantBot.Health;
using ParticipantBot.Identity;
using ParticipantBot.Invitations;
using ParticipantBot.Messages;
using ParticipantBot.Outlook;
using ParticipantBot.Participants;
using ParticipantBot.Participants.Import;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;
using ParticipantBot.Reporting;
using ParticipantBot.Rsvp;
using ParticipantBot.Scheduling;
using ParticipantBot.Security;
using ParticipantBot.Surveys;
using ParticipantBot.Teams;
using ParticipantBot.Telemetry;
using ParticipantBot.Workspace;

// "--demo" is a switch of ours, not a configuration key; Demo:Seed=true does the same from configuration.
// Settings are read once at start (and validated there): no file watcher on the content root, where every
// write of the SQLite database and the outbox woke it (about a tenth of the CPU samples of a profiled send).
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != "--demo"), "--hostBuilder:reloadConfigOnChange=false"]);
var seedDemo = args.Contains("--demo") || builder.Configuration.GetValue<bool>("Demo:Seed");

builder.AddAppOptions().AddTelemetry().AddPersistence().AddOrganiserIdentity().AddTeamsChannel().AddOutlook().AddScheduling();
builder.Services.AddSignedTokens().AddOrganiserApi().AddCampaigns().AddParticipants().AddInvitations().AddDemoData();
builder.Services.AddDelivery().AddMessageContents().AddEmail().AddRsvpPage().AddDashboard().AddSurveys().AddPrivacy().AddHealth();
builder.Services.AddReporting();

var app = builder.Build();
app.CheckSettings();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealth();
app.MapGet("/", () => TypedResults.Ok(new { name = "ParticipantBot", openApi = "/openapi/v1.json", health = "/healthz" })).ExcludeFromDescription();
app.MapCampaignApi();
app.MapOrganiserApi();
app.MapAuditApi();
app.MapParticipantApi();
app.MapGuestListImport();
app.MapInvitationApi();
app.MapMessageApi();
app.MapReminderPolicyApi();
app.MapRemindNowApi();
app.MapDashboard();
app.MapReporting();
app.MapWorkspaceApi();
app.MapSurveys();
app.MapPrivacy();
app.MapRazorPages();
app.MapTeamsBot();
app.MapOutlook();
app.MapSchedulingDashboard();

await app.MigrateDatabaseAsync();
app.LogSettings();
app.LogKeyProtection();
app.LogTelemetry();
app.WarnAboutDevelopmentIdentity();
app.LogTeamsMode();
app.LogOutlookMode();
app.RegisterRecurringJobs();
if (seedDemo) await app.SeedDemoAsync();

await app.RunAsync();

/// <summary>The service's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

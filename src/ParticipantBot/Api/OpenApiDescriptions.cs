using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ParticipantBot.Api;

/// <summary>
/// What the OpenAPI document says beyond the routes: the bearer scheme organiser calls use (an Entra ID
/// token; in Development, loopback without one), on every operation that asks for it, and a summary and
/// a unique operationId for every operation: from the table below, or made from the method and the route
/// for a route the table does not know yet (a test keeps the table complete).
/// </summary>
public static class OpenApiDescriptions
{
    public const string BearerScheme = "bearer";

    /// <summary>"METHOD route" (as the document writes the route) to operationId and summary.</summary>
    public static IReadOnlyDictionary<string, (string Id, string Summary)> Operations { get; } = new Dictionary<string, (string, string)>
    {
        ["GET /api/campaigns"] = ("listCampaigns", "List the campaigns you organise"),
        ["POST /api/campaigns"] = ("createCampaign", "Create a campaign (you become its organiser)"),
        ["GET /api/campaigns/{id}"] = ("getCampaign", "Read a campaign with its sessions and counts"),
        ["PATCH /api/campaigns/{id}"] = ("updateCampaign", "Change a campaign"),
        ["POST /api/campaigns/{id}/sessions"] = ("createSession", "Add a session to a campaign"),
        ["GET /api/campaigns/{id}/organisers"] = ("getOrganisers", "Read who organises a campaign"),
        ["PUT /api/campaigns/{id}/organisers"] = ("replaceOrganisers", "Replace a campaign's organisers"),
        ["GET /api/campaigns/{id}/audit"] = ("getAuditLog", "Read a campaign's audit log, newest first"),
        ["GET /api/campaigns/{id}/dashboard"] = ("getDashboard", "Read the dashboard's figures per session"),
        ["GET /api/campaigns/{cid}/data-requests"] = ("listDataRequests", "List the data requests participants filed"),
        ["POST /api/campaigns/{cid}/data-requests/{rid}/complete"] = ("completeDataRequest", "Mark a data request done"),
        ["GET /api/campaigns/{cid}/participants/{pid}/export"] = ("exportParticipantData", "Export everything held about a person"),
        ["GET /api/campaigns/{cid}/participants"] = ("listParticipants", "List a campaign's guest list"),
        ["POST /api/campaigns/{cid}/participants"] = ("createParticipant", "Add a person to the guest list"),
        ["GET /api/campaigns/{cid}/participants/{pid}"] = ("getParticipant", "Read one participant"),
        ["PATCH /api/campaigns/{cid}/participants/{pid}"] = ("updateParticipant", "Change a participant"),
        ["DELETE /api/campaigns/{cid}/participants/{pid}"] = ("eraseParticipant", "Erase a participant everywhere"),
        ["POST /api/campaigns/{cid}/participants/import"] = ("importGuestList", "Import a guest list (CSV or .xlsx)"),
        ["GET /api/sessions/{id}"] = ("getSession", "Read a session with its counts"),
        ["PATCH /api/sessions/{id}"] = ("updateSession", "Change a session (time, place, capacity...)"),
        ["POST /api/sessions/{id}/cancel"] = ("cancelSession", "Cancel a session and its invitations"),
        ["GET /api/sessions/{id}/invitations"] = ("listInvitations", "List a session's invitations"),
        ["POST /api/sessions/{id}/invitations"] = ("invite", "Invite people, a group or everyone"),
        ["GET /api/sessions/{id}/invitations/{participantId}"] = ("getInvitation", "Read one invitation with its history"),
        ["POST /api/sessions/{id}/invitations/{participantId}/answer"] = ("recordAnswer", "Record an answer on someone's behalf"),
        ["POST /api/sessions/{id}/invitations/{participantId}/withdraw"] = ("withdrawInvitation", "Take an invitation back"),
        ["POST /api/sessions/{id}/invitations/{participantId}/substitute"] = ("substituteDelegate", "Hand an invitation to a delegate"),
        ["POST /api/sessions/{id}/invitations/{participantId}/check-in"] = ("checkIn", "Check a person in"),
        ["POST /api/sessions/{id}/invitations/{participantId}/offer"] = ("offerSeat", "Offer a free seat to someone waiting"),
        ["POST /api/sessions/{id}/invitations/{participantId}/resend"] = ("resendInvitation", "Send an invitation again"),
        ["PUT /api/sessions/{id}/invitations/{participantId}/sub-group"] = ("assignSubGroup", "Put a person in a sub-group"),
        ["POST /api/sessions/{id}/invitations/walk-ins"] = ("addWalkIn", "Add and check in someone who came uninvited"),
        ["GET /api/sessions/{id}/messages"] = ("listMessages", "List a session's outbound messages"),
        ["GET /api/sessions/{id}/reminders"] = ("getReminderPolicy", "Read a session's reminder policy"),
        ["PUT /api/sessions/{id}/reminders"] = ("setReminderPolicy", "Change a session's reminder policy"),
        ["POST /api/sessions/{id}/reminders/send"] = ("remindNow", "Remind everyone who has not answered, now"),
        ["GET /api/sessions/{id}/roster"] = ("getRoster", "Read the participant table, filtered and paged"),
        ["GET /api/sessions/{id}/export"] = ("exportRoster", "Export the participant list (xlsx or csv)"),
        ["POST /api/sessions/{id}/invitations/preview"] = ("previewInvite", "Say how an invite would reach each person, before sending"),
        ["GET /api/sessions/{id}/invitations/{participantId}/preview"] = ("previewMessage", "Show the email and Teams card a person receives"),
        ["GET /api/sessions/{id}/invitations/{participantId}/messages"] = ("listPersonMessages", "List one person's messages for a session"),
        ["GET /api/sessions/{id}/messages/summary"] = ("summariseMessages", "Count a session's messages by kind and outcome"),
        ["GET /api/campaigns/{cid}/participants/import/template"] = ("downloadGuestListTemplate", "Download the guest list template (fr, ar, en)"),
        ["GET /api/campaigns/{id}/organisers/lookup"] = ("lookUpOrganiser", "Find a colleague to add as organiser"),
        ["GET /api/sessions/{id}/survey"] = ("getSurvey", "Read a session's survey"),
        ["PUT /api/sessions/{id}/survey"] = ("updateSurvey", "Change a session's survey"),
        ["POST /api/sessions/{id}/survey/open"] = ("openSurvey", "Open the survey now"),
        ["GET /api/sessions/{id}/survey/results"] = ("getSurveyResults", "Read the survey's results"),
        ["GET /api/sessions/{id}/survey/results/export"] = ("exportSurveyResults", "Export the survey's results (xlsx or csv)"),
        ["GET /api/campaigns/{id}/report"] = ("getCampaignReport", "The consultation report (docx, html or json)"),
        ["GET /api/sessions/{id}/report"] = ("getSessionReport", "A session's report (docx, html or json)"),
    };

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Campaigns"] = "Consultations, their sessions and organisers.",
        ["Participants"] = "Guest lists: people, imports, data protection.",
        ["Invitations"] = "Invitations and answers, seats, check-in.",
        ["Messages"] = "Outbound messages and their outcomes.",
        ["Reminders"] = "Reminder policies and reminders sent now.",
        ["Dashboard"] = "The dashboard's figures, roster and exports.",
        ["Surveys"] = "Post-session surveys and their results.",
        ["Privacy"] = "Personal data exports and data requests.",
        ["Audit"] = "The campaign's audit log.",
        ["Reports"] = "The consultation report: participation by sex, stakeholder group, age group and disability.",
    };

    public static OpenApiOptions AddParticipantBotDescriptions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Description = "The organiser API of ParticipantBot: campaigns, sessions, guest lists, invitations, reminders, surveys. Errors are RFC 7807 problem details.";
            document.Info.License ??= new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://example.org/participantbot/licence") };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An Entra ID access token for the app registration (scope access_as_user, or the app role Organiser.Automation).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            var key = $"{description.HttpMethod?.ToUpperInvariant()} /{RouteOf(description.RelativePath)}";
            var (id, summary) = Operations.TryGetValue(key, out var known) ? known : Generated(key);
            operation.OperationId ??= id;
            operation.Summary ??= summary;
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            // Global security is the bearer token; an operation open to anyone says so with an empty requirement.
            if (anonymous) operation.Security = [];
            else
            {
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token." });
            }
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "The request has problems (RFC 7807 problem details naming each field)." });
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>The route as the document writes it: without route constraints ("{id:guid}" is "{id}").</summary>
    public static string RouteOf(string? relativePath)
    {
        var path = (relativePath ?? "").Split('?')[0].Trim('/');
        var sb = new StringBuilder();
        var inConstraint = false;
        foreach (var c in path)
        {
            if (c == '{') inConstraint = false;
            if (c == ':' && sb.ToString().LastIndexOf('{') > sb.ToString().LastIndexOf('}')) { inConstraint = true; continue; }
            if (c == '}') inConstraint = false;
            if (!inConstraint) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>An operationId and summary made from the method and route: "POST /api/sessions/{id}/cancel" is postSessionsByIdCancel.</summary>
    public static (string Id, string Summary) Generated(string key)
    {
        var (method, route) = (key.Split(' ')[0], key.Split(' ', 2)[1]);
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api"))
        {
            var word = segment.StartsWith('{') ? "By" + Pascal(segment.Trim('{', '}')) : Pascal(segment);
            id.Append(word);
        }
        return (id.ToString(), $"{method} {route}");
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
}

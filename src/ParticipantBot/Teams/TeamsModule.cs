using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ParticipantBot.Delivery;
using ParticipantBot.Identity;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

public static class TeamsModule
{
    /// <summary>Bot Framework for inbound turns, one reused connector client per service URL for outbound cards.</summary>
    public static WebApplicationBuilder AddTeamsChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section)
            .Validate(o => !o.HasIdentity || o.MicrosoftAppType == "UserAssignedMSI" || !string.IsNullOrWhiteSpace(o.MicrosoftAppPassword),
                "Bot:MicrosoftAppPassword is required with Bot:MicrosoftAppId (unless Bot:MicrosoftAppType is UserAssignedMSI).")
            .Validate(o => o.MicrosoftAppType is "SingleTenant" or "MultiTenant" or "UserAssignedMSI",
                "Bot:MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI.")
            .Validate(o => o.MicrosoftAppType != "SingleTenant" || !o.HasIdentity || !string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId),
                "Bot:MicrosoftAppTenantId is required for a SingleTenant bot.")
            .ValidateOnStart();
        services.AddHttpClient(TeamsConnector.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ConfigurationBotFrameworkAuthentication(builder.Configuration.GetSection(BotOptions.Section),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(), logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        // CloudAdapter has two public constructors that DI finds ambiguous: built by hand.
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new ParticipantBotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<ParticipantBotAdapter>>()));
        services.AddTransient<IBot, ParticipantTeamsBot>();
        services.AddScoped<TeamsDirectory>();
        services.AddScoped<Delivery.ITeamsReach>(sp => sp.GetRequiredService<TeamsDirectory>());
        services.AddScoped<Privacy.IPersonalDataHolder, TeamsPersonalData>();
        services.AddScoped<TeamsCardActions>();
        services.AddScoped<SurveyCardActions>();
        services.AddScoped<OrganiserCommands>();
        services.AddScoped<OrganiserDigest>();
        services.AddScoped<CardFactory>();
        services.AddSingleton<CardActionSigner>();
        services.AddSingleton<TeamsConnector>();
        services.AddOptions<TeamsLimitOptions>().BindConfiguration(TeamsLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TeamsLimits>();
        services.AddScoped<IMessageSender, TeamsSender>();
        return builder;
    }

    /// <summary>
    /// POST /api/messages: the Bot Connector's calls. With an app id, Bot Framework authenticates
    /// every request; without one, only local development on loopback is let in.
    /// </summary>
    public static RouteHandlerBuilder MapTeamsBot(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/messages", async (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotOptions> options,
                IHostEnvironment environment, ILogger<ParticipantTeamsBot> logger) =>
            {
                if (!options.Value.HasIdentity && !(environment.IsDevelopment() && DevelopmentAuthenticationHandler.IsLoopback(context)))
                {
                    logger.LogWarning("A bot request from {Address} was refused: no Bot:MicrosoftAppId is configured, so only local development is accepted.",
                        context.Connection.RemoteIpAddress);
                    context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
                    return;
                }
                try
                {
                    await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
                }
                catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
                {
                    // The turn's own failures are answered by OnTurnError; what is left here is an activity the adapter
                    // could not even read (or a reply that could not be delivered): the caller's, answered 400, logged.
                    logger.LogWarning(e, "An activity could not be processed.");
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                }
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();

    public static void LogTeamsMode(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (options.HasIdentity)
            app.Logger.LogInformation("Teams bot {AppId} ({AppType}): /api/messages authenticates every request.", options.MicrosoftAppId, options.MicrosoftAppType);
        else
            app.Logger.LogWarning("No Bot:MicrosoftAppId: /api/messages accepts unauthenticated requests from loopback in Development only (Agents Playground).");
    }
}

/// <summary>The CloudAdapter with one constructor, and errors logged instead of lost.</summary>
public sealed class ParticipantBotAdapter : CloudAdapter
{
    public ParticipantBotAdapter(BotFrameworkAuthentication auth, ILogger<ParticipantBotAdapter> logger) : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "The bot failed on a {Type} activity.", turnContext.Activity.Type);
            // The language of the person is unknown here (the failure may be in reading it): all three.
            var text = string.Join("\n\n", new[] { Domain.Common.Language.Fr, Domain.Common.Language.Ar, Domain.Common.Language.En }
                .Select(l => Resources.Texts.Get("Bot.Error", l)));
            try
            {
                if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message)
                    await turnContext.SendActivityAsync(text);
                // An invoke answered with nothing would be a 501 to Teams: it gets a card that says the action failed.
                else if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Invoke && !turnContext.TurnState.ContainsKey(InvokeResponseKey))
                    await turnContext.SendActivityAsync(new Microsoft.Bot.Schema.Activity
                    {
                        Type = Microsoft.Bot.Schema.ActivityTypesEx.InvokeResponse,
                        Value = new Microsoft.Bot.Builder.InvokeResponse
                        {
                            Status = StatusCodes.Status200OK,
                            Body = new Microsoft.Bot.Schema.AdaptiveCardInvokeResponse
                            {
                                StatusCode = StatusCodes.Status200OK,
                                Type = CardFactory.ContentType,
                                Value = Newtonsoft.Json.Linq.JObject.FromObject(new
                                {
                                    type = "AdaptiveCard",
                                    version = "1.5",
                                    body = new[] { new { type = "TextBlock", text, wrap = true } },
                                }),
                            },
                        },
                    });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The Bot Connector itself cannot be reached (a service URL that does not answer): the turn ends here, logged.
                logger.LogWarning(e, "The error reply of a {Type} activity could not be sent.", turnContext.Activity.Type);
            }
        };
    }
}

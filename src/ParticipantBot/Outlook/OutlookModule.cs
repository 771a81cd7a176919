using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace ParticipantBot.Outlook;

public static class OutlookModule
{
    /// <summary>
    /// Outlook through Microsoft Graph when Graph:TenantId, ClientId and Mailbox are configured;
    /// otherwise email goes to the outbox folder and nothing here is registered.
    /// </summary>
    public static WebApplicationBuilder AddOutlook(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Privacy.IPersonalDataHolder, OutlookPersonalData>();
        var configured = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() is { IsConfigured: true };
        if (!configured) return builder;

        // Exchange Online accepts about 30 messages a minute from a mailbox: that is the default here.
        services.PostConfigure<Email.EmailOptions>(o => o.MessagesPerMinute ??= 30);
        services.TryAddSingleton<TokenCredential>(sp => GraphCredential.From(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.AddSingleton<GraphMailboxHandler>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            // Graph's own middleware, but our retry policy (per mailbox, safe requests only) instead of its retry handler.
            var handlers = GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
            handlers.Add(sp.GetRequiredService<GraphMailboxHandler>());
            var http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            var auth = new AzureIdentityAuthenticationProvider(sp.GetRequiredService<TokenCredential>(),
                allowedHosts: [new Uri(o.BaseUrl).Host], scopes: [o.Scope]);
            return new GraphServiceClient(http, auth, o.BaseUrl.TrimEnd('/'));
        });
        services.AddSingleton<OutlookDelivery>();
        services.AddSingleton<Email.IMailService>(sp => sp.GetRequiredService<OutlookDelivery>());
        services.AddSingleton<Identity.IOrganiserDirectory, GraphOrganiserDirectory>();
        services.AddScoped<OutlookReplies>();
        services.AddScoped<GraphSubscriptions>();
        return builder;
    }

    public static void MapOutlook(this WebApplication app)
    {
        if (!IsOn(app)) return;
        app.MapGraphNotifications();
    }

    public static void LogOutlookMode(this WebApplication app)
    {
        var o = app.Services.GetRequiredService<IOptions<GraphOptions>>().Value;
        if (o.IsConfigured)
            app.Logger.LogInformation("Outlook through Microsoft Graph: invitations are meetings from {Mailbox}; replies read every {Minutes} min{Notifications}.",
                o.Mailbox, o.SyncMinutes, string.IsNullOrWhiteSpace(o.NotificationUrl) ? "" : " and notified at " + o.NotificationUrl);
        else
            app.Logger.LogInformation("Graph is not configured: emails are written to the outbox folder.");
    }

    public static bool IsOn(WebApplication app) => app.Services.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured;
}

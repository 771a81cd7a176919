using System.Collections.Concurrent;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest;

namespace ParticipantBot.Teams;

/// <summary>What the Bot Connector answered to one proactive send.</summary>
public abstract record ConnectorOutcome
{
    public sealed record Delivered(string? ActivityId) : ConnectorOutcome;
    public sealed record Throttled(TimeSpan? RetryAfter, string Reason) : ConnectorOutcome;
    public sealed record Transient(string Reason) : ConnectorOutcome;
    /// <summary>403 or 404: the bot cannot reach this conversation (uninstalled, blocked, deleted).</summary>
    public sealed record Unreachable(int Status, string Reason) : ConnectorOutcome;
    public sealed record Refused(int Status, string Reason) : ConnectorOutcome;
}

/// <summary>
/// The one outbound path to the Bot Connector for proactive messages. One ConnectorClient per
/// service URL, created once and reused with credentials that cache their token, instead of the
/// SDK's per-message ContinueConversationAsync (which builds a new client and turn context for
/// every message: about 40 times the CPU of the HTTP call itself, measured here).
/// </summary>
public sealed class TeamsConnector(IConfiguration configuration, IOptions<BotOptions> options, IHttpClientFactory httpClients, TeamsLimits limits, ILogger<TeamsConnector> logger) : IDisposable
{
    public const string HttpClientName = "bot-connector";
    private readonly ConcurrentDictionary<string, Lazy<Task<ConnectorClient>>> _clients = new();

    /// <summary>Waits until Teams' limits (app, conversation) allow one more send to this conversation.</summary>
    public Task ReserveAsync(string conversationId, CancellationToken ct) => limits.WaitAsync(conversationId, ct);

    /// <summary>Sends at once: callers reserve with <see cref="ReserveAsync"/> first (the bot's own replies are not proactive sends).</summary>
    public async Task<ConnectorOutcome> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        var client = await ClientFor(serviceUrl, ct);
        try
        {
            using var response = await client.Conversations.SendToConversationWithHttpMessagesAsync(conversationId, activity, null, ct);
            return new ConnectorOutcome.Delivered(response.Body?.Id);
        }
        catch (ErrorResponseException e) when (e.Response is not null)
        {
            var status = (int)e.Response.StatusCode;
            var reason = $"Bot Connector answered {status} {e.Response.ReasonPhrase}: {Trim(e.Response.Content)}";
            return status switch
            {
                429 => new ConnectorOutcome.Throttled(RetryAfter(e.Response), reason),
                403 or 404 => new ConnectorOutcome.Unreachable(status, reason),
                412 or >= 500 => new ConnectorOutcome.Transient(reason),
                _ => new ConnectorOutcome.Refused(status, reason),
            };
        }
        catch (HttpRequestException e) { return new ConnectorOutcome.Transient("The Bot Connector could not be reached: " + e.Message); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return new ConnectorOutcome.Transient("The Bot Connector did not answer in time."); }
    }

    private Task<ConnectorClient> ClientFor(string serviceUrl, CancellationToken ct) =>
        _clients.GetOrAdd(serviceUrl.TrimEnd('/') + "/", url => new Lazy<Task<ConnectorClient>>(async () =>
        {
            var http = httpClients.CreateClient(HttpClientName);
            // Bot Framework's own factory picks the credential kind (single or multi tenant, managed
            // identity) from the Bot section; the credentials it returns cache their token.
            var factory = new ConfigurationServiceClientCredentialFactory(configuration.GetSection(BotOptions.Section), http, logger);
            var credentials = await factory.CreateCredentialsAsync(options.Value.MicrosoftAppId, AuthenticationConstants.ToChannelFromBotOAuthScope,
                AuthenticationConstants.ToChannelFromBotLoginUrl, validateAuthority: true, ct);
            return new ConnectorClient(new Uri(url), credentials, http, disposeHttpClient: false);
        })).Value;

    private static TimeSpan? RetryAfter(HttpResponseMessageWrapper response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var values)) return null;
        var value = values.FirstOrDefault();
        if (int.TryParse(value, out var seconds)) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, out var at)) return at - DateTimeOffset.UtcNow;
        return null;
    }

    private static string Trim(string? content) => content is null ? "" : content.Length > 300 ? content[..300] : content;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully)) client.Value.Result.Dispose();
    }
}

using System.Collections.Concurrent;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest;
using Microsoft.Rest.Serialization;

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
/// The one outbound path to the Bot Connector for proactive messages: one HTTP POST of the
/// activity's JSON to v3/conversations/{id}/activities, authorised by Bot Framework's own
/// credentials (created once per service URL by its credential factory; they cache their token).
/// Not the SDK's per-message ContinueConversationAsync, which builds a new client and turn context
/// for every message (about 40 times the CPU of the HTTP call itself, measured here), and not
/// ConnectorClient either: the card is already JSON, and serialising an Activity through
/// Newtonsoft and Microsoft.Rest for each message was most of the remaining CPU of a send.
/// </summary>
public sealed class TeamsConnector(IConfiguration configuration, IOptions<BotOptions> options, IHttpClientFactory httpClients, TeamsLimits limits, ILogger<TeamsConnector> logger)
{
    public const string HttpClientName = "bot-connector";
    private readonly ConcurrentDictionary<string, Lazy<Task<(HttpClient Http, ServiceClientCredentials Credentials)>>> _clients = new();

    /// <summary>Waits until Teams' limits (app, conversation) allow one more send to this conversation.</summary>
    public Task ReserveAsync(string conversationId, CancellationToken ct) => limits.WaitAsync(conversationId, ct);

    /// <summary>A message whose only content is this Adaptive Card (already JSON).</summary>
    public Task<ConnectorOutcome> SendCardAsync(string serviceUrl, string conversationId, string cardJson, CancellationToken ct) =>
        SendJsonAsync(serviceUrl, conversationId,
            $"{{\"type\":\"message\",\"attachments\":[{{\"contentType\":\"{Cards.CardFactory.ContentType}\",\"content\":{cardJson}}}]}}", ct);

    /// <summary>Sends at once: callers reserve with <see cref="ReserveAsync"/> first (the bot's own replies are not proactive sends).</summary>
    private async Task<ConnectorOutcome> SendJsonAsync(string serviceUrl, string conversationId, string activityJson, CancellationToken ct)
    {
        var baseUrl = serviceUrl.TrimEnd('/') + "/";
        var (http, credentials) = await ClientFor(baseUrl, ct);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities")
            {
                Content = new StringContent(activityJson, System.Text.Encoding.UTF8, "application/json"),
            };
            await credentials.ProcessHttpRequestAsync(request, ct);
            // The reserved slot of Teams' window is dated now, when the message really leaves.
            limits.Started();
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                return new ConnectorOutcome.Delivered(ActivityId(body));
            }
            var reason = $"Bot Connector answered {status} {response.ReasonPhrase}: {Trim(await response.Content.ReadAsStringAsync(ct))}";
            return status switch
            {
                429 => new ConnectorOutcome.Throttled(Delivery.RetryAfterHeader.Of(response), reason),
                403 or 404 => new ConnectorOutcome.Unreachable(status, reason),
                412 or >= 500 => new ConnectorOutcome.Transient(reason),
                _ => new ConnectorOutcome.Refused(status, reason),
            };
        }
        catch (HttpRequestException e) { return new ConnectorOutcome.Transient("The Bot Connector could not be reached: " + e.Message); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return new ConnectorOutcome.Transient("The Bot Connector did not answer in time."); }
    }

    private Task<(HttpClient Http, ServiceClientCredentials Credentials)> ClientFor(string baseUrl, CancellationToken ct) =>
        _clients.GetOrAdd(baseUrl, _ => new Lazy<Task<(HttpClient, ServiceClientCredentials)>>(async () =>
        {
            var http = httpClients.CreateClient(HttpClientName);
            // Bot Framework's own factory picks the credential kind (single or multi tenant, managed
            // identity) from the Bot section; the credentials it returns cache their token.
            var factory = new ConfigurationServiceClientCredentialFactory(configuration.GetSection(BotOptions.Section), http, logger);
            var credentials = await factory.CreateCredentialsAsync(options.Value.MicrosoftAppId, AuthenticationConstants.ToChannelFromBotOAuthScope,
                AuthenticationConstants.ToChannelFromBotLoginUrl, validateAuthority: true, ct);
            return (http, credentials);
        })).Value;

    private static string? ActivityId(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static string Trim(string? content) => content is null ? "" : content.Length > 300 ? content[..300] : content;
}

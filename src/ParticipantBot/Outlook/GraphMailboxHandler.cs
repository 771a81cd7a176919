using System.Net;
using Microsoft.Extensions.Options;

namespace ParticipantBot.Outlook;

/// <summary>
/// Every Graph request for the mailbox goes through here: at most 4 at once (Exchange's limit per
/// mailbox), 429 waits for Retry-After, 5xx is retried with jittered backoff when the request is safe
/// to repeat. A create carries a transactionId (Graph then makes one event however often it is
/// sent); sendMail is not safe to repeat after a 5xx (it may have gone), so that answer goes back
/// to the caller, who records it instead of retrying.
/// </summary>
public sealed class GraphMailboxHandler(IOptions<GraphOptions> options, ILogger<GraphMailboxHandler> logger) : DelegatingHandler
{
    public const int MaxConcurrentPerMailbox = 4;
    private readonly SemaphoreSlim _gate = new(MaxConcurrentPerMailbox);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            await _gate.WaitAsync(ct);
            try { response = await base.SendAsync(request, ct); }
            finally { _gate.Release(); }

            var status = (int)response.StatusCode;
            var throttled = response.StatusCode == HttpStatusCode.TooManyRequests;
            var serverError = status >= 500;
            if ((!throttled && !serverError) || attempt >= options.Value.MaxRetries) return response;
            if (serverError && !await SafeToRepeatAsync(request, ct)) return response;

            var wait = Delivery.RetryAfterHeader.Of(response) ?? Backoff(attempt);
            logger.LogInformation("Graph answered {Status} to {Method} {Path}; trying again in {Seconds:0.0} s.",
                status, request.Method, request.RequestUri?.AbsolutePath, wait.TotalSeconds);
            response.Dispose();
            await Task.Delay(wait, ct);
        }
    }

    private static async Task<bool> SafeToRepeatAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method != HttpMethod.Post) return true;
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (path.EndsWith("/cancel", StringComparison.OrdinalIgnoreCase)) return true;
        return request.Content is not null && (await request.Content.ReadAsStringAsync(ct)).Contains("\"transactionId\"", StringComparison.Ordinal);
    }

    /// <summary>1, 2, 4, 8 s... each between half and all of it, so that retries of many senders do not meet again.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var full = Math.Min(30, Math.Pow(2, attempt));
        return TimeSpan.FromSeconds(full * (0.5 + Random.Shared.NextDouble() / 2));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gate.Dispose();
        base.Dispose(disposing);
    }
}

namespace ParticipantBot.Delivery;

/// <summary>How long a 429 (or 503) asks the caller to wait, from its Retry-After header: seconds or a date.</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Of(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero;
        return null;
    }
}

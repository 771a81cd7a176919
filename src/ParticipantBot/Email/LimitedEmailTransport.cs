using Microsoft.Extensions.Options;
using MimeKit;
using ParticipantBot.Delivery;

namespace ParticipantBot.Email;

/// <summary>
/// Keeps the mailbox within its limits, whatever the transport: at most
/// <see cref="EmailOptions.MaxConcurrent"/> sends at once and <see cref="EmailOptions.MessagesPerMinute"/>
/// a minute (Exchange allows about 30 per mailbox).
/// </summary>
public sealed class LimitedEmailTransport : IEmailTransport, IDisposable
{
    private readonly IEmailTransport _inner;
    private readonly SemaphoreSlim _concurrency;
    private readonly RollingWindow? _perMinute;

    public LimitedEmailTransport(IEmailTransport inner, IOptions<EmailOptions> options, TimeProvider? clock = null)
    {
        _inner = inner;
        _concurrency = new SemaphoreSlim(options.Value.MaxConcurrent);
        MaxConcurrent = options.Value.MaxConcurrent;
        if (options.Value.MessagesPerMinute is { } perMinute) _perMinute = new RollingWindow(perMinute, TimeSpan.FromMinutes(1), clock ?? TimeProvider.System);
    }

    public IEmailTransport Inner => _inner;

    public int MaxConcurrent { get; }

    /// <summary>Waits until the mailbox's per-minute limit allows one more email.</summary>
    public Task ReserveAsync(CancellationToken ct) => _perMinute?.WaitAsync(ct) ?? Task.CompletedTask;

    /// <summary>Says that a reserved email leaves now (through this transport or through Graph).</summary>
    public void Started() => _perMinute?.Started();

    /// <summary>Sends within the concurrency limit; callers reserve with <see cref="ReserveAsync"/> first.</summary>
    public async Task<string> SendAsync(MimeMessage message, bool mayHaveBeenSent, CancellationToken ct)
    {
        await _concurrency.WaitAsync(ct);
        try { return await _inner.SendAsync(message, mayHaveBeenSent, ct); }
        finally { _concurrency.Release(); }
    }

    public void Dispose()
    {
        _perMinute?.Dispose();
        _concurrency.Dispose();
    }
}

namespace ParticipantBot.Delivery;

/// <summary>How a dispatch run is started (Hangfire in the service).</summary>
public interface IDispatchTrigger
{
    void Trigger();
}

/// <summary>
/// Asks for a dispatch run when messages are planned, instead of waiting for the next recurring
/// one; many plans in a row ask once, until that run starts.
/// </summary>
public sealed class DispatchSignal(IServiceProvider services)
{
    private int _requested;
    private long _generation;

    /// <summary>Grows with every plan: a run compares it before and after, to see whether something was planned meanwhile.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Wake()
    {
        Interlocked.Increment(ref _generation);
        if (Interlocked.Exchange(ref _requested, 1) == 1) return;
        services.GetService<IDispatchTrigger>()?.Trigger();
    }

    /// <summary>A run started: the next plan asks again.</summary>
    public void Started() => Interlocked.Exchange(ref _requested, 0);
}

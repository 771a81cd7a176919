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

    public void Wake()
    {
        if (Interlocked.Exchange(ref _requested, 1) == 1) return;
        services.GetService<IDispatchTrigger>()?.Trigger();
    }

    /// <summary>A run started: the next plan asks again.</summary>
    public void Started() => Interlocked.Exchange(ref _requested, 0);
}

using Microsoft.Extensions.Options;

namespace ParticipantBot.Delivery;

/// <summary>Runs the dispatcher whenever messages are planned, and every few seconds in case something became due.</summary>
internal sealed class DispatchLoop(IServiceScopeFactory scopes, DispatchSignal signal, IOptions<DeliveryOptions> options, ILogger<DispatchLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var finished = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                finished = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox dispatch failed; it runs again shortly.");
            }
            if (finished >= options.Value.BatchSize) continue;
            try { await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

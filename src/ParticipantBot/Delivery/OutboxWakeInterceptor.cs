using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Delivery;

/// <summary>
/// Wakes the dispatcher when messages were planned, once they are committed: right after the save
/// when it had its own transaction, after the use case's transaction commits otherwise (a message
/// must never be sent before the change that caused it is saved, nor be planned and not woken for).
/// </summary>
public sealed class OutboxWakeInterceptor(DispatchSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending { public bool Planned; }

    private static readonly ConditionalWeakTable<DbContext, Pending> Contexts = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private static void Note(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries<OutboundMessage>().Any(e => e.State == EntityState.Added))
            Contexts.GetOrCreateValue(context).Planned = true;
    }

    private void WakeIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Wake(context);
    }

    private void Wake(DbContext? context)
    {
        if (context is null || !Contexts.TryGetValue(context, out var pending) || !pending.Planned) return;
        pending.Planned = false;
        signal.Wake();
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null && Contexts.TryGetValue(context, out var pending)) pending.Planned = false;
    }
}

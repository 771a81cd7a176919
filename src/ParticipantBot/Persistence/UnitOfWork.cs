using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Persistence;

/// <summary>
/// One use case, one transaction: the domain change, its history, the messages it plans and its audit
/// entry are saved together or not at all (as eShop's TransactionBehavior does for its commands). A
/// refused use case, or one that throws, saves nothing; a rule of the domain that refuses becomes the
/// use case's refusal. When another writer changed the same rows in between (an optimistic concurrency
/// conflict, on PostgreSQL), the whole use case runs again on fresh data.
/// </summary>
public sealed class UnitOfWork(AppDbContext db)
{
    private const int Attempts = 5;

    public async Task<Outcome<T>> RunAsync<T>(Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken ct)
    {
        try
        {
            return await ExecuteAsync(work, o => o.Succeeded, ct);
        }
        catch (DomainException refused)
        {
            return new Refusal(refused.Field == "status" || refused.Field == "state" ? RefusalKind.Conflict : RefusalKind.Invalid,
                refused.Message, refused.Field, refused.Code, refused.Args);
        }
    }

    /// <summary>A use case that is never refused (a domain rule that throws still saves nothing).</summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) => ExecuteAsync(work, _ => true, ct);

    private async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The use case reads what it changes inside its transaction: nothing tracked before counts.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(ct);
                if (!commit(result))
                {
                    db.ChangeTracker.Clear();
                    return result;
                }
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace ParticipantBot.Persistence;

public static class Concurrency
{
    /// <summary>
    /// Runs a read-change-save unit, and runs it again on fresh data when another writer changed
    /// the same rows in between (an optimistic concurrency conflict).
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this AppDbContext db, Func<Task<T>> unit, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unit();
            }
            catch (DbUpdateConcurrencyException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParticipantBot.Persistence;
using ParticipantBot.Teams;
using ParticipantBot.Tests.Support;
using BotUser = ParticipantBot.Teams.TeamsUser;

namespace ParticipantBot.Tests.Teams;

/// <summary>
/// Two turns storing the same installation at once (Teams sends installationUpdate and conversationUpdate
/// together): the second insert meets the first's row. Made to happen every time: the competing row is
/// written between this turn's read and its save.
/// </summary>
public abstract class TeamsDirectoryTests(ServiceFactory service)
{
    private static BotUser User(string objectId, string conversation) =>
        new("tenant-race", objectId, "29:" + objectId, "Name", null, null, conversation, "https://smba.example/", "28:bot", "Bot", "msteams");

    /// <summary>Before this context's first save, another turn stores the same user through a context of its own.</summary>
    private sealed class CompetingTurn(IServiceProvider services, BotUser other) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (!Ran && eventData.Context!.ChangeTracker.Entries<TeamsInstallation>().Any(e => e.State == EntityState.Added))
            {
                Ran = true;
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TeamsDirectory>().RememberAsync(other, ct);
            }
            return result;
        }
    }

    /// <summary>A context like the service's own (same provider and options), with the interceptor added.</summary>
    private static AppDbContext ContextWith(IServiceProvider scoped, IInterceptor interceptor)
    {
        var type = scoped.GetRequiredService<AppDbContext>().GetType();
        var options = (DbContextOptions)scoped.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(type));
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type), options)!;
        builder.AddInterceptors(interceptor);
        return (AppDbContext)Activator.CreateInstance(type, builder.Options)!;
    }

    [Fact]
    public async Task TwoTurnsStoringTheSameInstallation_KeepOneRow_AndTheLaterTurnsReference()
    {
        _ = service.Server;
        var objectId = "oid-race-" + Guid.NewGuid().ToString("N")[..8];
        var competing = new CompetingTurn(service.Services, User(objectId, "a:first"));
        await using (var scope = service.Services.CreateAsyncScope())
        await using (var db = ContextWith(scope.ServiceProvider, competing))
        {
            var directory = new TeamsDirectory(db, new ParticipantDirectory(db, new ParticipantBot.Campaigns.CampaignDirectory(db)), service.Services.GetRequiredService<TimeProvider>(), NullLogger<TeamsDirectory>.Instance);
            await directory.RememberAsync(User(objectId, "a:second"), CancellationToken.None);
        }
        Assert.True(competing.Ran, "The competing turn did not run: the test did not make the race happen.");
        await using var check = service.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().TeamsInstallations.AsNoTracking()
            .Where(i => i.UserObjectId == objectId).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal("a:second", row.ConversationId);
        Assert.True(row.Active);
    }

    [Fact]
    public async Task Installation_WithOverlongOrControlCharacterValues_IsStoredCutAndPrintable()
    {
        _ = service.Server;
        var objectId = "oid-long-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = service.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TeamsDirectory>().RememberAsync(
                User(objectId, "a:" + new string('x', 2000)) with { Name = "Awa\r\nX-Injected: 1" + new string('n', 500) }, CancellationToken.None);
        await using var check = service.Services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<AppDbContext>().TeamsInstallations.AsNoTracking().SingleAsync(i => i.UserObjectId == objectId);
        Assert.Equal(500, row.ConversationId.Length);
        Assert.Equal(200, row.UserName!.Length);
        Assert.DoesNotContain('\n', row.UserName);
    }
}

public sealed class TeamsDirectoryOnSqliteTests(ServiceFactory service) : TeamsDirectoryTests(service), IClassFixture<ServiceFactory>;

public sealed class TeamsDirectoryOnPostgresTests(PostgresServiceFactory service) : TeamsDirectoryTests(service), IClassFixture<PostgresServiceFactory>;

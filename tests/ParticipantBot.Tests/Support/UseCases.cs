using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Delivery;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The service's use-case handlers, called directly on a real SQLite database with a clock that stands still,
/// and a fault the test can arm: the next save that holds a given kind of row fails, as a crash or a
/// database error would in the middle of a use case.
/// </summary>
public sealed class UseCases : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public UseCases()
    {
        Service = new ClockedServiceFactory { TestServices = services => services.AddSingleton<IInterceptor>(Fault) };
        _ = Service.Server;
    }

    public ClockedServiceFactory Service { get; }
    public FailingSave Fault { get; } = new();

    /// <summary>A handler (or any service) from a fresh scope, as one request would get it.</summary>
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> use) where THandler : notnull
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task DbAsync(Func<AppDbContext, Task> write) => DbAsync(async db => { await write(db); return true; });

    /// <summary>A campaign and a session on 16 December 2026, 09:30–13:00 in Tangier, with these people invited (not sent yet).</summary>
    public async Task<(Session Session, List<Participant> People)> SessionAsync(int people, int? capacity = 30, PreferredChannel channel = PreferredChannel.Email)
    {
        var campaign = Campaign.Create("Tanger", "organiser", Now);
        var session = Session.Create(campaign.Id, "Gouvernance", new DateTime(2026, 12, 16, 9, 30, 0), new DateTime(2026, 12, 16, 13, 0, 0),
            TimeZones.Default, "Hôtel, Tanger", capacity);
        var list = Enumerable.Range(1, people).Select(n => Participant.Create(campaign.Id, new ParticipantDetails
        {
            FullName = $"Personne {n}", Email = $"p{n}.{Guid.NewGuid():N}@example.org", Group = "youth", Sex = n % 2 == 0 ? Sex.Female : Sex.Male,
            Channel = channel,
        }, Now)).ToList();
        await DbAsync(async db =>
        {
            db.AddRange(campaign, session);
            db.Participants.AddRange(list);
            await db.SaveChangesAsync();
        });
        return (session, list);
    }

    public Task<Invitation> InvitationAsync(Guid sessionId, Guid participantId) =>
        DbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.SessionId == sessionId && i.ParticipantId == participantId));

    public Task<List<OutboundMessage>> MessagesAsync(Guid sessionId) =>
        DbAsync(db => db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == sessionId).ToListAsync());

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>Fails the next save that adds (or changes) a row the test names, once armed.</summary>
public sealed class FailingSave : SaveChangesInterceptor
{
    private Func<DbContext, bool>? _when;

    public void Arm(Func<DbContext, bool> when) => _when = when;

    /// <summary>The next save that plans a message of this kind fails.</summary>
    public void OnMessage(MessageKind kind) =>
        Arm(db => db.ChangeTracker.Entries<OutboundMessage>().Any(e => e.State == EntityState.Added && e.Entity.Kind == kind));

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_when is { } when && eventData.Context is { } db && when(db))
        {
            _when = null;
            throw new InvalidOperationException("Injected failure: the database went away in the middle of the use case.");
        }
        return ValueTask.FromResult(result);
    }
}

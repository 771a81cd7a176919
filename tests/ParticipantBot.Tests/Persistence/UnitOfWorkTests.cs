using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Application;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Persistence;

/// <summary>One use case, one transaction: committed whole, or nothing of it when refused or failing.</summary>
public sealed class UnitOfWorkTests : IAsyncLifetime
{
    private readonly UseCases _cases = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _cases.DisposeAsync();

    private async Task<Outcome<T>> RunAsync<T>(Func<AppDbContext, Task<Outcome<T>>> work)
    {
        await using var scope = _cases.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(_ => work(db), default);
    }

    private Task<int> CampaignsAsync() => _cases.DbAsync(db => db.Campaigns.CountAsync());

    [Fact]
    public async Task AUseCaseThatSucceeds_IsSavedWhole()
    {
        var outcome = await RunAsync<int>(async db =>
        {
            db.Campaigns.Add(Campaign.Create("A", "o", UseCases.Now));
            await db.SaveChangesAsync();  // a save inside the use case is still inside its transaction
            db.Campaigns.Add(Campaign.Create("B", "o", UseCases.Now));
            return 2;
        });
        Assert.Equal(2, outcome.Value);
        Assert.Equal(2, await CampaignsAsync());
    }

    [Fact]
    public async Task ARefusedUseCase_SavesNothing_EvenWhatItSavedOnTheWay()
    {
        var outcome = await RunAsync<int>(async db =>
        {
            db.Campaigns.Add(Campaign.Create("A", "o", UseCases.Now));
            await db.SaveChangesAsync();
            db.Campaigns.Add(Campaign.Create("B", "o", UseCases.Now));
            return Refusal.Conflict("No.", "state");
        });
        Assert.Equal(RefusalKind.Conflict, outcome.Refusal!.Kind);
        Assert.Equal(0, await CampaignsAsync());
    }

    [Fact]
    public async Task ADomainRuleThatRefuses_BecomesTheRefusal_AndSavesNothing()
    {
        var outcome = await RunAsync<int>(db =>
        {
            db.Campaigns.Add(Campaign.Create("A", "o", UseCases.Now));
            Session.Create(Guid.NewGuid(), "", new DateTime(2026, 12, 16, 9, 0, 0), new DateTime(2026, 12, 16, 12, 0, 0), TimeZones.Default);
            return Task.FromResult<Outcome<int>>(1);
        });
        Assert.Equal((RefusalKind.Invalid, "title"), (outcome.Refusal!.Kind, outcome.Refusal.Field));
        Assert.Equal(0, await CampaignsAsync());
    }

    [Fact]
    public async Task AUseCaseThatThrows_SavesNothing()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => RunAsync<int>(async db =>
        {
            db.Campaigns.Add(Campaign.Create("A", "o", UseCases.Now));
            await db.SaveChangesAsync();
            throw new TimeoutException();
        }));
        Assert.Equal(0, await CampaignsAsync());
    }
}

using Microsoft.Extensions.Time.Testing;
using ParticipantBot.Delivery;

namespace ParticipantBot.Tests.Delivery;

/// <summary>The exact window behind Teams' app limit and a mailbox's: on a clock the test moves.</summary>
public sealed class RollingWindowTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task OneSendMoreThanTheLimit_WaitsUntilTheFirstIsAWindowOld()
    {
        var clock = new FakeTimeProvider();
        using var window = new RollingWindow(3, Second, clock);
        for (var i = 0; i < 3; i++)
        {
            await window.WaitAsync(CancellationToken.None);
            window.Started();
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var fourth = window.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(699));
        await StillWaiting(fourth);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ReservedSlot_IsDatedWhenTheMessageLeaves_NotWhenItWasReserved()
    {
        var clock = new FakeTimeProvider();
        using var window = new RollingWindow(2, Second, clock);
        await window.WaitAsync(CancellationToken.None);
        await window.WaitAsync(CancellationToken.None);
        // The claim took half a second: both leave then.
        clock.Advance(TimeSpan.FromMilliseconds(500));
        window.Started();
        window.Started();

        var third = window.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        // A second after the reservations, but only half a second after the sends: the receiver would count three.
        await StillWaiting(third);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await third.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ReservedButNeverSent_KeepsItsSlotAtItsReservation()
    {
        var clock = new FakeTimeProvider();
        using var window = new RollingWindow(1, Second, clock);
        await window.WaitAsync(CancellationToken.None);
        var second = window.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await StillWaiting(second);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ManySends_NoWindowOfTheClockHoldsMoreThanTheLimit()
    {
        var clock = new FakeTimeProvider();
        using var window = new RollingWindow(48, Second, clock);
        var random = new Random(7);
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 500; i++)
        {
            var wait = window.WaitAsync(CancellationToken.None);
            while (!wait.IsCompleted)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
            await wait;
            // The claim takes a while, more for some messages than others.
            clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 40)));
            window.Started();
            sent.Add(clock.GetUtcNow());
        }
        for (var i = 48; i < sent.Count; i++)
            Assert.True(sent[i] - sent[i - 48] >= Second, $"send {i} left {(sent[i] - sent[i - 48]).TotalMilliseconds} ms after the 48th before it");
    }

    private static async Task StillWaiting(Task task)
    {
        // Let any continuation run; the task may only complete when the clock says so.
        for (var i = 0; i < 5; i++) await Task.Delay(10);
        Assert.False(task.IsCompleted);
    }
}

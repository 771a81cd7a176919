using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Domain.Tests.Messages;

/// <summary>At least once: a message cut off by a crash is planned again, and the copy a blind channel then sends is flagged.</summary>
public sealed class OutboundMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static OutboundMessage Claimed()
    {
        var message = OutboundMessage.Plan(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), MessageKind.Invitation, 0, DeliveryChannel.Teams, Now, Now);
        typeof(OutboundMessage).GetProperty(nameof(OutboundMessage.Status))!.SetValue(message, DeliveryStatus.Sending);
        typeof(OutboundMessage).GetProperty(nameof(OutboundMessage.Attempts))!.SetValue(message, 1);
        return message;
    }

    [Fact]
    public void AMessageCutOffByACrash_IsPlannedAgainNow_WithoutCountingTheAttempt()
    {
        var message = Claimed();
        message.Reclaim(Now.AddMinutes(5));
        Assert.Equal((DeliveryStatus.Planned, 1, 0, Now.AddMinutes(5)), (message.Status, message.Interruptions, message.Attempts, message.DueAt));
        Assert.Contains("stopped", message.Uncertainty);
    }

    [Fact]
    public void SentAgainByAChannelThatCannotTell_IsFlagged_ByOneThatChecked_IsNot()
    {
        var blind = Claimed();
        blind.Reclaim(Now);
        blind.MarkSent("activity-2", Now, mayDuplicate: true);
        Assert.True(blind.PossibleDuplicate);
        Assert.StartsWith("May have arrived twice", blind.Reason);

        var checkedFirst = Claimed();
        checkedFirst.Reclaim(Now);
        checkedFirst.MarkSent("message-id", Now, mayDuplicate: false);
        Assert.False(checkedFirst.PossibleDuplicate);

        var firstAttempt = Claimed();
        firstAttempt.MarkSent("activity-1", Now, mayDuplicate: true);
        Assert.False(firstAttempt.PossibleDuplicate);
    }

    [Fact]
    public void AnUncertainFailure_IsTriedAgain_AndItsCopyFlagged()
    {
        var message = Claimed();
        message.RetryUncertain("Graph answered 503", Now.AddSeconds(10));
        Assert.Equal(DeliveryStatus.Planned, message.Status);
        message.MarkSent(null, Now.AddSeconds(10), mayDuplicate: true);
        Assert.True(message.PossibleDuplicate);
        Assert.Contains("503", message.Reason);
    }

    [Fact]
    public void AMessageThatStopsTheServiceEveryTime_IsGivenUp_AfterTenInterruptions()
    {
        var message = Claimed();
        for (var i = 0; i < OutboundMessage.MaxInterruptions; i++)
        {
            typeof(OutboundMessage).GetProperty(nameof(OutboundMessage.Status))!.SetValue(message, DeliveryStatus.Sending);
            message.Reclaim(Now);
        }
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Contains("10 times", message.Reason);
    }
}

namespace ParticipantBot.Outlook;

/// <summary>Asks for one Outlook event's reply to be read soon, in the background (the scheduler runs it; ids only).</summary>
public interface IReplySyncTrigger
{
    void SyncSoon(Guid outlookEventId);
}

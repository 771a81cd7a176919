using ParticipantBot.Participants.Import;

namespace ParticipantBot.Participants;

public static class ParticipantsModule
{
    /// <summary>The guest list: what other modules may read of it, and its import.</summary>
    public static IServiceCollection AddParticipants(this IServiceCollection services) =>
        services.AddScoped<ParticipantDirectory>().AddGuestListImport();
}

namespace ParticipantBot.Messages;

public static class MessagesModule
{
    /// <summary>What messages say, for every channel that renders them.</summary>
    public static IServiceCollection AddMessageContents(this IServiceCollection services) => services.AddScoped<MessageContents>();
}

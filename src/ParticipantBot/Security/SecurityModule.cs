namespace ParticipantBot.Security;

public static class SecurityModule
{
    /// <summary>The tokens that act for a person (links, card data), sealed with the service's Data Protection keys.</summary>
    public static IServiceCollection AddSignedTokens(this IServiceCollection services) => services.AddSingleton<SignedTokens>();
}

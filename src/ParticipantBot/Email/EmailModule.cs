using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipantBot.Delivery;

namespace ParticipantBot.Email;

public static class EmailModule
{
    /// <summary>Email through the outbox folder; the Graph module replaces the transport when configured.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailComposer>();
        // The last step (a folder here, Graph when configured) always behind the mailbox's limits.
        services.TryAddSingleton<PickupFolderTransport>();
        services.AddSingleton(sp => new LimitedEmailTransport(
            sp.GetRequiredService<PickupFolderTransport>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>()));
        services.AddScoped<IMessageSender, EmailSender>();
        services.AddHostedService<OutboxFolderCleanup>();
        services.AddSingleton<OutboxFiles>();
        services.AddSingleton<Privacy.IPersonalDataHolder>(sp => sp.GetRequiredService<OutboxFiles>());
        return services;
    }
}

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
        services.TryAddSingleton<IEmailTransport, PickupFolderTransport>();
        services.AddScoped<IMessageSender, EmailSender>();
        return services;
    }
}

namespace ParticipantBot.Delivery;

public static class DeliveryModule
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DispatchSignal>();
        services.AddScoped<OutboxPlanner>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<SessionMessages>();
        services.AddScoped<NonResponderReminders>();
        services.AddScoped<Invitations.IInvitationDispatch>(sp => sp.GetRequiredService<SessionMessages>());
        return services;
    }
}

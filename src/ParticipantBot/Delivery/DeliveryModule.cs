namespace ParticipantBot.Delivery;

public static class DeliveryModule
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<DeliveryMetrics>();
        // Modules give the database their interceptors through DI (see PersistenceModule).
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, OutboxWakeInterceptor>();
        services.AddScoped<OutboxPlanner>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxLedger>();
        services.AddScoped<Privacy.IPersonalDataHolder, DeliveryPersonalData>();
        return services;
    }
}

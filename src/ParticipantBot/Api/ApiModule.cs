using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParticipantBot.Api;

public static class ApiModule
{
    /// <summary>JSON in camelCase with enums as camelCase strings, RFC 7807 errors, an OpenAPI document.</summary>
    public static IServiceCollection AddOrganiserApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // JSON responses, never inlined in HTML: Arabic and accented names stay readable.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddParticipantBotDescriptions());
        services.AddTransient<IStartupFilter, NoSniffStartupFilter>();
        return services;
    }

    /// <summary>Every response says X-Content-Type-Options: nosniff, so that no browser runs an upload or an export as something else.</summary>
    private sealed class NoSniffStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

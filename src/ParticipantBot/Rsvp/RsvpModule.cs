namespace ParticipantBot.Rsvp;

public static class RsvpModule
{
    public static IServiceCollection AddRsvpPage(this IServiceCollection services)
    {
        services.AddScoped<RsvpLinks>();
        services.AddScoped<RsvpService>();
        services.AddRazorPages();
        // Pages carry Arabic and French text: write it as characters, not numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }
}

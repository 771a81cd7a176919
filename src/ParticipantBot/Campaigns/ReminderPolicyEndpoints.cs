using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Application;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

/// <summary>A session's reminder policy; times are "HH:mm" in each participant's zone.</summary>
public sealed record ReminderPolicyDto(int? FirstReminderDays, int? SecondReminderDays, bool DayBefore, bool SameDay,
    string SendAt, string SameDayAt, string QuietFrom, string QuietUntil)
{
    public static ReminderPolicyDto From(ReminderPolicy p) => new(p.FirstReminderDays, p.SecondReminderDays, p.DayBefore, p.SameDay,
        Time(p.SendAt), Time(p.SameDayAt), Time(p.QuietFrom), Time(p.QuietUntil));

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A session's reminder policy (the reminders themselves are the Invitations module's: POST .../reminders/send).</summary>
public static class ReminderPolicyEndpoints
{
    public static RouteGroupBuilder MapReminderPolicyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions/{id:guid}/reminders").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Reminders");
        api.MapGet("", Get);
        api.MapPut("", Put);
        return api;
    }

    private static async Task<Results<Ok<ReminderPolicyDto>, NotFound>> Get(Guid id, CampaignAccess access, CancellationToken ct) =>
        await access.FindSessionAsync(id, ct) is { Session: var session } ? TypedResults.Ok(ReminderPolicyDto.From(session.ReminderPolicy)) : TypedResults.NotFound();

    /// <summary>Changes the policy; planned reminders move to their new times, obsolete ones are dropped, new ones planned.</summary>
    private static async Task<Results<Ok<ReminderPolicyDto>, NotFound, ProblemHttpResult>> Put(
        Guid id, ReminderPolicyDto request, CampaignAccess access, ChangeReminderPolicyHandler change, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        TimeOnly Parse(string? value, string field, TimeOnly fallback)
        {
            if (string.IsNullOrWhiteSpace(value)) return fallback;
            if (TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
            errors.Add(ApiError.ForField(field, $"'{value}' is not a time of day: use HH:mm, such as 10:00.", "time.invalid", new Dictionary<string, object?> { ["format"] = "HH:mm" }));
            return fallback;
        }
        var d = ReminderPolicy.Default;
        var policy = new ReminderPolicy
        {
            FirstReminderDays = request.FirstReminderDays,
            SecondReminderDays = request.SecondReminderDays,
            DayBefore = request.DayBefore,
            SameDay = request.SameDay,
            SendAt = Parse(request.SendAt, "sendAt", d.SendAt),
            SameDayAt = Parse(request.SameDayAt, "sameDayAt", d.SameDayAt),
            QuietFrom = Parse(request.QuietFrom, "quietFrom", d.QuietFrom),
            QuietUntil = Parse(request.QuietUntil, "quietUntil", d.QuietUntil),
        };
        if (errors.Count > 0) return Problems.Validation(errors);
        var outcome = await change.HandleAsync(new ChangeReminderPolicy(id, policy, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        return TypedResults.Ok(ReminderPolicyDto.From(outcome.Value!));
    }
}

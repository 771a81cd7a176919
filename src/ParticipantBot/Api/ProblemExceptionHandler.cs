using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Api;

/// <summary>
/// Bad input is the caller's problem, never a 500: malformed JSON, malformed multipart bodies and
/// refused domain rules become problem details that name what is wrong (with the rule's code), and
/// a value the database itself refuses (a safety net behind the domain's limits) is a 400 too.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted) return false;
        if (Map(exception) is not { } m) return false;
        context.Response.StatusCode = m.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = m.Status,
                Title = m.Error.Message,
                Extensions = { ["errors"] = new[] { m.Error } },
            },
        });
    }

    /// <summary>The status and error an exception stands for, when the request caused it; null for the service's own failures.</summary>
    internal static (int Status, ApiError Error)? Map(Exception exception) => exception switch
    {
        DomainException { Field: "status" } d => (StatusCodes.Status409Conflict, Error(d)),
        DomainException d => (StatusCodes.Status400BadRequest, Error(d)),
        BadHttpRequestException { InnerException: JsonException json } =>
            (StatusCodes.Status400BadRequest, ApiError.ForField(json.Path, "The JSON body is not valid: " + FirstLine(json.Message), "request.json")),
        BadHttpRequestException bad => (bad.StatusCode, ApiError.ForField(null, FirstLine(bad.Message), "request.invalid")),
        JsonException json => (StatusCodes.Status400BadRequest, ApiError.ForField(json.Path, "The JSON body is not valid: " + FirstLine(json.Message), "request.json")),
        // A multipart body without a boundary, whose boundary never comes, or whose parts break the form limits.
        InvalidDataException data => (StatusCodes.Status400BadRequest, ApiError.ForField(null, "The request body is malformed: " + FirstLine(data.Message), "request.malformed")),
        _ when Persistence.DatabaseRefusals.Classify(exception, out var column) == Persistence.DatabaseRefusals.Kind.RefusedOnWrite =>
            (StatusCodes.Status400BadRequest, ApiError.ForField(column, "A value is too long or holds a character the database refuses; nothing was written.", "text.refusedByDatabase")),
        // A text the database cannot compare (a NUL in a query value): refused by PostgreSQL, the caller's input.
        _ when Persistence.DatabaseRefusals.Classify(exception, out _) == Persistence.DatabaseRefusals.Kind.RefusedInQuery =>
            (StatusCodes.Status400BadRequest, ApiError.ForField(null, "A value holds a character the database refuses.", "text.controlCharacter")),
        _ => null,
    };

    private static ApiError Error(DomainException d) => ApiError.ForField(d.Field, d.Message, d.Code, d.Args);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Api;

/// <summary>
/// Bad input is the caller's problem, never a 500: malformed JSON and refused domain rules become
/// problem details that name what is wrong.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        (int status, ApiError error)? mapped = exception switch
        {
            DomainException { Field: "status" } d => (StatusCodes.Status409Conflict, ApiError.ForField(d.Field, d.Message)),
            DomainException d => (StatusCodes.Status400BadRequest, ApiError.ForField(d.Field, d.Message)),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, ApiError.ForField(json.Path, "The JSON body is not valid: " + FirstLine(json.Message))),
            BadHttpRequestException bad => (bad.StatusCode, ApiError.ForField(null, FirstLine(bad.Message))),
            _ => null,
        };
        if (mapped is not { } m) return false;
        context.Response.StatusCode = m.status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = m.status,
                Title = m.error.Message,
                Extensions = { ["errors"] = new[] { m.error } },
            },
        });
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace ParticipantBot.Api;

/// <summary>RFC 7807 problem details in the shapes this API promises.</summary>
public static class Problems
{
    public static ProblemHttpResult Validation(IEnumerable<ApiError> errors, string title = "The request has problems.") =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToList() });

    public static ProblemHttpResult Validation(string? field, string message, string? code = null, IReadOnlyDictionary<string, object?>? args = null) =>
        Validation([ApiError.ForField(field, message, code, args)], message);

    public static ProblemHttpResult Conflict(string message, string? field = null, string? code = null, IReadOnlyDictionary<string, object?>? args = null) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { ApiError.ForField(field, message, code, args) } });

    public static ProblemHttpResult Unprocessable(IEnumerable<ApiError> errors, string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToList() });
}

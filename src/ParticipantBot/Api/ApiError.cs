using System.Text.Json.Serialization;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Api;

/// <summary>
/// One problem in a request: where it is (row and column of an imported file, or a field) and what is
/// wrong, in English, with a stable machine <see cref="Code"/> and its <see cref="Args"/> when the rule
/// has one ("text.tooLong" with {"max": 200}), so that a client can say it in its own language.
/// </summary>
public sealed record ApiError(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Column,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Args = null)
{
    public static ApiError ForField(string? field, string message, string? code = null, IReadOnlyDictionary<string, object?>? args = null) =>
        new(null, null, field, message, code, args);

    public static ApiError Of(Problem problem) => new(null, null, problem.Field.Length == 0 ? null : problem.Field, problem.Message, problem.Code, problem.Args);

    /// <summary>A problem of one cell of an imported file.</summary>
    public static ApiError AtCell(int row, string? column, Problem problem) =>
        new(row, column, problem.Field.Length == 0 ? null : problem.Field, problem.Message, problem.Code, problem.Args);
}

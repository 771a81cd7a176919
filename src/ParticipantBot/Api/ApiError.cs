using System.Text.Json.Serialization;

namespace ParticipantBot.Api;

/// <summary>One problem in a request: where it is (row and column of an imported file, or a field) and what is wrong.</summary>
public sealed record ApiError(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Column,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field,
    string Message)
{
    public static ApiError ForField(string? field, string message) => new(null, null, field, message);
}

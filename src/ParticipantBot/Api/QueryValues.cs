namespace ParticipantBot.Api;

/// <summary>
/// Enum values in query strings, read the way the JSON API writes them ("accepted", "noShow") and
/// case-insensitively; an unknown value is an error naming the parameter and the values allowed.
/// (Minimal APIs bind enums case-sensitively and answer a bare "Failed to bind parameter".)
/// </summary>
public static class QueryValues
{
    public static T? Enum<T>(string? value, string field, List<ApiError> errors) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        errors.Add(ApiError.ForField(field, $"Unknown {field} '{value}'; use one of: {string.Join(", ", System.Enum.GetNames<T>().Select(Domain.Common.EnumNames.CamelCase))}.",
            "value.unknown", new Dictionary<string, object?> { ["value"] = Domain.Common.Text.Printable(value, max: 70), ["allowed"] = System.Enum.GetNames<T>().Select(Domain.Common.EnumNames.CamelCase).ToList() }));
        return null;
    }
}

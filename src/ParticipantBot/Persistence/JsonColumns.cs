using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ParticipantBot.Persistence;

/// <summary>A value stored as JSON text (camelCase, enums as strings), the same on SQLite and PostgreSQL.</summary>
public sealed class JsonValueConverter<T>() : ValueConverter<T, string>(v => Write(v), s => Read(s))
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static string Write(T value) => JsonSerializer.Serialize(value, Options);

    private static T Read(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}

/// <summary>Compares JSON-stored values by their JSON, so that EF sees a changed list as changed.</summary>
public sealed class JsonValueComparer<T>() : ValueComparer<T>(
    (a, b) => JsonSerializer.Serialize(a, JsonValueConverter<T>.Options) == JsonSerializer.Serialize(b, JsonValueConverter<T>.Options),
    v => JsonSerializer.Serialize(v, JsonValueConverter<T>.Options).GetHashCode(StringComparison.Ordinal),
    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonValueConverter<T>.Options), JsonValueConverter<T>.Options)!);

namespace ParticipantBot.Domain.Common;

/// <summary>An enum value as the API and its messages write it: camelCase ("noShow", "singleChoice").</summary>
public static class EnumNames
{
    public static string Of<T>(T value) where T : struct, Enum => CamelCase(value.ToString());

    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

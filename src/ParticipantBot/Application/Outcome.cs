namespace ParticipantBot.Application;

public enum RefusalKind
{
    /// <summary>What the use case names does not exist (or is not the caller's to see).</summary>
    NotFound,
    /// <summary>The request is malformed or breaks a rule about its own values.</summary>
    Invalid,
    /// <summary>The request is fine but the state of things refuses it now.</summary>
    Conflict,
}

/// <summary>
/// Why a use case did nothing, in words an organiser understands, naming the field when there is one;
/// <see cref="Code"/> is a stable key with its <see cref="Args"/>, for pages that translate the message.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Message, string? Field = null, string? Code = null, IReadOnlyDictionary<string, object?>? Args = null)
{
    public static Refusal NotFound(string what = "Not found.") => new(RefusalKind.NotFound, what);
    public static Refusal Invalid(string field, string message, string? code = null, IReadOnlyDictionary<string, object?>? args = null) => new(RefusalKind.Invalid, message, field, code, args);
    public static Refusal Conflict(string message, string? field = null, string? code = null, IReadOnlyDictionary<string, object?>? args = null) => new(RefusalKind.Conflict, message, field, code, args);
}

/// <summary>What a use case produced, or why it refused: a refused use case changed nothing.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Refusal? refusal) { Value = value; Refusal = refusal; }

    public T? Value { get; }
    public Refusal? Refusal { get; }
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

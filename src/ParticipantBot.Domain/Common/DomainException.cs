namespace ParticipantBot.Domain.Common;

/// <summary>A rule of the domain refused an operation; the message says which rule and why.</summary>
/// <param name="code">A stable machine code of the rule ("text.tooLong"), for clients that translate; null for rules without one yet.</param>
/// <param name="args">The values the message is made of ({"max": 200}), under the names the code documents.</param>
public class DomainException(string message, string? field = null, string? code = null, IReadOnlyDictionary<string, object?>? args = null) : Exception(message)
{
    public string? Field { get; } = field;
    public string? Code { get; } = code;
    public IReadOnlyDictionary<string, object?>? Args { get; } = args;

    public DomainException(Problem problem) : this(problem.Message, problem.Field, problem.Code, problem.Args) { }

    public Problem ToProblem() => new(Field ?? "", Message, Code, Args);
}

/// <summary>One thing wrong with an input: the field it is in, the English sentence, and a stable code with its arguments.</summary>
public sealed record Problem(string Field, string Message, string? Code = null, IReadOnlyDictionary<string, object?>? Args = null)
{
    public void Deconstruct(out string field, out string message) { field = Field; message = Message; }

    public Problem At(string field) => this with { Field = field };
}

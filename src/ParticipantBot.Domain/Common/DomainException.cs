namespace ParticipantBot.Domain.Common;

/// <summary>A rule of the domain refused an operation; the message says which rule and why.</summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

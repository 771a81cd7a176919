using CsCheck;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// Property checks with CsCheck generators, seeded: the same samples on every run and every machine (a
/// fixed PCG stream and seed), so that a failure is found again by running the test again; the message
/// names the iteration and shows the sample.
/// </summary>
public static class Seeded
{
    public static void Check<T>(Gen<T> gen, Action<T> property, int iterations, ulong seed = 20261125, Func<T, string>? print = null)
    {
        var pcg = new PCG(16, seed);
        for (var i = 0; i < iterations; i++)
        {
            var sample = gen.Generate(pcg, null, out _);
            try
            {
                property(sample);
            }
            catch (Exception e)
            {
                var shown = print?.Invoke(sample) ?? Show(sample);
                throw new Xunit.Sdk.XunitException($"Property failed at iteration {i} (seed {seed}) for {shown}:\n{e.Message}", e);
            }
        }
    }

    private static string Show<T>(T sample)
    {
        var text = sample switch
        {
            string s => Escape(s),
            System.Runtime.CompilerServices.ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(i => t[i] is string s ? Escape(s) : t[i]?.ToString())) + ")",
            _ => sample?.ToString() ?? "null",
        };
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }

    /// <summary>A string with its invisible and non-ASCII characters written as \uXXXX, between quotes.</summary>
    public static string Escape(string s) =>
        "\"" + string.Concat(s.Select(c => c is >= ' ' and < '\u007F' && c != '"' && c != '\\' ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";
}

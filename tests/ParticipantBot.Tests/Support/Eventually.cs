namespace ParticipantBot.Tests.Support;

public static class Eventually
{
    /// <summary>Waits until the condition holds (the dispatcher works in the background); fails with the description after a generous deadline.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> get, Func<T, bool> done, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await get();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Still waiting for {what}; last seen: {Describe(value)}");
            await Task.Delay(100);
        }
    }

    private static string Describe<T>(T value)
    {
        var text = value switch
        {
            System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
            System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(i => i is System.Text.Json.Nodes.JsonNode n ? n.ToJsonString() : i?.ToString())) + "]",
            _ => value?.ToString() ?? "null",
        };
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }
}

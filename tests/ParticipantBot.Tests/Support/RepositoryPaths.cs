namespace ParticipantBot.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The clone's root: the folder that holds ParticipantBot.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParticipantBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ParticipantBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}

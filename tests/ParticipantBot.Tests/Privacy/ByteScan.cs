using System.Text;

namespace ParticipantBot.Tests.Privacy;

/// <summary>Looks for text, as UTF-8 and UTF-16 bytes, in every file under folders: databases with their WAL, Hangfire's storage, the outbox.</summary>
public static class ByteScan
{
    public static IReadOnlyList<string> FilesContaining(string text, params string[] folders)
    {
        var needles = new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text) };
        var found = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                byte[] bytes;
                // Read while the service holds the files open (SQLite, Hangfire).
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var memory = new MemoryStream()) { stream.CopyTo(memory); bytes = memory.ToArray(); }
                if (needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0)) found.Add(Path.GetFileName(file));
            }
        return found;
    }
}

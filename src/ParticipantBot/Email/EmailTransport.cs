using Microsoft.Extensions.Options;
using MimeKit;
using ParticipantBot.Configuration;

namespace ParticipantBot.Email;

/// <summary>The last step of the email pipeline: a folder on disk, or Microsoft Graph.</summary>
public interface IEmailTransport
{
    /// <param name="mayHaveBeenSent">An earlier attempt of this very message may have gone: where the transport can tell, it sends no second copy.</param>
    /// <returns>The message's id for the channel (its Message-ID).</returns>
    Task<string> SendAsync(MimeMessage message, bool mayHaveBeenSent, CancellationToken ct);
}

/// <summary>
/// With no mail service configured, every email is written as a real .eml file to the outbox
/// folder (Outbox:Path), where any mail client opens it. A file's name carries the message's
/// Message-ID (one per outbox message), so a message sent again after a crash finds its file
/// there and is not written twice.
/// </summary>
public sealed class PickupFolderTransport(IOptions<OutboxOptions> options, IHostEnvironment environment) : IEmailTransport
{
    private const string TemporarySuffix = ".tmp";

    /// <summary>Marks this process's temporary files: those of another (dead) process can be told apart.</summary>
    private static readonly string Writer = Guid.NewGuid().ToString("N")[..12];

    public string Folder => options.Value.FolderIn(environment.ContentRootPath);

    public async Task<string> SendAsync(MimeMessage message, bool mayHaveBeenSent, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var id = message.MessageId ??= MimeKit.Utils.MimeUtils.GenerateMessageId();
        var suffix = $"-{Safe(id)}.eml";
        // Only after an uncertain attempt: listing the folder costs, and a first attempt has no file.
        if (mayHaveBeenSent && Directory.EnumerateFiles(Folder, "*" + suffix).Any()) return id;
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}{suffix}";
        // Written aside and moved in, so that the folder never shows a half-written message.
        var temporary = Path.Combine(Folder, $".{name}.{Writer}{TemporarySuffix}");
        try
        {
            await using (var file = File.Create(temporary)) await message.WriteToAsync(file, ct);
            File.Move(temporary, Path.Combine(Folder, name), overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return id;
    }

    /// <summary>
    /// Temporary files a process left when it was killed while writing: those of other processes (when this one
    /// is the folder's only writer), or those older than any write in progress can be.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public int RemoveOrphans(TimeSpan olderThan, bool onlyWriter = false)
    {
        if (!Directory.Exists(Folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + TemporarySuffix))
        {
            var ours = file.EndsWith($".{Writer}{TemporarySuffix}", StringComparison.Ordinal);
            if (onlyWriter ? ours : DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < olderThan) continue;
            try { File.Delete(file); removed++; }
            catch (IOException) { }
        }
        return removed;
    }

    private static string Safe(string id) => new(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(80).ToArray());
}

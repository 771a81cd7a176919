using Microsoft.Extensions.Options;
using MimeKit;
using ParticipantBot.Configuration;

namespace ParticipantBot.Email;

/// <summary>The last step of the email pipeline: a folder on disk, or Microsoft Graph.</summary>
public interface IEmailTransport
{
    /// <returns>The message's id for the channel (its Message-ID).</returns>
    Task<string> SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>
/// With no mail service configured, every email is written as a real .eml file to the outbox
/// folder (Outbox:Path), where any mail client opens it.
/// </summary>
public sealed class PickupFolderTransport(IOptions<OutboxOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public string Folder => options.Value.FolderIn(environment.ContentRootPath);

    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var id = message.MessageId ??= MimeKit.Utils.MimeUtils.GenerateMessageId();
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Safe(id)}.eml";
        // Written aside and moved in, so that the folder never shows a half-written message.
        var temporary = Path.Combine(Folder, "." + name + ".tmp");
        await using (var file = File.Create(temporary)) await message.WriteToAsync(file, ct);
        File.Move(temporary, Path.Combine(Folder, name), overwrite: true);
        return id;
    }

    private static string Safe(string id) => new(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(80).ToArray());
}

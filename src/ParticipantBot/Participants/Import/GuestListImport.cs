using ParticipantBot.Api;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Participants.Import;

public enum ImportAction { Create, Update, Skip }

public sealed record ImportPreviewRow(int Row, ImportAction Action, string FullName, string? Email, string Group, string Sex, string Language, string Channel);

/// <summary>What an import found, and (when not a dry run) what it wrote.</summary>
public sealed record ImportReport(
    bool DryRun, string FileType, int Rows, int Valid, int Created, int Updated, int Skipped,
    IReadOnlyList<int> SkippedRows, IReadOnlyList<ApiError> Errors, IReadOnlyList<ApiError> Warnings,
    IReadOnlyList<ImportPreviewRow> Preview, bool PreviewTruncated, bool Written, GuestListCells? Table = null);

/// <summary>The file's header and its first rows as read (asked for with cells=true), so that a page can mark each problem on its cell.</summary>
public sealed record GuestListCells(IReadOnlyList<string> Headers, IReadOnlyList<GuestListRow> Rows, bool Truncated);

/// <summary>One data row read into participant details, or the problems that stop it.</summary>
/// <param name="About">Age band and Short Set answers from a registration form, kept only when <paramref name="Consent"/> is true.</param>
internal sealed record ParsedRow(int Row, ParticipantDetails? Details, List<ApiError> Errors, bool Consent = false, SelfDescription? About = null);

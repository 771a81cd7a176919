using ParticipantBot.Api;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Participants.Import;

/// <summary>Turns a table's rows into participant details, naming each bad cell by row and column.</summary>
internal sealed class GuestListParser(AppOptions app, Language campaignLanguage, IReadOnlyList<int>? ageBandBounds = null)
{
    public (IReadOnlyList<ParsedRow> Rows, List<ApiError> FileErrors, List<ApiError> Warnings) Parse(GuestListTable table)
    {
        var fileErrors = new List<ApiError>();
        var warnings = new List<ApiError>();
        var columns = new Dictionary<GuestListField, (int Index, string Header)>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i];
            if (string.IsNullOrWhiteSpace(header)) continue;
            if (GuestListColumns.Find(header) is not { } field)
                warnings.Add(new ApiError(1, header, null, $"Column '{header}' is not known and is ignored."));
            else if (columns.TryGetValue(field, out var first))
                fileErrors.Add(new ApiError(1, header, null, $"Columns '{first.Header}' and '{header}' both give the {field} field."));
            else
                columns[field] = (i, header);
        }
        if (!columns.ContainsKey(GuestListField.FullName))
            fileErrors.Add(new ApiError(1, null, "fullName", "There is no name column: the header row needs 'name' (or 'nom')."));
        if (fileErrors.Count > 0) return ([], fileErrors, warnings);
        return (table.Rows.Select(r => ParseRow(r, columns)).ToList(), fileErrors, warnings);
    }

    private ParsedRow ParseRow(GuestListRow row, Dictionary<GuestListField, (int Index, string Header)> columns)
    {
        var errors = new List<ApiError>();
        string Get(GuestListField f) => columns.TryGetValue(f, out var c) ? row.Cell(c.Index) : string.Empty;
        string Col(GuestListField f) => columns.TryGetValue(f, out var c) ? c.Header : f.ToString();
        void Error(GuestListField f, string message) => errors.Add(new ApiError(row.Number, Col(f), null, message));

        var name = Get(GuestListField.FullName);
        if (name.Length == 0) Error(GuestListField.FullName, "The name is missing.");

        var email = Get(GuestListField.Email);
        if (email.Length > 0 && !ParticipantDetails.IsEmail(email)) Error(GuestListField.Email, $"'{email}' is not an email address.");

        var groupText = Get(GuestListField.Group);
        var group = app.FindGroup(groupText);
        if (group is null)
            Error(GuestListField.Group, groupText.Length == 0
                ? $"The stakeholder group is missing; use one of: {string.Join(", ", app.StakeholderGroups)}."
                : $"Unknown stakeholder group '{groupText}'; use one of: {string.Join(", ", app.StakeholderGroups)}.");

        if (!GuestListValues.TryParseSex(Get(GuestListField.Sex), out var sex))
            Error(GuestListField.Sex, $"Unknown sex '{Get(GuestListField.Sex)}'; use female, male or notStated (F, M, or empty).");

        var languageText = Get(GuestListField.Language);
        var language = campaignLanguage;
        if (languageText.Length > 0 && !LanguageCodes.TryParse(languageText, out language))
            Error(GuestListField.Language, $"Unknown language '{languageText}'; use fr, ar or en.");

        if (!GuestListValues.TryParseChannel(Get(GuestListField.Channel), out var channel))
            Error(GuestListField.Channel, $"Unknown channel '{Get(GuestListField.Channel)}'; use teams, email or both.");

        if (!GuestListValues.TryParseYesNo(Get(GuestListField.Transport), out var transport))
            Error(GuestListField.Transport, $"Transport is '{Get(GuestListField.Transport)}'; use yes or no (oui/non).");

        var objectId = Get(GuestListField.TeamsObjectId);
        var upn = Get(GuestListField.TeamsUpn);
        var details = new ParticipantDetails
        {
            FullName = name,
            FullNameAlt = Get(GuestListField.FullNameAlt),
            Email = email,
            Phone = Get(GuestListField.Phone),
            Organisation = Get(GuestListField.Organisation),
            Group = group ?? "other",
            Sex = sex,
            Language = language,
            Channel = channel ?? (email.Length > 0 ? (objectId.Length > 0 ? PreferredChannel.Both : PreferredChannel.Email) : PreferredChannel.Teams),
            TeamsObjectId = objectId,
            TeamsUpn = upn,
            TimeZoneId = Get(GuestListField.TimeZone),
            Needs = new Needs(transport, Text.Clean(Get(GuestListField.Diet)), Text.Clean(Get(GuestListField.Accessibility)),
                Text.Clean(Get(GuestListField.Interpretation)), Text.Clean(Get(GuestListField.Notes))),
        };
        var (consent, about, aboutProblems) = ImportedSelfDescription.Read(
            name => Get(GuestListColumns.FieldOf(name)), ageBandBounds ?? AgeBands.DefaultBounds);
        foreach (var (column, message) in aboutProblems) Error(GuestListColumns.FieldOf(column), message);
        if (errors.Count == 0)
        {
            foreach (var problem in details.Problems())
                errors.Add(ApiError.AtCell(row.Number, ColumnOf(problem.Field, columns), problem));
        }
        return new ParsedRow(row.Number, errors.Count == 0 ? details : null, errors, consent, about);
    }

    private static string? ColumnOf(string field, Dictionary<GuestListField, (int Index, string Header)> columns)
    {
        var name = field switch { "needs.other" => "Notes", _ when field.StartsWith("needs.", StringComparison.Ordinal) => field["needs.".Length..], _ => field };
        return Enum.TryParse<GuestListField>(name, ignoreCase: true, out var f) && columns.TryGetValue(f, out var c) ? c.Header : null;
    }
}

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
                warnings.Add(new ApiError(1, header, null, $"Column '{header}' is not known and is ignored.", "import.unknownColumn", new Dictionary<string, object?> { ["column"] = header }));
            else if (columns.TryGetValue(field, out var first))
                fileErrors.Add(new ApiError(1, header, null, $"Columns '{first.Header}' and '{header}' both give the {field} field.", "import.duplicateColumn",
                    new Dictionary<string, object?> { ["first"] = first.Header, ["column"] = header }));
            else
                columns[field] = (i, header);
        }
        if (!columns.ContainsKey(GuestListField.FullName))
            fileErrors.Add(new ApiError(1, null, "fullName", "There is no name column: the header row needs 'name' (or 'nom').", "import.noNameColumn"));
        if (fileErrors.Count > 0) return ([], fileErrors, warnings);
        return (table.Rows.Select(r => ParseRow(r, columns)).ToList(), fileErrors, warnings);
    }

    private ParsedRow ParseRow(GuestListRow row, Dictionary<GuestListField, (int Index, string Header)> columns)
    {
        var errors = new List<ApiError>();
        string Get(GuestListField f) => columns.TryGetValue(f, out var c) ? row.Cell(c.Index) : string.Empty;
        string Col(GuestListField f) => columns.TryGetValue(f, out var c) ? c.Header : f.ToString();
        void Error(GuestListField f, string message, string? code = null, Dictionary<string, object?>? args = null) =>
            errors.Add(new ApiError(row.Number, Col(f), null, message, code, args));

        var name = Get(GuestListField.FullName);
        if (name.Length == 0) Error(GuestListField.FullName, "The name is missing.", "text.required");

        var email = Get(GuestListField.Email);
        if (email.Length > 0 && !ParticipantDetails.IsEmail(email)) Error(GuestListField.Email, $"'{email}' is not an email address.", "email.invalid", new() { ["value"] = email });

        var groupText = Get(GuestListField.Group);
        var group = app.FindGroup(groupText) ?? GroupByLabel(groupText);
        if (group is null)
            Error(GuestListField.Group, groupText.Length == 0
                ? $"The stakeholder group is missing; use one of: {string.Join(", ", app.StakeholderGroups)}."
                : $"Unknown stakeholder group '{groupText}'; use one of: {string.Join(", ", app.StakeholderGroups)}.",
                groupText.Length == 0 ? "text.required" : "group.unknown", new() { ["value"] = groupText, ["allowed"] = app.StakeholderGroups });

        if (!GuestListValues.TryParseSex(Get(GuestListField.Sex), out var sex))
            Error(GuestListField.Sex, $"Unknown sex '{Get(GuestListField.Sex)}'; use female, male or notStated (F, M, or empty).", "sex.unknown",
                new() { ["value"] = Get(GuestListField.Sex) });

        var languageText = Get(GuestListField.Language);
        var language = campaignLanguage;
        if (languageText.Length > 0 && !LanguageCodes.TryParse(languageText, out language))
            Error(GuestListField.Language, $"Unknown language '{languageText}'; use fr, ar or en.", "language.unknown", new() { ["value"] = languageText });

        if (!GuestListValues.TryParseChannel(Get(GuestListField.Channel), out var channel))
            Error(GuestListField.Channel, $"Unknown channel '{Get(GuestListField.Channel)}'; use teams, email or both.", "channel.unknown",
                new() { ["value"] = Get(GuestListField.Channel) });

        if (!GuestListValues.TryParseYesNo(Get(GuestListField.Transport), out var transport))
            Error(GuestListField.Transport, $"Transport is '{Get(GuestListField.Transport)}'; use yes or no (oui/non).", "yesNo.invalid",
                new() { ["value"] = Get(GuestListField.Transport) });

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

    /// <summary>A group written as the dashboard and the template name it, in any of the three languages ("Jeunes", "الخبراء").</summary>
    private string? GroupByLabel(string text)
    {
        var key = Text.Key(text);
        if (key.Length == 0) return null;
        return app.StakeholderGroups.FirstOrDefault(g => Enum.GetValues<Language>().Any(l =>
            Resources.Texts.Resources.GetString("Group." + g, Resources.Texts.Culture(l)) is { } label && Text.Key(label) == key));
    }

    private static string? ColumnOf(string field, Dictionary<GuestListField, (int Index, string Header)> columns)
    {
        var name = field switch { "needs.other" => "Notes", _ when field.StartsWith("needs.", StringComparison.Ordinal) => field["needs.".Length..], _ => field };
        return Enum.TryParse<GuestListField>(name, ignoreCase: true, out var f) && columns.TryGetValue(f, out var c) ? c.Header : null;
    }
}

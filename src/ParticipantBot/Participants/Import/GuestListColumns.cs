using ParticipantBot.Domain.Common;

namespace ParticipantBot.Participants.Import;

public enum GuestListField
{
    FullName, FullNameAlt, Email, Phone, Organisation, Group, Sex, Language, Channel,
    TeamsObjectId, TeamsUpn, TimeZone, Transport, Diet, Accessibility, Interpretation, Notes,
    // The report's self-reported columns (ImportedSelfDescription.cs).
    Consent, AgeBand, Age, WgSeeing, WgHearing, WgWalking, WgRemembering, WgSelfCare, WgCommunicating,
}

/// <summary>Which header names mean which field, in English, French and Arabic (case and accents ignored).</summary>
public static class GuestListColumns
{
    private static readonly Dictionary<string, GuestListField> Aliases = Build(new Dictionary<GuestListField, string[]>()
    {
        [GuestListField.FullName] = ["name", "fullName", "full name", "nom", "nom complet", "nom et prénom", "prénom et nom", "الاسم", "الاسم الكامل"],
        [GuestListField.FullNameAlt] = ["nameAlt", "name other script", "nameOtherScript", "name arabic", "name latin", "nom arabe", "nom latin", "الاسم بالحروف اللاتينية"],
        [GuestListField.Email] = ["email", "e-mail", "mail", "courriel", "adresse email", "adresse e-mail", "البريد الإلكتروني"],
        [GuestListField.Phone] = ["phone", "telephone", "téléphone", "tel", "tél", "mobile", "whatsapp", "الهاتف"],
        [GuestListField.Organisation] = ["organisation", "organization", "organisme", "structure", "institution", "المؤسسة"],
        [GuestListField.Group] = ["group", "stakeholder group", "stakeholderGroup", "groupe", "catégorie", "category", "الفئة"],
        [GuestListField.Sex] = ["sex", "sexe", "gender", "genre", "الجنس"],
        [GuestListField.Language] = ["language", "langue", "اللغة"],
        [GuestListField.Channel] = ["channel", "canal", "القناة"],
        [GuestListField.TeamsObjectId] = ["teamsObjectId", "objectId", "aadObjectId", "entraObjectId"],
        [GuestListField.TeamsUpn] = ["upn", "teamsUpn"],
        [GuestListField.TimeZone] = ["timeZone", "time zone", "fuseau", "fuseau horaire"],
        [GuestListField.Transport] = ["transport"],
        [GuestListField.Diet] = ["diet", "régime", "régime alimentaire"],
        [GuestListField.Accessibility] = ["accessibility", "accessibilité"],
        [GuestListField.Interpretation] = ["interpretation", "interprétation"],
        [GuestListField.Notes] = ["notes", "needs", "besoins", "remarques", "ملاحظات"],
    }.Concat(ImportedSelfDescription.Aliases.Select(a => KeyValuePair.Create(FieldOf(a.Key), a.Value))).ToDictionary());

    /// <summary>The field of one of the report's columns ("seeing" is WgSeeing).</summary>
    public static GuestListField FieldOf(string selfDescribed) =>
        Enum.Parse<GuestListField>(ImportedSelfDescription.Aliases.Keys.Take(3).Contains(selfDescribed) ? selfDescribed : "Wg" + selfDescribed, ignoreCase: true);

    public static GuestListField? Find(string header) =>
        Aliases.TryGetValue(Key(header), out var field) || TemplateHeaders.Value.TryGetValue(Key(header), out field) ? field : null;

    /// <summary>The template's headers in every language (Resources Import.Column.*): a downloaded template always imports.</summary>
    private static readonly Lazy<Dictionary<string, GuestListField>> TemplateHeaders = new(() =>
        GuestListTemplate.AllHeaders().Select(h => (Key: Key(h.Header), h.Field)).DistinctBy(h => h.Key).ToDictionary(h => h.Key, h => h.Field));

    private static string Key(string header) => new(Text.Key(header).Where(char.IsLetterOrDigit).ToArray());

    private static Dictionary<string, GuestListField> Build(Dictionary<GuestListField, string[]> names) =>
        names.SelectMany(kv => kv.Value.Select(n => (Key: Key(n), Field: kv.Key))).DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Field);
}

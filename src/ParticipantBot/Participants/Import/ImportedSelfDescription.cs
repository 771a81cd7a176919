using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Participants.Import;

/// <summary>
/// The report's columns of a guest list, for a registration form the people filled in themselves: <c>consent</c>,
/// <c>ageBand</c> (or <c>age</c>, turned into the campaign's band) and the six Short Set answers. The organiser
/// imports what each person answered; they never fill it in for them. Kept only on rows whose consent is yes.
/// </summary>
public static class ImportedSelfDescription
{
    /// <summary>The consent's text version recorded for a row whose consent column is yes.</summary>
    public const string ConsentTextVersion = "registration-form";

    private static readonly string[] PreferNotToSayWords = ["prefer not to say", "prefer not", "je préfère ne pas le dire", "ne pas répondre", "أفضل عدم الإجابة"];

    /// <summary>The columns' names, in the Short Set's order, with their English, French and Arabic aliases.</summary>
    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>
    {
        ["consent"] = ["consent", "consentement", "accord", "موافقة"],
        ["ageBand"] = ["ageBand", "age band", "age group", "tranche d'âge", "tranche age", "الفئة العمرية"],
        ["age"] = ["age", "âge", "العمر", "السن"],
        ["seeing"] = ["seeing", "wgSeeing", "vue", "voir", "الرؤية", "النظر"],
        ["hearing"] = ["hearing", "wgHearing", "ouïe", "audition", "entendre", "السمع"],
        ["walking"] = ["walking", "wgWalking", "marche", "marcher", "المشي"],
        ["remembering"] = ["remembering", "wgRemembering", "mémoire", "souvenir", "se souvenir", "التذكر"],
        ["selfCare"] = ["selfCare", "self-care", "wgSelfCare", "soins personnels", "prendre soin de soi", "العناية الذاتية"],
        ["communicating"] = ["communicating", "wgCommunicating", "communication", "communiquer", "التواصل"],
    };

    /// <summary>An age band as a form may write it: the band's code ("25-34", "25–34 ans", "65+"), "prefer not to say", or empty.</summary>
    public static bool TryParseBand(string value, IReadOnlyList<int> bounds, out string? band)
    {
        band = null;
        var key = Text.Key(value).Replace('–', '-').Replace(" ans", "").Replace(" years", "").Replace(" سنة", "").Replace(" ", "");
        if (key.Length == 0) return true;
        string Squeezed(string text) => Text.Key(text).Replace(" ", "");
        if (PreferNotToSayWords.Any(x => Squeezed(x) == key))
        {
            band = AgeBands.PreferNotToSay;
            return true;
        }
        if (key == Squeezed(AgeBands.PreferNotToSay)) { band = AgeBands.PreferNotToSay; return true; }
        var match = AgeBands.Codes(bounds).FirstOrDefault(c => c == key);
        band = match;
        return match is not null;
    }

    /// <summary>Reads the columns of one row; the problems name their column.</summary>
    public static (bool Consent, SelfDescription? About, List<(string Column, string Message)> Problems) Read(Func<string, string> cell, IReadOnlyList<int> bounds)
    {
        var problems = new List<(string, string)>();
        var consentText = cell("consent");
        var consent = false;
        switch (Text.Key(consentText))
        {
            case "yes" or "y" or "oui" or "o" or "1" or "true" or "x" or "نعم": consent = true; break;
            case "" or "no" or "n" or "non" or "0" or "false" or "لا": break;
            default: problems.Add(("consent", $"Consent is '{Text.Printable(consentText, max: 40)}'; use yes or no (oui/non).")); break;
        }
        string? band = null;
        var bandText = cell("ageBand");
        var ageText = cell("age").Trim();
        if (bandText.Length > 0)
        {
            if (!TryParseBand(bandText, bounds, out band))
                problems.Add(("ageBand", $"Unknown age band '{Text.Printable(bandText, max: 40)}'; use one of: {string.Join(", ", AgeBands.Codes(bounds))}, or prefer not to say."));
        }
        else if (ageText.Length > 0)
        {
            if (!int.TryParse(ageText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age) || AgeBands.ForAge(age, bounds) is not { } fromAge)
                problems.Add(("age", $"Age is '{Text.Printable(ageText, max: 40)}'; use a whole number from 0 to 120, or leave it empty."));
            else band = fromAge;
        }
        var answers = new Difficulty?[6];
        for (var i = 0; i < 6; i++)
        {
            var domain = Functioning.Domains[i];
            if (!Functioning.TryParse(cell(domain), out answers[i]))
                problems.Add((domain, $"'{Text.Printable(cell(domain), max: 40)}' is not an answer of the Washington Group Short Set; use 1 to 4, or no difficulty, some difficulty, a lot of difficulty, cannot do at all (French and Arabic too)."));
        }
        var about = new SelfDescription(band, Functioning.From(answers));
        if (about.Any && !consent && problems.Count == 0)
            problems.Add(("consent", "Age and functioning answers are kept only with the person's consent: this row's consent column is not yes."));
        return (consent, about.Any ? about : null, problems);
    }
}

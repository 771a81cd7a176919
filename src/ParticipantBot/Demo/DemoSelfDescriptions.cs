using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Demo;

/// <summary>
/// What some demo participants said about themselves on the RSVP page, after their consent: an age band suited to
/// their group and the Short Set, some skipped, some with a disability, so that the one-click report shows real tables.
/// Deterministic: the same demo every time.
/// </summary>
public static class DemoSelfDescriptions
{
    public static void Describe(IEnumerable<Participant> people, IReadOnlyList<int> bounds, DateTimeOffset now)
    {
        var i = 0;
        foreach (var person in people.Where(p => p.Consent is not null))
        {
            i++;
            if (i % 9 == 0) continue; // answered nothing: "not stated"
            string[] bands = person.Group switch
            {
                "youth" => ["15-17", "18-24", "18-24", "25-34"],
                "migrant" => ["18-24", "25-34", "25-34", "35-49"],
                "publicInstitution" => ["35-49", "50-64", "35-49", "25-34"],
                "expert" => ["35-49", "50-64", "65+", "35-49"],
                _ => ["25-34", "35-49", "18-24", "50-64"],
            };
            var band = i % 11 == 0 ? AgeBands.PreferNotToSay : bands[i % bands.Length];
            var none = Difficulty.NoDifficulty;
            var functioning = (i % 7) switch
            {
                0 => new Functioning(none, none, Difficulty.ALot, none, none, none),
                3 => new Functioning(Difficulty.Some, none, none, Difficulty.Some, none, none),
                5 when i % 10 == 5 => new Functioning(Difficulty.CannotDoAtAll, none, none, none, none, none),
                6 => new Functioning(none, null, none, null, none, none), // skipped two questions
                _ => new Functioning(none, none, none, none, none, none),
            };
            person.DescribeSelf(new SelfDescription(band, functioning), bounds, now);
        }
    }
}

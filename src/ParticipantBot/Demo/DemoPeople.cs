using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Demo;

/// <summary>The demo's fictional guest list: 72 people across the three Tangier sessions.</summary>
internal static class DemoPeople
{
    /// <summary>The Microsoft 365 Agents Playground's default users, as its built-in configuration lists them.</summary>
    public static readonly (string Name, string ObjectId, string Upn, string Email)[] PlaygroundUsers =
    [
        ("Alex Wilber", "00000000-0000-0000-0000-0000000000020", "alexw@example.com", "alexw@example.com"),
        ("Megan Bowen", "00000000-0000-0000-0000-0000000000021", "meganb@example.com", "meganb@example.com"),
        ("Adele Vance", "00000000-0000-0000-0000-0000000000022", "adelev@example.com", "adelev@example.com"),
        // The Playground gives Isaiah a UPN and an email that differ.
        ("Isaiah Langer", "00000000-0000-0000-0000-0000000000023", "isaiah@example.com", "isaiahl@example.com"),
        ("Patti Fernandez", "00000000-0000-0000-0000-0000000000024", "pattif@example.com", "pattif@example.com"),
        ("Lynne Robbins", "00000000-0000-0000-0000-0000000000025", "lynner@example.com", "lynner@example.com"),
    ];

    private static readonly (string Latin, string Arabic)[] WomenNames =
    [
        ("Fatima Zahra El Idrissi", "فاطمة الزهراء الإدريسي"), ("Khadija Benali", "خديجة بنعلي"), ("Salma Tazi", "سلمى التازي"),
        ("Nadia Amrani", "نادية العمراني"), ("Imane Bouzid", "إيمان بوزيد"), ("Hajar El Fassi", "هاجر الفاسي"),
        ("Meryem Alaoui", "مريم العلوي"), ("Souad Chraibi", "سعاد الشرايبي"), ("Latifa Berrada", "لطيفة برادة"),
        ("Houda Naciri", "هدى الناصري"), ("Asmae Kettani", "أسماء الكتاني"), ("Zineb Lahlou", "زينب لحلو"),
        ("Aicha Diallo", ""), ("Mariam Traoré", ""), ("Grace Okafor", ""), ("Awa Ndiaye", ""), ("Blessing Eze", ""),
        ("Nawal Bensaid", "نوال بنسعيد"), ("Rim Ait Taleb", "ريم آيت الطالب"), ("Sanae Idrissi Kaitouni", "سناء الإدريسي القيطوني"),
        ("Loubna Cherkaoui", "لبنى الشرقاوي"), ("Wafae Benjelloun", "وفاء بنجلون"), ("Ikram Zerouali", "إكرام الزروالي"),
        ("Ghita Lamrani", "غيثة اللمراني"), ("Hanane Ouali", "حنان الوالي"), ("Siham Bouayad", "سهام بوعياد"),
        ("Karima El Hajjaji", "كريمة الحجاجي"), ("Najat Rifi", "نجاة الريفي"), ("Oumaima Tounsi", "أميمة التونسي"),
        ("Fatou Camara", ""), ("Esther Nkemelu", ""), ("Aminata Keita", ""), ("Joy Adebayo", ""), ("Rokia Coulibaly", ""),
        ("Yasmina Berrouayel", "ياسمينة البروايل"), ("Chaimae Haddad", "شيماء حداد"), ("Btissam Jebari", "ابتسام الجباري"),
    ];

    private static readonly (string Latin, string Arabic)[] MenNames =
    [
        ("Youssef Bennani", "يوسف بناني"), ("Omar El Khatib", "عمر الخطيب"), ("Mehdi Sqalli", "مهدي السقلي"),
        ("Hamza Ouazzani", "حمزة الوزاني"), ("Karim Mansouri", "كريم المنصوري"), ("Rachid Tahiri", "رشيد الطاهري"),
        ("Anas Berrechid", "أنس برشيد"), ("Said Ziani", "سعيد الزياني"), ("Abdellah Rami", "عبد الله رامي"),
        ("Hicham Filali", "هشام الفيلالي"), ("Mohamed Amine Slaoui", "محمد أمين السلاوي"), ("Adil Bakkali", "عادل البقالي"),
        ("Moussa Koné", ""), ("Ibrahima Sow", ""), ("Emmanuel Mensah", ""), ("Samuel Adeyemi", ""), ("Jean-Paul Mbarga", ""),
        ("Ayoub Chaoui", "أيوب الشاوي"), ("Zakaria Benmoussa", "زكرياء بنموسى"), ("Ismail Kadiri", "إسماعيل القادري"),
        ("Othmane Bekkali", "عثمان البقالي"), ("Nabil Jaidi", "نبيل الجايدي"), ("Tarik Sefrioui", "طارق الصفريوي"),
        ("Yassine El Ouardi", "ياسين الوردي"), ("Khalid Amghar", "خالد أمغار"), ("Badr Hilali", "بدر الهلالي"),
        ("Soufiane Marzouk", "سفيان مرزوق"), ("Reda Benkirane", "رضا بنكيران"), ("Driss Alami", "إدريس العلمي"),
        ("Mamadou Diop", ""), ("Ousmane Traoré", ""), ("Kwame Asante", ""), ("Chinedu Okeke", ""), ("Abdoulaye Barry", ""),
        ("Amine Tazi Mokha", "أمين التازي موخا"), ("Hassan Ouchen", "حسن أوشن"), ("Mourad Lahbabi", "مراد الحبابي"),
    ];

    private static readonly string[] Institutions =
        ["Conseil régional Tanger-Tétouan-Al Hoceima", "AREF Tanger-Tétouan-Al Hoceima", "CRDH Tanger-Tétouan-Al Hoceima", "Wilaya de Tanger", "Direction régionale de la Jeunesse"];
    private static readonly string[] CivilSociety =
        ["Association Tanger Solidarité", "Réseau Enfance Nord", "Fondation Orient-Occident", "Observatoire des médias du Nord", "Association Darna"];
    private static readonly string[] Community =
        ["Conseil des jeunes de Tanger", "Collectif des migrants subsahariens", "Maison de quartier Bni Makada", "Association des jeunes leaders"];

    /// <summary>The 72 guests, 24 per session, by the stakeholder groups each session brings together.</summary>
    public static IEnumerable<(int Session, ParticipantDetails Details)> All()
    {
        var women = 0;
        var men = 0;
        for (var i = 0; i < 72; i++)
        {
            var session = i / 24 + 1;
            var k = i % 24;
            if (session == 1 && k < PlaygroundUsers.Length)
            {
                var u = PlaygroundUsers[k];
                yield return (1, new ParticipantDetails
                {
                    FullName = u.Name, Email = u.Email, TeamsObjectId = u.ObjectId, TeamsUpn = u.Upn,
                    Organisation = Institutions[k % Institutions.Length], Group = k % 3 == 2 ? "expert" : "publicInstitution",
                    Sex = k is 0 or 3 ? Sex.Male : Sex.Female, Language = k == 5 ? Language.En : Language.Fr,
                    Channel = k == 0 ? PreferredChannel.Both : PreferredChannel.Teams,
                });
                continue;
            }
            var female = (i * 7 + 3) % 5 < 2 || (session == 3 && k % 2 == 0);
            var (latin, arabic) = female ? WomenNames[women++ % WomenNames.Length] : MenNames[men++ % MenNames.Length];
            // Each person has a name of their own: the lists are longer than either sex's share of the 66.
            var round = (female ? women - 1 : men - 1) / (female ? WomenNames.Length : MenNames.Length);
            var name = round == 0 ? latin : $"{latin} {round + 1}";
            var group = session switch
            {
                1 => k % 6 == 5 ? "expert" : "publicInstitution",
                2 => k % 3 == 0 ? "expert" : "civilSociety",
                _ => (k % 3) switch { 0 => "youth", 1 => "migrant", _ => "community" },
            };
            var isMigrantFromAbroad = arabic.Length == 0;
            var language = isMigrantFromAbroad ? (k % 2 == 0 ? Language.En : Language.Fr) : (k % 4 == 1 ? Language.Ar : Language.Fr);
            var organisation = group switch
            {
                "publicInstitution" => Institutions[k % Institutions.Length],
                "civilSociety" or "expert" => CivilSociety[k % CivilSociety.Length],
                _ => Community[k % Community.Length],
            };
            var slug = new string(Text.Key(latin).Where(char.IsAsciiLetterOrDigit).ToArray());
            yield return (session, new ParticipantDetails
            {
                FullName = language == Language.Ar && arabic.Length > 0 ? arabic : name,
                FullNameAlt = language == Language.Ar ? name : arabic.Length > 0 ? arabic : null,
                Email = $"{slug}{(round == 0 ? "" : round + 1)}@example.org",
                Phone = $"+2126{(10000000 + i * 137):D8}",
                Organisation = organisation,
                Group = group,
                Sex = k % 11 == 10 ? Sex.NotStated : female ? Sex.Female : Sex.Male,
                Language = language,
                Channel = PreferredChannel.Email,
                Needs = new Needs(
                    Transport: session == 3 && k % 3 != 2,
                    Diet: k % 7 == 3 ? "végétarien" : k % 9 == 4 ? "sans gluten" : null,
                    Accessibility: k == 8 ? "fauteuil roulant" : null,
                    Interpretation: isMigrantFromAbroad && language == Language.En ? "English" : null),
            });
        }
    }
}

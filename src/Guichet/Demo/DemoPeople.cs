using System.Text;
using Guichet.Deliver.Cases;
using Guichet.Platform.Identifiers;

namespace Guichet.Demo;

/// A customer of the demo history: a person (national number) or a company (enterprise number),
/// fictional, with valid check digits so every page and rule accepts the number.
internal sealed record DemoCustomer(PartyKind Kind, string Number, string Name, string? Email, string Phone, string Address, string Language)
{
    public string FirstName => Kind == PartyKind.Person ? Name[..Name.IndexOf(' ', StringComparison.Ordinal)] : Name;
}

/// The people and companies of Hautrival and around, made from a seeded random source.
internal static class DemoPeople
{
    private static readonly string[] FrenchFirst =
    [
        "Marie", "Luc", "Sophie", "Julien", "Nathalie", "Thomas", "Isabelle", "Olivier", "Camille", "Nicolas", "Céline", "Pierre", "Aurélie",
        "Michel", "Amélie", "François", "Louise", "Hugo", "Chloé", "Maxime", "Élise", "Antoine", "Fatima", "Mohamed", "Yasmina", "Karim",
        "Monique", "André", "Jacqueline", "Christian", "Valérie", "Benoît", "Manon", "Quentin", "Sarah", "Kevin",
    ];

    private static readonly string[] FrenchLast =
    [
        "Lambert", "Dubois", "Martin", "Dupont", "Leroy", "Renard", "Lemaire", "Collard", "Jacquet", "Hubert", "Gilson", "Pirard", "Delvaux",
        "Noël", "Gérard", "Closset", "Henrard", "Marchal", "Bodart", "Lejeune", "Piron", "Laurent", "Mathieu", "Halleux", "Wauthier",
        "El Amrani", "Benali", "Lecomte", "Denis", "Simon", "François", "Thiry", "Mottet", "Warnier", "Jadot", "Bastin",
    ];

    private static readonly string[] DutchFirst = ["Jan", "Els", "Pieter", "An", "Koen", "Sofie", "Tom", "Lies", "Bart", "Griet", "Wout", "Hanne"];
    private static readonly string[] DutchLast = ["Peeters", "Janssens", "Maes", "Willems", "Claes", "Wouters", "Goossens", "De Smet", "Vermeulen", "Jacobs"];
    private static readonly string[] GermanFirst = ["Jürgen", "Anna", "Lukas", "Monika", "Stefan", "Claudia", "Jonas", "Petra"];
    private static readonly string[] GermanLast = ["Schmitz", "Kessler", "Heinen", "Pauels", "Cremer", "Langer", "Mreyen", "Küpper"];
    private static readonly string[] EnglishFirst = ["Emma", "James", "Olivia", "Daniel"];
    private static readonly string[] EnglishLast = ["Walsh", "Murphy", "Taylor", "O'Brien"];

    private static readonly string[] Streets =
    [
        "Rue du Village", "Rue de la Station", "Chaussée de Dinant", "Rue des Écoles", "Place communale", "Rue du Moulin", "Rue de la Forge",
        "Chemin des Prés", "Rue Saint-Martin", "Rue de l'Église", "Rue du Tilleul", "Allée des Hêtres", "Rue de Ciney", "Rue du Bois d'Anthée",
    ];

    private static readonly string[] Villages = ["Hautrival", "Hautrival", "Hautrival", "Hautrival-Bas", "Ferauge", "Sorinnes-le-Bois"];

    private static readonly string[] Trades =
    [
        "Menuiserie", "Boulangerie", "Garage", "Ferme", "Bureau d'études", "Transports", "Café", "Toiture", "Électricité", "Chauffage",
        "Pharmacie", "Boucherie", "Imprimerie", "Jardins", "Librairie",
    ];

    private static readonly string[] LegalForms = ["SRL", "SA", "SC", "SRL", "ASBL"];

    public static IReadOnlyList<DemoCustomer> Make(Random random, int persons, int companies)
    {
        var people = new List<DemoCustomer>();
        var numbers = new HashSet<string>();
        while (people.Count < persons)
        {
            var language = Pick(random, ["fr", "fr", "fr", "fr", "fr", "fr", "fr", "fr", "fr", "fr", "fr", "fr", "nl", "nl", "de", "en"]);
            var (firsts, lasts) = language switch
            {
                "nl" => (DutchFirst, DutchLast),
                "de" => (GermanFirst, GermanLast),
                "en" => (EnglishFirst, EnglishLast),
                _ => (FrenchFirst, FrenchLast),
            };
            var first = Pick(random, firsts);
            var last = Pick(random, lasts);
            var number = PersonNumber(random);
            if (!numbers.Add(number)) continue;
            var email = random.NextDouble() < 0.7 ? Mailbox(first + "." + last, people.Count, random) : null;
            people.Add(new DemoCustomer(PartyKind.Person, number, first + " " + last, email, Phone(random), Address(random), language));
        }
        while (people.Count < persons + companies)
        {
            var name = $"{Pick(random, Trades)} {Pick(random, FrenchLast)} {Pick(random, LegalForms)}";
            var number = CompanyNumber(random);
            if (!numbers.Add(number)) continue;
            people.Add(new DemoCustomer(PartyKind.Company, number, name, Mailbox("info." + name, people.Count, random), Phone(random), Address(random), "fr"));
        }
        return people;
    }

    /// A national number of someone born between 1940 and 2006: YYMMDD, a sequence, and the check
    /// digits of NationalNumber (the 2 prefix for those born from 2000).
    public static string PersonNumber(Random random)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 66 * 365));
        var n = long.Parse(birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + random.Next(1, 998).ToString("D3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var digits = n.ToString("D9", CultureInfo.InvariantCulture) + NationalNumber.CheckDigits(n, bornFrom2000: birth.Year >= 2000).ToString("D2", CultureInfo.InvariantCulture);
        return NationalNumber.Parse(digits).Digits; // proves the rule holds
    }

    /// An enterprise number (0xxx.xxx.xxx) with the check digits of EnterpriseNumber.
    public static string CompanyNumber(Random random)
    {
        var n = random.Next(2_000_000, 9_999_999);
        var digits = n.ToString("D8", CultureInfo.InvariantCulture) + EnterpriseNumber.CheckDigits(n).ToString("D2", CultureInfo.InvariantCulture);
        return EnterpriseNumber.Parse(digits).Digits;
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Address(Random random) =>
        $"{Pick(random, Streets)} {random.Next(1, 140).ToString(CultureInfo.InvariantCulture)}, 5395 {Pick(random, Villages)}";

    public static string Street(string address) => address[..address.IndexOf(',', StringComparison.Ordinal)];

    private static string Phone(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"+32 {Pick(random, new[] { "83", "82", "81", "470", "475", "486", "495" })} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}");

    /// An address at the example domains (RFC 2606), so no demo mail can reach anyone.
    private static string Mailbox(string name, int n, Random random)
    {
        var local = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) local.Append(char.ToLowerInvariant(c));
            else if (c is '.' or ' ' or '-' && local.Length > 0 && local[^1] != '.') local.Append('.');
        }
        return $"{local.ToString().Trim('.')}{n.ToString(CultureInfo.InvariantCulture)}@{Pick(random, new[] { "example.org", "example.net", "example.com" })}";
    }
}

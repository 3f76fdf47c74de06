using Guichet.Platform.Identifiers;

namespace Guichet.Deliver.Cases;

/// The number of a party, checked and normalised by the platform's identifiers: the national
/// number of a person (11 digits), the enterprise number of a company (10 digits).
internal static class PartyNumbers
{
    public static string? Normalize(PartyKind kind, string text, out string? error)
    {
        if (kind == PartyKind.Person)
            return NationalNumber.TryParse(text, out var person, out error) ? person.Digits : null;
        return EnterpriseNumber.TryParse(text, out var company, out error) ? company.Digits : null;
    }
}

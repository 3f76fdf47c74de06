namespace Guichet.Deliver.Cases;

/// Checks and normalises the number of a party (the Belgian national number of a person, the
/// enterprise number of a company), returning null and an error code when it is not valid.
internal static class PartyNumbers
{
    public static string? Normalize(PartyKind kind, string text, out string? error)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (kind == PartyKind.Company && digits.Length == 9) digits = "0" + digits;
        var expected = kind == PartyKind.Person ? 11 : 10;
        var allowed = text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ' ' or '/' || (kind == PartyKind.Company && c is 'B' or 'E' or 'b' or 'e'));
        if (!allowed || digits.Length != expected)
        {
            error = kind == PartyKind.Person ? "national-number-format" : "enterprise-number-format";
            return null;
        }
        var valid = kind == PartyKind.Person ? NationalNumberValid(digits) : EnterpriseNumberValid(digits);
        error = valid ? null : kind == PartyKind.Person ? "national-number-checksum" : "enterprise-number-checksum";
        return valid ? digits : null;
    }

    // 97 - (first nine digits mod 97); for people born from 2000 the nine digits are prefixed by 2.
    private static bool NationalNumberValid(string d)
    {
        var body = long.Parse(d[..9], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(d[9..], System.Globalization.CultureInfo.InvariantCulture);
        return 97 - (int)(body % 97) == check || 97 - (int)((2_000_000_000L + body) % 97) == check;
    }

    private static bool EnterpriseNumberValid(string d)
    {
        if (d[0] is not ('0' or '1')) return false;
        var body = long.Parse(d[..8], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(d[8..], System.Globalization.CultureInfo.InvariantCulture);
        return 97 - (int)(body % 97) == check;
    }
}

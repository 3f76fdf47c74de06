namespace Guichet.Platform.Identifiers;

/// A Belgian enterprise number (KBO / BCE, ondernemingsnummer / numéro d'entreprise): 10 digits
/// starting with 0 or 1, the last two being 97 - (the first 8 digits mod 97). Also the Belgian
/// VAT number once "BE" is put in front.
internal readonly record struct EnterpriseNumber
{
    public const string FormatError = "enterprise-number-format";
    public const string ChecksumError = "enterprise-number-checksum";

    /// The 10 digits, without separators.
    public string Digits { get; }

    private EnterpriseNumber(string digits) => Digits = digits;

    /// Accepts "0123.456.789", "0123456789", "BE0123456789", "BE 0123.456.789" and the old
    /// 9-digit form "123456789" (a 0 is put in front).
    public static bool TryParse(string? text, out EnterpriseNumber number, out string? error)
    {
        number = default;
        var digits = IdentifierText.DigitsOnly(text, allowPrefix: "BE");
        if (digits is { Length: 9 }) digits = "0" + digits;
        if (digits is null || digits.Length != 10 || digits[0] is not ('0' or '1'))
        {
            error = FormatError;
            return false;
        }
        var n = int.Parse(digits.AsSpan(0, 8), CultureInfo.InvariantCulture);
        if (CheckDigits(n) != int.Parse(digits.AsSpan(8, 2), CultureInfo.InvariantCulture))
        {
            error = ChecksumError;
            return false;
        }
        number = new EnterpriseNumber(digits);
        error = null;
        return true;
    }

    public static EnterpriseNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException($"Not a valid enterprise number ({error}).");

    /// The check digits of the first 8 digits <paramref name="n"/>.
    public static int CheckDigits(int n) => 97 - n % 97;

    /// 0123.456.789, as the Crossroads Bank for Enterprises writes it.
    public string Format() => $"{Digits[..4]}.{Digits[4..7]}.{Digits[7..]}";

    public override string ToString() => Format();
}

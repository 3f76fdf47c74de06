namespace Guichet.Platform.Identifiers;

/// A Belgian national number (rijksregisternummer / numéro de registre national, also the INSZ /
/// NISS social security number): YYMMDD, a 3-digit sequence and 2 check digits. The check digits
/// are 97 - (the first 9 digits mod 97); for people born from 2000 the 9 digits are prefixed with
/// a 2 first (2000000000 + n), which is also how the century is told. Bis numbers (people not in
/// the national register) add 20 or 40 to the month and are checked the same way.
internal readonly record struct NationalNumber
{
    public const string FormatError = "national-number-format";
    public const string ChecksumError = "national-number-checksum";

    /// The 11 digits, without separators.
    public string Digits { get; }

    /// Whether the check digits follow the rule for people born from 2000.
    public bool BornFrom2000 { get; }

    private NationalNumber(string digits, bool bornFrom2000)
    {
        Digits = digits;
        BornFrom2000 = bornFrom2000;
    }

    /// A bis number: the month carries +20 (sex unknown when it was given) or +40.
    public bool IsBis => Month >= 20;

    /// The birth date, when the number carries one (month and day may be 00 when it is unknown).
    public DateOnly? BirthDate
    {
        get
        {
            var month = Month % 20;
            var day = int.Parse(Digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
            var year = (BornFrom2000 ? 2000 : 1900) + int.Parse(Digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new DateOnly(year, month, day)
                : null;
        }
    }

    private int Month => int.Parse(Digits.AsSpan(2, 2), CultureInfo.InvariantCulture);

    /// Accepts the 11 digits bare or written with dots, dashes and spaces ("85.07.30-033.28").
    /// On failure <paramref name="error"/> is <see cref="FormatError"/> or <see cref="ChecksumError"/>.
    public static bool TryParse(string? text, out NationalNumber number, out string? error)
    {
        number = default;
        var digits = IdentifierText.DigitsOnly(text, allowPrefix: null);
        if (digits is null || digits.Length != 11 || !PlausibleMonthAndDay(digits))
        {
            error = FormatError;
            return false;
        }
        var n = long.Parse(digits.AsSpan(0, 9), CultureInfo.InvariantCulture);
        var check = int.Parse(digits.AsSpan(9, 2), CultureInfo.InvariantCulture);
        if (CheckDigits(n, bornFrom2000: false) == check) number = new NationalNumber(digits, false);
        else if (CheckDigits(n, bornFrom2000: true) == check) number = new NationalNumber(digits, true);
        else
        {
            error = ChecksumError;
            return false;
        }
        error = null;
        return true;
    }

    public static NationalNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException($"Not a valid national number ({error}).");

    /// The check digits of the first 9 digits <paramref name="n"/>.
    public static int CheckDigits(long n, bool bornFrom2000) => 97 - (int)((bornFrom2000 ? 2_000_000_000L + n : n) % 97);

    /// YY.MM.DD-XXX.CC, as printed on the identity card.
    public string Format() => $"{Digits[..2]}.{Digits[2..4]}.{Digits[4..6]}-{Digits[6..9]}.{Digits[9..]}";

    public override string ToString() => Format();

    // Month 00-12, or 20-32 / 40-52 for bis numbers; day 00-31 (00 when the date is unknown).
    private static bool PlausibleMonthAndDay(string digits)
    {
        var month = (digits[2] - '0') * 10 + (digits[3] - '0');
        var day = (digits[4] - '0') * 10 + (digits[5] - '0');
        return month % 20 <= 12 && month <= 52 && day <= 31;
    }
}

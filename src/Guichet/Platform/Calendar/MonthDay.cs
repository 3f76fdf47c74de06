namespace Guichet.Platform.Calendar;

/// A day that comes back every year, written "MM-DD" (regional days, seasonal periods).
/// 29 February is refused: a recurring day must exist in every year.
internal readonly record struct MonthDay
{
    public int Month { get; }
    public int Day { get; }

    public MonthDay(int month, int day)
    {
        if (!IsValid(month, day))
            throw new ArgumentOutOfRangeException(nameof(day), $"{month:00}-{day:00} is not a day that exists every year.");
        Month = month;
        Day = day;
    }

    public static bool TryParse(string? text, out MonthDay value)
    {
        value = default;
        if (text is null || text.Length != 5 || text[2] != '-') return false;
        if (!TryParseTwoDigits(text.AsSpan(0, 2), out var month) || !TryParseTwoDigits(text.AsSpan(3, 2), out var day)) return false;
        if (!IsValid(month, day)) return false;
        value = new MonthDay(month, day);
        return true;
    }

    public static MonthDay Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"\"{text}\" is not a yearly day written MM-DD.");

    public DateOnly InYear(int year) => new(year, Month, Day);

    /// Whether <paramref name="date"/> falls between <paramref name="from"/> and <paramref name="to"/>
    /// inclusive; when from is after to the span wraps over New Year (12-20 to 01-05).
    public static bool Covers(MonthDay from, MonthDay to, DateOnly date)
    {
        // Compare as MMDD numbers so that 29 February (0229) sorts between 0228 and 0301.
        var day = date.Month * 100 + date.Day;
        return from.Key <= to.Key
            ? from.Key <= day && day <= to.Key
            : day >= from.Key || day <= to.Key;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}");

    private int Key => Month * 100 + Day;

    private static bool IsValid(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && !(month == 2 && day == 29) && day <= DateTime.DaysInMonth(2001, month);

    private static bool TryParseTwoDigits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(span[0]) || !char.IsAsciiDigit(span[1])) return false;
        value = (span[0] - '0') * 10 + (span[1] - '0');
        return true;
    }
}

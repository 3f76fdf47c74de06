namespace Guichet.Platform.Calendar;

/// The ten Belgian legal holidays (loi du 4 janvier 1974 relative aux jours fériés).
internal static class BelgianHolidays
{
    public static readonly LocalizedText NewYear = LocalizedText.Of("Nouvel An", "Nieuwjaar", "Neujahr", "New Year's Day");
    public static readonly LocalizedText EasterMonday = LocalizedText.Of("Lundi de Pâques", "Paasmaandag", "Ostermontag", "Easter Monday");
    public static readonly LocalizedText LabourDay = LocalizedText.Of("Fête du Travail", "Dag van de Arbeid", "Tag der Arbeit", "Labour Day");
    public static readonly LocalizedText Ascension = LocalizedText.Of("Ascension", "Onze-Lieve-Heer-Hemelvaart", "Christi Himmelfahrt", "Ascension Day");
    public static readonly LocalizedText WhitMonday = LocalizedText.Of("Lundi de Pentecôte", "Pinkstermaandag", "Pfingstmontag", "Whit Monday");
    public static readonly LocalizedText NationalDay = LocalizedText.Of("Fête nationale", "Nationale feestdag", "Nationalfeiertag", "Belgian National Day");
    public static readonly LocalizedText Assumption = LocalizedText.Of("Assomption", "Onze-Lieve-Vrouw-Hemelvaart", "Mariä Himmelfahrt", "Assumption Day");
    public static readonly LocalizedText AllSaints = LocalizedText.Of("Toussaint", "Allerheiligen", "Allerheiligen", "All Saints' Day");
    public static readonly LocalizedText Armistice = LocalizedText.Of("Armistice", "Wapenstilstand", "Waffenstillstand", "Armistice Day");
    public static readonly LocalizedText Christmas = LocalizedText.Of("Noël", "Kerstmis", "Weihnachten", "Christmas Day");

    public static IReadOnlyList<DayOff> For(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            Holiday(new DateOnly(year, 1, 1), NewYear),
            Holiday(easter.AddDays(1), EasterMonday),
            Holiday(new DateOnly(year, 5, 1), LabourDay),
            Holiday(easter.AddDays(39), Ascension),
            Holiday(easter.AddDays(50), WhitMonday),
            Holiday(new DateOnly(year, 7, 21), NationalDay),
            Holiday(new DateOnly(year, 8, 15), Assumption),
            Holiday(new DateOnly(year, 11, 1), AllSaints),
            Holiday(new DateOnly(year, 11, 11), Armistice),
            Holiday(new DateOnly(year, 12, 25), Christmas),
        ];
    }

    /// Gregorian computus (the "anonymous" algorithm published by Meeus), applied proleptically
    /// to every year a DateOnly can hold.
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DayOff Holiday(DateOnly date, LocalizedText name) => new(date, name, DayOffKind.LegalHoliday);
}

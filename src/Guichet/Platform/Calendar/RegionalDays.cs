namespace Guichet.Platform.Calendar;

/// Names of the days off that regions, communities and public employers commonly add to the legal
/// holidays. Configuration gives only "MM-DD"; a day not listed here gets a generic name.
internal static class RegionalDays
{
    public static readonly LocalizedText Generic = LocalizedText.Of("Jour de congé", "Vrije dag", "Freier Tag", "Day off");

    private static readonly Dictionary<MonthDay, LocalizedText> Known = new()
    {
        [new(5, 8)] = LocalizedText.Of("Fête de la Région de Bruxelles-Capitale", "Feest van het Brussels Hoofdstedelijk Gewest", "Fest der Region Brüssel-Hauptstadt", "Brussels-Capital Region Day"),
        [new(7, 11)] = LocalizedText.Of("Fête de la Communauté flamande", "Feest van de Vlaamse Gemeenschap", "Fest der Flämischen Gemeinschaft", "Flemish Community Day"),
        [new(9, 27)] = LocalizedText.Of("Fête de la Communauté française", "Feest van de Franse Gemeenschap", "Fest der Französischen Gemeinschaft", "French Community Day"),
        [new(11, 2)] = LocalizedText.Of("Commémoration des défunts", "Allerzielen", "Allerseelen", "All Souls' Day"),
        [new(11, 15)] = LocalizedText.Of("Fête du Roi et de la Communauté germanophone", "Koningsdag en Feest van de Duitstalige Gemeenschap", "Festtag des Königs und Tag der Deutschsprachigen Gemeinschaft", "King's Feast and German-speaking Community Day"),
        [new(12, 26)] = LocalizedText.Of("Lendemain de Noël", "Tweede Kerstdag", "Zweiter Weihnachtstag", "Boxing Day"),
    };

    public static LocalizedText NameOf(MonthDay day) => Known.GetValueOrDefault(day, Generic);
}

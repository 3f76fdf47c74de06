using Guichet.Orient.Catalogue;

namespace Guichet.Improve.Processes.Pages.Staff;

/// How the inventory's pages write durations and shares in the reader's language.
internal static class ProcessText
{
    public static string Days(Texts t, int days, DayCount unit) =>
        t[unit == DayCount.Working ? "processes.working-days" : "processes.calendar-days", days];

    public static string Number(double? value) => value?.ToString("0.#", CultureInfo.CurrentCulture) ?? "—";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Appointments.Pages;

/// What the customer's pages share (booking, the manage link): the free slots of a service over
/// Days days from the day asked for, names in the page's language, and the problems shown next
/// to the fields, worded by their stable codes.
internal abstract class AppointmentPage(AppointmentSlots slots, Texts texts, TimeProvider time) : PageModel
{
    /// How many days of slots a page shows at once.
    public const int Days = 14;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    /// The day whose slots are shown (yyyy-MM-dd); by default the first day with a free slot.
    [BindProperty(SupportsGet = true, Name = "day")] public string? ChosenDay { get; set; }

    public AppointmentSlots.Offer? Offer { get; protected set; }
    public IReadOnlyList<Slot> FreeSlots { get; private set; } = [];
    public DateOnly FirstDay { get; private set; }

    /// The days of the period with free slots, and how many each has: the day picker. Only the
    /// chosen day's slots are listed, so the page stays short however many slots there are.
    public IReadOnlyList<(DateOnly Day, int Free)> SlotDays { get; private set; } = [];
    public DateOnly? ShownDay { get; private set; }
    public IReadOnlyList<Slot> DaySlots => ShownDay is { } d ? [.. FreeSlots.Where(s => BrusselsTime.LocalDate(s.Start) == d)] : [];
    public Dictionary<string, string> Errors { get; } = [];

    /// The fields of the details step and the texts of their labels.
    private static readonly Dictionary<string, string> FieldLabels = new()
    {
        ["name"] = "appointments.book.details.name",
        ["email"] = "appointments.book.details.email",
        ["phone"] = "appointments.book.details.phone",
        ["nationalNumber"] = "appointments.book.details.national-number",
    };

    /// The error summary: each problem after the name of the field it is about ("E-mail address:
    /// Complete this field."), so that two "Complete this field." can be told apart.
    public IReadOnlyDictionary<string, string> Summary =>
        Errors.ToDictionary(e => e.Key, e => FieldLabels.TryGetValue(e.Key, out var label) ? texts["appointments.error-line", texts[label], e.Value] : e.Value);

    public string Lang => Languages.Current;

    public string Resolve(LocalizedText text) => text.Resolve(Lang, Offer?.Counter.PrimaryLanguage ?? "fr").Text;

    protected AppointmentSlots Slots => slots;

    protected Texts Texts => texts;

    protected DateTimeOffset Now => time.GetUtcNow();

    /// The free slots of the offer from the day asked for (today at the earliest).
    protected async Task LoadSlotsAsync(AppointmentSlots.Offer offer, CancellationToken ct)
    {
        var today = BrusselsTime.LocalDate(Now);
        FirstDay = DateOnly.TryParseExact(From, "yyyy-MM-dd", out var f) && f > today ? f : today;
        FreeSlots = await slots.FreeAsync(offer, FirstDay, FirstDay.AddDays(Days - 1), ct);
        SlotDays = [.. FreeSlots.GroupBy(s => BrusselsTime.LocalDate(s.Start)).Select(g => (g.Key, g.Count()))];
        var asked = DateOnly.TryParseExact(ChosenDay, "yyyy-MM-dd", out var d) ? d : (DateOnly?)null;
        ShownDay = SlotDays.Any(s => s.Day == asked) ? asked : SlotDays.Count > 0 ? SlotDays[0].Day : null;
    }

    /// The message of a field's problem; a slot refused for another reason reads as "closed".
    protected string ErrorText(string code) => texts[code switch
    {
        "required" or "too-long" or "email-invalid" or "national-number-format" or "national-number-checksum" or "unknown-service" or "unknown-language"
            or "slot-taken" or "slot-in-past" or "slot-closed" or "slot-too-soon" or "slot-beyond-horizon"
            or "booking-limit-reached" => "appointments.error." + code,
        _ => "appointments.error.slot-closed",
    }];
}

using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Welcome.Appointments.Pages;

/// The customer's manage link: see the appointment, cancel it or move it to another free slot.
[EnableRateLimiting("public-forms")]
internal sealed class ManageModel(AppointmentSlots slots, AppointmentBook book, Texts texts, TimeProvider time) : PageModel
{
    [BindProperty] public DateTimeOffset? Start { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    public Appointment? Appointment { get; private set; }
    public AppointmentSlots.Offer? Offer { get; private set; }
    public IReadOnlyList<Slot> FreeSlots { get; private set; } = [];
    public DateOnly FirstDay { get; private set; }
    public string? Done { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public string Lang => Languages.Current;

    public string Resolve(LocalizedText text) => text.Resolve(Lang, Offer?.Counter.PrimaryLanguage ?? "fr").Text;

    public bool Changeable => Appointment is { IsActive: true } a && a.StartsAt > time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        var result = await book.CancelAsync(token, ct);
        if (result.Status == 404) return NotFound();
        if (!result.Ok) Errors["cancel"] = texts["appointments.error." + (result.Code == "appointment-cancelled" ? "appointment-cancelled" : "appointment-not-active")];
        else Done = texts["appointments.manage.cancelled"];
        await LoadAsync(token, ct);
        if (!result.Ok) Response.StatusCode = result.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(string token, CancellationToken ct)
    {
        var result = await book.RescheduleAsync(token, new RescheduleRequest(Start), ct);
        if (result.Status == 404) return NotFound();
        if (!result.Ok)
        {
            var code = result.InvalidParams.Count > 0 ? result.InvalidParams[0].Code : result.Code!;
            Errors["slot"] = texts[code is "appointment-cancelled" or "appointment-not-active" or "appointment-past" or "service-not-bookable"
                ? "appointments.error.appointment-not-active" : code == "required" ? "appointments.error.slot-required" : BookModel.ErrorKey(code)];
            Response.StatusCode = result.Status;
        }
        else Done = texts["appointments.manage.rescheduled"];
        await LoadAsync(token, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Appointment = await book.FindAsync(token, ct);
        if (Appointment is null) return false;
        Offer = await slots.OfferAsync(Appointment.ServiceId, ct);
        if (Offer is not null && Changeable)
        {
            var today = BrusselsTime.LocalDate(time.GetUtcNow());
            FirstDay = DateOnly.TryParseExact(From, "yyyy-MM-dd", out var f) && f > today ? f : today;
            FreeSlots = await slots.FreeAsync(Offer, FirstDay, FirstDay.AddDays(BookModel.Days - 1), ct);
        }
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Welcome.Appointments.Pages;

/// The customer's manage link: see the appointment, cancel it or move it to another free slot.
[EnableRateLimiting(SecureLink.GuessLimit)]
internal sealed class ManageModel(AppointmentSlots slots, AppointmentBook book, Texts texts, TimeProvider time, IOptions<Guichet.Platform.Mail.MailOptions> mailOptions) : AppointmentPage(slots, texts, time)
{
    [BindProperty] public DateTimeOffset? Start { get; set; }

    public Appointment? Appointment { get; private set; }
    public string? Done { get; private set; }

    public bool Changeable => Appointment is { IsActive: true } a && a.StartsAt > Now;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) is var status && status == StatusCodes.Status200OK ? Page() : StatusCode(status);

    /// The appointment as an iCalendar file to add to one's agenda (the same event as the mail's
    /// invitation: same UID and SEQUENCE; a cancelled one comes as a CANCEL).
    public async Task<IActionResult> OnGetIcsAsync(string token, CancellationToken ct)
    {
        var opened = await book.FindAsync(token, ct);
        if (opened.Record is not { } a) return StatusCode(opened.Status);
        if (await Slots.OfferAsync(a.ServiceId, ct) is not { } offer) return NotFound();
        var primary = offer.Counter.PrimaryLanguage;
        var ics = AppointmentMail.Ics(a, offer, offer.Service.Name.Resolve(a.Language, primary).Text, offer.Counter.Name.Resolve(a.Language, primary).Text,
            a.Status == AppointmentStatus.Cancelled ? AppointmentMail.IcsMethod.Cancel : AppointmentMail.IcsMethod.Publish, mailOptions.Value.FromAddress);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", AppointmentMail.IcsFileName);
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        var result = await book.CancelAsync(token, ct);
        if (result.Status is StatusCodes.Status404NotFound or StatusCodes.Status410Gone) return StatusCode(result.Status);
        if (!result.Ok) Errors["cancel"] = Texts["appointments.error." + (result.Code == "appointment-cancelled" ? "appointment-cancelled" : "appointment-not-active")];
        else Done = Texts["appointments.manage.cancelled"];
        await LoadAsync(token, ct);
        if (!result.Ok) Response.StatusCode = result.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(string token, CancellationToken ct)
    {
        var result = await book.RescheduleAsync(token, new RescheduleRequest(Start), ct);
        if (result.Status is StatusCodes.Status404NotFound or StatusCodes.Status410Gone) return StatusCode(result.Status);
        if (!result.Ok)
        {
            var code = result.InvalidParams.Count > 0 ? result.InvalidParams[0].Code : result.Code!;
            Errors["slot"] = code is "appointment-cancelled" or "appointment-not-active" or "appointment-past" or "service-not-bookable" ? Texts["appointments.error.appointment-not-active"]
                : code == "required" ? Texts["appointments.error.slot-required"] : ErrorText(code);
            Response.StatusCode = result.Status;
        }
        else Done = Texts["appointments.manage.rescheduled"];
        await LoadAsync(token, ct);
        return Page();
    }

    /// The appointment of the link (200), or why not (404 unknown, 410 gone).
    private async Task<int> LoadAsync(string token, CancellationToken ct)
    {
        var opened = await book.FindAsync(token, ct);
        Appointment = opened.Record;
        if (Appointment is null) return opened.Status;
        Offer = await Slots.OfferAsync(Appointment.ServiceId, ct);
        if (Offer is not null && Changeable) await LoadSlotsAsync(Offer, ct);
        return StatusCodes.Status200OK;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Welcome.Appointments.Pages;

/// Booking without an account, one question per page: the service, then the slot, then who comes;
/// then the confirmation with the manage link. Steps are told apart by what the query carries,
/// so the back button and a bookmark work without any session state.
[EnableRateLimiting(RateLimits.Booking)]
internal sealed class BookModel(AppointmentSlots slots, AppointmentBook book, AppointmentMail mail, Texts texts, TimeProvider time) : AppointmentPage(slots, texts, time)
{
    [BindProperty(SupportsGet = true)] public Guid? Service { get; set; }
    [BindProperty(SupportsGet = true)] public DateTimeOffset? Start { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? NationalNumber { get; set; }
    // A field people do not see; robots fill it in.
    [BindProperty] public string? Website { get; set; }

    public string Step { get; private set; } = "service";
    public IReadOnlyList<AppointmentSlots.Offer> Offers { get; private set; } = [];
    public Appointment? Booked { get; private set; }
    public string? ManageUrl { get; private set; }
    public string? IcsUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A slot that cannot be booked (past, too soon, beyond the horizon, closed, full) is
        // refused here, on the slot step, before the person types anything.
        if (Step == "details" && await SlotRefusalAsync(ct) is { } refusal)
        {
            Errors["slot"] = ErrorText(refusal.Code);
            await LoadAsync(ct);
            Response.StatusCode = refusal.Status;
        }
        return Page();
    }

    private async Task<Refusal?> SlotRefusalAsync(CancellationToken ct)
    {
        var start = Start!.Value.ToUniversalTime();
        var code = AppointmentSlots.Code(Slots.Validate(Offer!, start, out _));
        if (code is not null) return new Refusal(StatusCodes.Status422UnprocessableEntity, code, "");
        return await Slots.HasFreeSeatAsync(Offer!, start, ct) ? null : AppointmentRefusals.SlotTaken;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            Step = "robot"; // say nothing to a robot, store nothing
            return Page();
        }
        var result = await book.BookAsync(new BookingRequest(Service, Start, Name, Email, Phone, Lang, NationalNumber), ct);
        if (result.Value is { } booked)
        {
            Booked = booked.Appointment;
            ManageUrl = mail.ManageUrl(booked.Token);
            IcsUrl = $"/appointments/manage/{booked.Token}?handler=ics";
            Offer = await Slots.OfferAsync(Booked.ServiceId, ct);
            Step = "done";
            return Page();
        }
        // The cap per person is about who comes, not about the slot.
        var refusedField = result.Code == AppointmentRefusals.LimitReached.Code ? "email" : "start";
        foreach (var e in result.InvalidParams.Count > 0 ? result.InvalidParams : [new Platform.Web.InvalidParam(refusedField, result.Code!, "")])
            Errors.TryAdd(e.Name == "start" ? "slot" : e.Name, ErrorText(e.Code));
        await LoadAsync(ct);
        Response.StatusCode = result.Status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Service is { } id) Offer = await Slots.OfferAsync(id, ct);
        if (Offer is null)
        {
            Step = "service";
            Offers = await Slots.OffersAsync(ct);
            return;
        }
        if (Start is null || Errors.ContainsKey("slot"))
        {
            Step = "slot";
            await LoadSlotsAsync(Offer, ct);
            return;
        }
        Step = "details";
    }
}

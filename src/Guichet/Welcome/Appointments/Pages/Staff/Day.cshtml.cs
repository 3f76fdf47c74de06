using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Appointments.Pages.Staff;

/// The counter's day: the appointments of one office, with check-in and no-show buttons.
internal sealed class DayModel(GuichetDb db, AppointmentBook book, CatalogueDirectory catalogue, Texts texts, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public DateOnly Day { get; private set; }
    public IReadOnlyList<CatalogueDirectory.CounterEntry> Counters { get; private set; } = [];
    public List<DayEntry> Items { get; private set; } = [];
    public string? Message { get; private set; }

    public string Lang => Languages.Current;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct)
    {
        var result = await book.CheckInAsync(id, User, ct);
        var done = result.Value?.QueueTicketCode is null ? "appointments.day.checked-in-no-ticket" : "appointments.day.checked-in-ticket";
        return await StepAsync(result, done, ct);
    }

    public async Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken ct) => await StepAsync(await book.NoShowAsync(id, User, ct), "appointments.day.no-show-recorded", ct);

    private async Task<IActionResult> StepAsync(Result<Appointment> result, string doneKey, CancellationToken ct)
    {
        Message = result.Value is { } a ? texts[doneKey, a.Name, a.QueueTicketCode ?? ""] : texts["appointments.error." + (result.Code is "appointment-not-started" ? "appointment-not-started" : "appointment-not-active")];
        if (!result.Ok) Response.StatusCode = result.Status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var channelIds = await db.Set<AppointmentService>().AsNoTracking().Select(s => s.ChannelId).Distinct().ToListAsync(ct);
        Counters = await catalogue.CountersAsync(channelIds, ct);
        Channel ??= Counters.FirstOrDefault()?.Id;
        Day = DateOnly.TryParseExact(Date, "yyyy-MM-dd", out var d) ? d : BrusselsTime.LocalDate(time.GetUtcNow());
        Items = Channel is null ? [] : await book.DayAsync(Channel, Day, Lang, ct);
    }
}

using Guichet.Orient.Catalogue;
using Guichet.Platform.Web.Forms;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.Contacts.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints.Pages.Staff;

/// Front-office staff register a complaint received at the counter, by phone, by letter or by
/// e-mail: the channel, the customer (a validated national or enterprise number, or anonymous),
/// the unit and case it is about, the category and the language. The same use case as the API
/// (complaint and contact in one transaction, acknowledged by e-mail when an address is given).
internal sealed class NewModel(ComplaintWork work, CatalogueDirectory catalogue, Texts texts, TimeProvider time, IOptions<ComplaintOptions> options) : PageModel
{
    /// The channels a complaint is registered through by staff (the web form has its own page).
    public static readonly ContactChannel[] Channels = [ContactChannel.Counter, ContactChannel.Phone, ContactChannel.Letter, ContactChannel.Email];

    public FieldErrors Errors { get; } = new(texts, "complaints");
    public IReadOnlyList<FormChoice> Categories => [.. options.Value.CategoryCodes.Select(c => new FormChoice(c, texts["complaints.category." + c]))];
    public IReadOnlyList<FormChoice> ChannelChoices => [.. Channels.Select(c => new FormChoice(EnumCodes.Code(c), ContactDisplay.Name(texts, "channel", c)))];
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public string? CustomerKind { get; set; }
    [BindProperty] public string? CustomerNumber { get; set; }
    [BindProperty] public string? CustomerName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? UnitId { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Description { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Channel = "counter";
        CustomerKind = "person";
        Language = Languages.Current;
        ReceivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var own = new List<InvalidParam>();
        var now = time.GetUtcNow();
        DateTimeOffset? receivedAt = null;
        if (string.IsNullOrWhiteSpace(ReceivedOn)) own.Add(new("receivedOn", "required", "The day the complaint arrived."));
        else if (!DateOnly.TryParseExact(ReceivedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) own.Add(new("receivedOn", "invalid-date", "Not a date."));
        else if (day > Today) own.Add(new("receivedOn", "date-in-future", "A complaint cannot arrive in the future."));
        // Received today: now; an earlier day: during that day (only the day counts for the deadlines).
        else receivedAt = day == Today ? now : BrusselsTime.ToInstant(day, new TimeOnly(12, 0));
        var unit = ContactEntryForm.UnitIdOf(Blank(UnitId), "unitId", own);
        var request = new RegisterComplaintRequest(Blank(Channel), receivedAt, Blank(CustomerKind), Blank(CustomerNumber), Blank(CustomerName), Blank(Email), Blank(Phone),
            Blank(Address), Blank(Language), Blank(Category), Blank(Subject), Blank(Description), null, unit, Blank(CaseNumber));
        var result = await work.RegisterAsync(User, request, ct, alsoWrong: own, from: "staff");
        if (result.Value is { } r) return Redirect($"/staff/complaints/{r.Complaint.Id}?done=registered");
        await LoadAsync(ct);
        if (result.InvalidParams.Count > 0) Errors.Add(result.InvalidParams);
        else Errors.AddGeneral(result.Code ?? "invalid-value");
        Response.StatusCode = result.Status;
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task LoadAsync(CancellationToken ct) => Units = ContactDisplay.UnitChoices(await catalogue.OwnUnitsAsync(ct));
}

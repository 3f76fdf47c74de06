using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// A phone call registered while it happens, keyboard only: who calls, about what, which service
/// (found by the inline search, which re-renders the form with what was typed), and what came of
/// it, in one form and one transaction.
internal sealed class PhoneModel(ContactRegister register, ServiceSearch search, CatalogueDirectory catalogue, Texts texts) : PageModel, IContactEntryPage
{
    public ContactEntryForm Values { get; private set; } = new();
    public FieldErrors Errors { get; } = new(texts, "contacts");
    public IReadOnlyList<ServiceSummary> Hits { get; private set; } = [];
    public ServiceSummary? Chosen { get; private set; }
    public bool Searched { get; private set; }
    public string SearchAction => "/staff/contacts/phone?handler=search";
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    /// The call just saved, for the confirmation.
    public Guid? Saved { get; private set; }

    public async Task OnGetAsync(Guid? saved, CancellationToken ct)
    {
        Saved = saved;
        Values = new ContactEntryForm { CustomerKind = "person", Language = Languages.Current, Outcome = "answered" };
        await LoadAsync(ct);
    }

    /// The search button: the same form again, with the services found.
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        Values = ContactEntryForm.Read(Request.Form);
        Searched = Values.Q is not null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Values = ContactEntryForm.Read(Request.Form);
        await LoadAsync(ct);
        var own = new List<InvalidParam>();
        var request = Values.Request("phone", null, own);
        // Routed or a call-back promised without a unit chosen: the unit of the chosen service.
        Guid? outcomeUnit = null;
        if (Values.OutcomeUnitId is null) outcomeUnit = Chosen is { Referral: false } c ? c.UnitId : null;
        else if (Guid.TryParse(Values.OutcomeUnitId, out var u)) outcomeUnit = u;
        else own.Add(new("outcome.unitId", "unknown-id", "Not a unit id."));
        var outcome = new OutcomeRequest(Values.Outcome, outcomeUnit, request.ServiceId, null);
        var result = await register.RegisterAsync(User, request, ct, outcome: outcome, alsoWrong: own);
        if (result.Value is { } contact) return Redirect($"/staff/contacts/phone?saved={contact.Id}");
        Errors.Add(result.InvalidParams, Anchor);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // The referral's service is the service chosen in the search.
    private static string Anchor(string name) => name == "outcome.serviceId" ? "serviceId" : name;

    private async Task LoadAsync(CancellationToken ct)
    {
        (Hits, Chosen) = await ContactEntry.ServicesAsync(search, Values, ct);
        Units = ContactDisplay.UnitChoices(await catalogue.OwnUnitsAsync(ct));
    }
}

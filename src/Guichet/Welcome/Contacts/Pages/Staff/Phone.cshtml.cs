using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// A phone call registered while it happens, keyboard only: who calls, about what, which service
/// (found by the inline search, which re-renders the form with what was typed), and what came of
/// it, in one form and one transaction.
internal sealed class PhoneModel(ContactRegister register, ServiceSearch search, CatalogueDirectory catalogue, Texts texts) : ContactEntryPage(search, catalogue, texts)
{
    public override string SearchAction => "/staff/contacts/phone?handler=search";

    /// The call just saved, for the confirmation.
    public Guid? Saved { get; private set; }

    public async Task OnGetAsync(Guid? saved, CancellationToken ct)
    {
        Saved = saved;
        Values = new ContactEntryForm { CustomerKind = "person", Language = Languages.Current, Outcome = "answered" };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReadFormAsync(ct);
        var own = new List<InvalidParam>();
        var request = Values.Request("phone", null, own);
        // Routed or a call-back promised without a unit chosen: the unit of the chosen service.
        var outcomeUnit = Values.OutcomeUnitId is null ? (Chosen is { Referral: false } c ? c.UnitId : null) : ContactEntryForm.UnitIdOf(Values.OutcomeUnitId, "outcome.unitId", own);
        var outcome = new OutcomeRequest(Values.Outcome, outcomeUnit, request.ServiceId, null);
        var result = await register.RegisterAsync(User, request, ct, outcome: outcome, alsoWrong: own);
        return result.Value is { } contact ? Redirect($"/staff/contacts/phone?saved={contact.Id}") : Refused(result.InvalidParams, Anchor);
    }

    // The referral's service is the service chosen in the search.
    private static string Anchor(string name) => name == "outcome.serviceId" ? "serviceId" : name;
}

using Guichet.Deliver.Cases.Pages;
using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Deliver.Advice.Pages;

/// Advice between units, seen from a unit: what it is asked (to answer here, since the case itself
/// stays with the unit handling it), what it asked, and the agreements kept and broken per pair of
/// units. Overdue advice shows on both sides.
internal sealed class AdviceModel(AdviceWork work, GuichetDb db, CatalogueDirectory catalogue, Texts texts) : CaseWorkPage(texts)
{
    public IReadOnlyList<AdviceRequest> Incoming { get; private set; } = [];
    public IReadOnlyList<AdviceRequest> Outgoing { get; private set; } = [];
    public IReadOnlyList<AgreementResponse> Agreements { get; private set; } = [];
    /// The user's unit; null for an admin without one, who sees every request as "incoming".
    public Guid? Unit { get; private set; }
    public DateOnly Today => work.Today;
    /// The request whose answer failed, and what was typed.
    public Guid? Failed { get; private set; }
    public string? Typed { get; private set; }
    public bool Given { get; private set; }

    public async Task OnGetAsync(bool? given, CancellationToken ct)
    {
        Given = given == true;
        await LoadAsync(ct);
    }

    [RequiresAct(Acts.AdviceGive)]
    public async Task<IActionResult> OnPostAnswerAsync(Guid adviceId, CancellationToken ct)
    {
        var answer = Request.Form["answer"].ToString();
        var result = await work.GiveAsync(User, adviceId, new GiveAdviceRequest(answer), ct);
        if (result.Value is not null) return Redirect("/staff/advice?given=true");
        Failed = adviceId;
        Typed = answer;
        if (Refused(result, name => $"{name}-{adviceId}", $"answer-{adviceId}") is { } notFound) return notFound;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit = StaffClaims.UnitOf(User);
        var visible = await work.Visible(User).OrderBy(a => a.DueOn).Take(500).ToListAsync(ct);
        Incoming = [.. visible.Where(a => Unit is not { } u || a.ToUnitId == u).OrderBy(a => a.AnsweredAt is not null).ThenBy(a => a.DueOn)];
        Outgoing = Unit is { } mine ? [.. visible.Where(a => a.FromUnitId == mine).OrderBy(a => a.AnsweredAt is not null).ThenBy(a => a.DueOn)] : [];
        Agreements = await work.AgreementsAsync(User, ct);
        Units = await CaseDisplay.UnitNamesAsync(catalogue, visible.SelectMany(a => new[] { a.FromUnitId, a.ToUnitId }).Concat(Agreements.SelectMany(a => new[] { a.FromUnitId, a.ToUnitId })).Distinct(), "fr", ct);
        Staff = await CaseDisplay.StaffNamesAsync(db, visible.Select(a => a.RequestedBy).Concat(visible.Select(a => a.AnsweredBy).OfType<string>()).Select(CaseDisplay.StaffIdOf).OfType<Guid>(), ct);
    }
}

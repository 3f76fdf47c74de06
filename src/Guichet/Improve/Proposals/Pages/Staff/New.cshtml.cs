using Microsoft.AspNetCore.Mvc;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// Makes a proposal in two steps without JavaScript: the service first (its declared process
/// gives the steps), then the proposal. A link from a figure (?kpi=&evidence=) or from a process
/// page (?serviceId=) fills in what it knows.
internal sealed class NewModel(ProposalWork work, Texts texts) : ProposalFormPage(work, texts)
{
    [BindProperty(SupportsGet = true)] public Guid? ServiceId { get; set; }

    public override string Action => $"/staff/improve/proposals/new?serviceId={ServiceId}";
    public override string Submit => Texts["proposals.new.submit"];

    public async Task<IActionResult> OnGetAsync(string? kpi, string? evidence, string? step, CancellationToken ct)
    {
        await LoadAsync(ct);
        KpiCode = kpi;
        Evidence = evidence;
        Step = step;
        if (Service is not null && Choices.Units.Count == 1) OwnerUnitId = Choices.Units[0].Id.ToString();
        return Page();
    }

    [RequiresAct(Acts.ProposalManage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var request = Read(ServiceId);
        var result = await Work.MakeAsync(User, request, ct);
        if (result.Value is { } made) return Redirect($"/staff/improve/proposals/{made.Id}?done=made");
        Show(result);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Choices = await Work.ChoicesAsync(User, ct);
        Service = Choices.Services.FirstOrDefault(s => s.Id == ServiceId);
    }
}

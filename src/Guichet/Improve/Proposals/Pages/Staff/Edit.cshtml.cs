using Microsoft.AspNetCore.Mvc;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// Revises an open proposal (its service stays).
internal sealed class EditModel(ProposalWork work, Texts texts) : ProposalFormPage(work, texts)
{
    public ProposalView View { get; private set; } = null!;

    public override string Action => $"/staff/improve/proposals/{View.Proposal.Id}/edit";
    public override string Submit => Texts["proposals.edit.submit"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!View.Proposal.IsOpen) return Redirect($"/staff/improve/proposals/{id}");
        Fill(View.Proposal.Content);
        return Page();
    }

    [RequiresAct(Acts.ProposalManage)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var request = Read(null);
        var result = await Work.ReviseAsync(User, id, request, ct);
        if (result.Value is not null) return Redirect($"/staff/improve/proposals/{id}?done=revised");
        if (result.Status == StatusCodes.Status404NotFound) return NotFound();
        Show(result);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await Work.ViewAsync(User, id, ct)).Value is not { } view) return false;
        View = view;
        Choices = await Work.ChoicesAsync(User, ct);
        // The steps of the service's current declared process (its service may have lost it since).
        Service = Choices.Services.FirstOrDefault(s => s.Id == view.Proposal.ServiceId) ?? new ProposalService(view.Proposal.ServiceId, view.Proposal.OrganisationId, view.Service, []);
        return true;
    }
}

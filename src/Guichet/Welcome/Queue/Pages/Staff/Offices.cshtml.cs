using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages.Staff;

/// Administrators: the offices that run a queue, and starting one at a counter of the catalogue.
[Authorize(Policy = Acts.QueueSetUp)]
internal sealed class OfficesModel(GuichetDb db, CatalogueDirectory catalogue, QueueSetup setup) : PageModel
{
    public List<OfficeView> Offices { get; private set; } = [];
    public List<(Guid Id, string Name)> FreeCounters { get; private set; } = [];
    public bool Invalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid? channel, CancellationToken ct)
    {
        var result = await setup.CreateOfficeAsync(channel, [], User, ct);
        if (result.Value is { } office) return Redirect($"/staff/queue/offices/{office.Id}?done=created");
        Invalid = true;
        await LoadAsync(ct);
        Response.StatusCode = result.Status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Offices = await OfficeView.LoadAsync(db, catalogue, db.Set<QueueOffice>(), ct);
        var taken = Offices.Select(o => o.Office.ChannelId).ToHashSet();
        FreeCounters = [.. (await catalogue.CountersOfOrganisationAsync(null, ct)).Where(c => !taken.Contains(c.Id))
            .Select(c => (c.Id, QueuePage.Name(c))).OrderBy(c => c.Item2, StringComparer.CurrentCultureIgnoreCase)];
    }
}

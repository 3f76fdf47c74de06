using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Public.Pages;

/// One organisation: what it is, its units, how to reach it (open now or not) and its services.
internal sealed class OrganisationModel(PublicCatalogue catalogue, WorkingCalendar calendar, TimeProvider time, Texts texts) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public Shown Name { get; private set; } = null!;
    public Shown? Description { get; private set; }
    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];
    public IReadOnlyList<ServiceGlance> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await catalogue.OrganisationAsync(slug, ct);
        if (page is null) return NotFound();
        Organisation = page.Organisation;
        var primary = Organisation.PrimaryLanguage;
        Name = Shown.Of(Organisation.Name, primary);
        Description = Shown.OfOptional(Organisation.Description, primary);
        Units = UnitTree.Order(page.Units, primary);
        var now = time.GetUtcNow();
        Channels = [.. page.Channels.Select(c => ChannelView.From(c, primary, now, calendar, texts, detailed: false))];
        Services = [.. page.Services.Select(e => ServiceGlance.From(e, now, calendar, texts))];
        return Page();
    }
}

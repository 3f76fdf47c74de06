using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// The editor's start page: the organisations they may change, each with its services.
internal sealed class OverviewModel(GuichetDb db, CatalogueWork work) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<(Organisation Organisation, IReadOnlyList<PublicService> Services)> Groups { get; private set; } = [];
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await work.ScopeOfAsync(User, ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToListAsync(ct);
        Organisations = [.. organisations.Where(o => scope.Covers(o.Id)).OrderBy(o => o.External).ThenBy(o => o.Slug, StringComparer.Ordinal)];

        var status = Enum.TryParse<ServiceStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (ServiceStatus?)null;
        Status = status?.ToString().ToLowerInvariant();
        var shown = Organisations.Where(o => Organisation is null || o.Id == Organisation).ToList();
        var ids = shown.Select(o => o.Id).ToList();
        var query = db.Set<PublicService>().AsNoTracking().Where(x => ids.Contains(x.OrganisationId));
        if (status is { } st) query = query.Where(x => x.Status == st);
        var services = (await query.ToListAsync(ct)).ToLookup(x => x.OrganisationId);
        Groups = [.. shown.Select(o => (o, (IReadOnlyList<PublicService>)[.. services[o.Id].OrderBy(x => x.Content.Name.Resolve(Languages.Current, o.PrimaryLanguage).Text, StringComparer.CurrentCultureIgnoreCase)]))];
    }
}

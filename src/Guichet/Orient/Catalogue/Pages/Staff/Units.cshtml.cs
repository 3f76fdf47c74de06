namespace Guichet.Orient.Catalogue.Pages.Staff;

internal sealed class UnitsModel(GuichetDb db, CatalogueWork work) : OrganisationPageModel(work)
{
    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) =>
        Units = UnitTree.Order(await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == Organisation.Id).ToListAsync(ct), Organisation.PrimaryLanguage);
}

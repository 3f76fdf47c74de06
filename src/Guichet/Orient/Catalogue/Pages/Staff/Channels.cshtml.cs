namespace Guichet.Orient.Catalogue.Pages.Staff;

internal sealed class ChannelsModel(GuichetDb db, CatalogueWork work) : OrganisationPageModel(work)
{
    public IReadOnlyList<Channel> Channels { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Unit> Units { get; private set; } = new Dictionary<Guid, Unit>();

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Channels = await StaffPage.ChannelsAsync(db, Organisation, ct);
        Units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == Organisation.Id).ToDictionaryAsync(u => u.Id, ct);
    }
}

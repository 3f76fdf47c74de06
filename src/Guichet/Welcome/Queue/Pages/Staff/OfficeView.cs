using Guichet.Orient.Catalogue;
using Guichet.Welcome.Queue.Pages;

namespace Guichet.Welcome.Queue.Pages.Staff;

/// The offices a staff member works at, with names, services and desks, for the staff pages.
internal sealed class OfficeView
{
    public required QueueOffice Office { get; init; }
    public required string Name { get; init; }
    public required List<(OfficeService Line, string Name)> Lines { get; init; }
    public required List<QueueDesk> Desks { get; init; }

    public string ServiceName(Guid serviceId) => Lines.FirstOrDefault(l => l.Line.ServiceId == serviceId).Name ?? "";

    public string? Letter(Guid serviceId) => Lines.FirstOrDefault(l => l.Line.ServiceId == serviceId).Line?.Letter;

    public static async Task<List<OfficeView>> LoadAsync(GuichetDb db, CatalogueDirectory catalogue, IQueryable<QueueOffice> offices, CancellationToken ct)
    {
        var list = await offices.AsNoTracking().ToListAsync(ct);
        var ids = list.Select(o => o.Id).ToList();
        var lines = await db.Set<OfficeService>().AsNoTracking().Where(l => ids.Contains(l.OfficeId)).OrderBy(l => l.Position).ToListAsync(ct);
        var desks = await db.Set<QueueDesk>().AsNoTracking().Where(d => ids.Contains(d.OfficeId)).OrderBy(d => d.Number).ToListAsync(ct);
        var channels = (await catalogue.ChannelsAsync(list.Select(o => o.ChannelId), ct)).ToDictionary(c => c.Id);
        var services = (await catalogue.ServicesAsync(lines.Select(l => l.ServiceId), ct)).ToDictionary(s => s.Id);
        return [.. list.Select(o => new OfficeView
        {
            Office = o,
            Name = QueuePage.Name(channels.GetValueOrDefault(o.ChannelId)),
            Lines = [.. lines.Where(l => l.OfficeId == o.Id).Select(l => (l, QueuePage.Name(services.GetValueOrDefault(l.ServiceId))))],
            Desks = [.. desks.Where(d => d.OfficeId == o.Id)],
        }).OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}

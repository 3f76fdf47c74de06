using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Search;

/// Whether a service can be reached in person or by phone right now: the first counter, else the
/// first phone line, that has opening hours (holidays and closures included).
internal sealed record OpenNowSummary(Guid ChannelId, ChannelKind ChannelKind, bool IsOpen, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening)
{
    public static OpenNowSummary? For(CatalogueEntry entry, DateTimeOffset now, WorkingCalendar calendar)
    {
        var channel = entry.Channels.FirstOrDefault(c => c.Kind == ChannelKind.Counter && c.OpeningHours is not null)
            ?? entry.Channels.FirstOrDefault(c => c.Kind == ChannelKind.Phone && c.OpeningHours is not null);
        if (channel is null) return null;
        var status = channel.OpeningHours!.Status(now, calendar);
        return new OpenNowSummary(channel.Id, channel.Kind, status.IsOpen, status.ClosesAt, status.NextOpening);
    }
}

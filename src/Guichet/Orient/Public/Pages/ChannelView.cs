using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Public.Pages;

/// A channel as the service and organisation pages show it: how to reach it and, for a counter
/// or a phone line, whether it is open now and its coming days.
internal sealed record ChannelView(
    Channel Channel,
    Shown Name,
    Shown? City,
    OpenNowText? Status,
    IReadOnlyList<HoursDay> NextDays,
    IReadOnlyList<HoursDay> Exceptions,
    IReadOnlyList<HoursPeriod> Periods,
    bool Detailed)
{
    /// The estimated wait now at this counter (IWaitingTimes), when a queue gives one.
    public int? WaitMinutes { get; init; }

    public string Id => "channel-" + Channel.Id.ToString("N")[..12];

    public static ChannelView From(Channel channel, string primaryLanguage, DateTimeOffset now, WorkingCalendar calendar, Texts texts, bool detailed)
    {
        var hours = channel.Kind is ChannelKind.Counter or ChannelKind.Phone ? channel.OpeningHours : null;
        return new ChannelView(
            channel,
            Shown.Of(channel.Name, primaryLanguage),
            channel.Address is { } a ? Shown.Of(a.City, primaryLanguage) : null,
            hours is null ? null : ChannelHours.Now(hours, primaryLanguage, now, calendar, texts),
            hours is null || !detailed ? [] : ChannelHours.NextDays(hours, primaryLanguage, now, calendar),
            hours is null || !detailed ? [] : ChannelHours.ComingExceptions(hours, primaryLanguage, now, calendar),
            hours is null || !detailed ? [] : ChannelHours.Periods(hours, primaryLanguage, texts),
            detailed);
    }
}

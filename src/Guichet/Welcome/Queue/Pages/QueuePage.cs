using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Queue.Pages;

/// What the queue's pages share: names of the catalogue in the page's language, times in Brussels.
internal static class QueuePage
{
    public const string Layout = "/Welcome/Queue/Pages/_QueueLayout.cshtml";

    public static string Name(LocalizedText? text, string primaryLanguage) => text?.Resolve(Languages.Current, primaryLanguage).Text ?? "";

    public static string Name(CatalogueDirectory.ServiceRecord? service) => service is null ? "" : Name(service.Name, service.PrimaryLanguage);

    public static string Name(CatalogueDirectory.ChannelEntry? channel) => channel is null ? "" : Name(channel.Name, channel.PrimaryLanguage);

    public static string Time(DateTimeOffset at) => BrusselsTime.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// "about 15 minutes" / "no waiting" / "no estimate: no desk open".
    public static string Wait(Texts texts, int? minutes) => minutes switch
    {
        null => texts["queue.wait.unknown"],
        0 => texts["queue.wait.none"],
        1 => texts["queue.wait.one"],
        _ => texts["queue.wait.minutes", minutes],
    };

    public static string Priority(Texts texts, QueuePriority priority) => texts["queue.priority." + EnumCodes.Code(priority)];

    public static string Outcome(Texts texts, VisitOutcome outcome) => texts["queue.outcome." + EnumCodes.Code(outcome)];

    public static string Status(Texts texts, TicketStatus status) => texts["queue.status." + EnumCodes.Code(status)];
}

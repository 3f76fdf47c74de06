namespace Guichet.Welcome.Queue;

/// Configuration Welcome:Queue.
internal sealed class QueueOptions
{
    public const string Section = "Welcome:Queue";

    /// The estimate uses the median service time of this many last served tickets of a service.
    public int EstimateSample { get; set; } = 20;

    /// The service time assumed while a service has no served ticket yet.
    public TimeSpan DefaultServiceTime { get; set; } = TimeSpan.FromMinutes(8);

    /// How often a display board's stream looks in the database for calls made on other nodes.
    public TimeSpan DisplayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// The languages the display boards alternate, comma-separated ("fr,nl" in a bilingual
    /// office); empty: the organisation's language only. (The catalogue holds no languages per
    /// counter yet: this is where they are said.)
    public string DisplayLanguages { get; set; } = "";

    /// How long a display board shows one language before the next.
    public int DisplayLanguageSeconds { get; set; } = 8;
}

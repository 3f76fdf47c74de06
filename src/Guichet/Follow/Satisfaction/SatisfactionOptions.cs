namespace Guichet.Follow.Satisfaction;

/// The survey rules of the organisation (Follow:Satisfaction). Surveys are on by default; a
/// service, a unit or a channel may be turned off ("Services": { "<id>": false }).
internal sealed class SatisfactionOptions
{
    public const string Section = "Follow:Satisfaction";

    public bool Enabled { get; set; } = true;

    /// At most one survey per customer in this many days, whatever it follows.
    public int IntervalDays { get; set; } = 30;

    /// How long the survey link works.
    public int LinkValidDays { get; set; } = 30;

    /// Seconds between two rounds of the job reading the journal; 0 turns it off (tests run rounds themselves).
    public int PollSeconds { get; set; } = 60;

    /// Events younger than this are left for the next round: a transaction that wrote an earlier
    /// event id may not have committed yet.
    public int SettleSeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 200;

    /// Per service id, per unit id, per channel (case, counter, complaint): false turns surveys off there.
    public Dictionary<string, bool> Services { get; set; } = [];
    public Dictionary<string, bool> Units { get; set; } = [];
    public Dictionary<string, bool> Channels { get; set; } = [];

    public bool IsOn(SurveyChannel channel, Guid? serviceId, Guid? unitId) =>
        Enabled
        && !(Channels.TryGetValue(EnumCodes.Code(channel), out var c) && !c)
        && !(serviceId is { } s && Services.TryGetValue(s.ToString(), out var sv) && !sv)
        && !(unitId is { } u && Units.TryGetValue(u.ToString(), out var uv) && !uv);
}

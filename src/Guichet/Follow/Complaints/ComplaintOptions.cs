namespace Guichet.Follow.Complaints;

/// The complaint rules of the organisation (Follow:Complaints): both deadlines are configuration,
/// not constants (the circular's practice is the default), the categories, and the second line.
internal sealed class ComplaintOptions
{
    public const string Section = "Follow:Complaints";

    public static readonly IReadOnlyList<string> DefaultCategories = ["delay", "quality", "attitude", "accessibility", "error", "other"];

    /// The acknowledgement is sent within this many working days of receipt.
    public int AcknowledgeWorkingDays { get; set; } = 10;

    /// The reasoned answer is given within this many calendar days of receipt (moved to the next
    /// working day when it ends on a day off).
    public int AnswerCalendarDays { get; set; } = 30;

    /// How long the unit concerned has for its view, in working days.
    public int ViewWorkingDays { get; set; } = 10;

    /// A deadline this close (in days) shows as a warning on the work list.
    public int WarningDays { get; set; } = 3;

    public int LinkValidDays { get; set; } = 400;

    /// An expired tracking link's row is removed this many days later.
    public int KeepExpiredLinkDays { get; set; } = 30;

    /// A complaint keeps the customer's details, its description and its attachments this many
    /// days after it was received; then they are blanked and the attachments removed (ADR 0025).
    public int KeepPersonDays { get; set; } = 1825;

    /// The categories a complaint is filed under (codes; their names are texts "complaints.category.{code}").
    /// Null: the default list (a list here would be added to, not replaced, by configuration).
    public string[]? Categories { get; set; }

    /// The second line told in every answer, per language ("fr", "nl", ...): a regional Ombudsman
    /// for a regional body. Absent: the federal Ombudsman (text "complaints.second-line.default").
    public Dictionary<string, string> SecondLine { get; set; } = [];

    public IReadOnlyList<string> CategoryCodes => Categories is { Length: > 0 } c ? c : DefaultCategories;
}

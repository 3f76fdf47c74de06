using System.Reflection;
using System.Text.RegularExpressions;

namespace Guichet.Platform.EventLog;

/// What a journal entry is for. Process events are the customer process itself, read by the
/// improvement loop; access events answer "who saw this person's data"; administration events
/// record the set-up (catalogue, case types, desks, accounts). Each kind has its own retention.
internal enum EventKind { Process, Access, Administration }

/// One activity of the journal: its stable code (`stage.object.verb-in-past`, kebab-case), its
/// kind, what it means, the objects it names (`type:qualifier`, the qualifier being the object's
/// role in the event, as in OCEL 2.0) and its attributes. Each stage lists its activities as the
/// static fields of one `XActivities` class; docs/journal.md is generated from them.
internal sealed record Activity(string Code, EventKind Kind, string Meaning, string[] Objects, string[] Attributes)
{
    public static Activity Process(string code, string meaning, string[] objects, params string[] attributes) => new(code, EventKind.Process, meaning, objects, attributes);
    public static Activity Access(string code, string meaning, string[] objects, params string[] attributes) => new(code, EventKind.Access, meaning, objects, attributes);
    public static Activity Administration(string code, string meaning, string[] objects, params string[] attributes) => new(code, EventKind.Administration, meaning, objects, attributes);

    public string Stage => Code[..Code.IndexOf('.', StringComparison.Ordinal)];

    public override string ToString() => Code;
}

/// The roles an object plays in an event (the OCEL 2.0 qualifier). A number (a case number, a
/// ticket code) is never a qualifier: it is an attribute of the event.
internal static class Role
{
    public const string Subject = "subject";     // the object the event is about
    public const string Customer = "customer";   // the person or company served (a pseudonym)
    public const string Unit = "unit";           // the unit responsible
    public const string PreviousUnit = "previous-unit";
    public const string NewParent = "new-parent"; // the unit a unit was moved under
    public const string AskedUnit = "asked-unit"; // the unit asked for advice
    public const string Service = "service";
    public const string Channel = "channel";
    public const string Office = "office";
    public const string Desk = "desk";
    public const string Owner = "owner";         // the organisation an item of the catalogue belongs to
    public const string Case = "case";           // the case a part (a document, a request) belongs to
    public const string Contact = "contact";     // the contact a case or a visit came from, or a reply joined
    public const string Appointment = "appointment";
    public const string Ticket = "ticket";
    public const string Complaint = "complaint"; // the complaint an event is about (a satisfaction survey after its answer)
    public const string Survey = "survey";       // the satisfaction survey a complaint came from
    public const string Part = "part";           // a document, an attachment, a request of the subject
    public const string Message = "message";     // the outbox message that carried a mail
    public const string Recipient = "recipient"; // a subscriber a notice went to (customers are "customer")
    public const string PreviousVersion = "previous-version";
    public const string Created = "created";     // an import: what it created
    public const string Updated = "updated";     // an import: what it changed
}

/// Every activity of every stage, found once by reflection over the `XActivities` classes.
internal static partial class ActivityCatalogue
{
    public static readonly IReadOnlyList<Activity> All = Load();

    private static readonly Dictionary<string, Activity> ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);

    public static Activity? Find(string code) => ByCode.GetValueOrDefault(code);

    public static Activity Get(string code) => Find(code) ?? throw new InvalidOperationException($"The activity '{code}' is not in the catalogue.");

    [GeneratedRegex("^(platform|orient|welcome|deliver|follow|improve)\\.[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex CodeRule();

    private static List<Activity> Load() =>
        [.. typeof(Activity).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Activities", StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Activity))
            .Select(f => (Activity)f.GetValue(null)!)];
}

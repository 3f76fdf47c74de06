namespace Guichet.Platform.EventLog;

/// An event to record later, when something written now actually happens: a mail in the outbox
/// is "sent" only when the mail server accepts it, so the use case that queues it says here which
/// activity to record then and about which objects; the dispatcher records it, naming the outbox
/// message, in the transaction that marks the message sent.
internal sealed record PendingEvent(string Activity, IReadOnlyList<PendingObject> Objects, IReadOnlyDictionary<string, object?> Attributes)
{
    public static PendingEvent MailSent(string purpose, params EventLogObject[] about) => Of(PlatformActivities.MailSent, about, new() { ["purpose"] = purpose });

    public static PendingEvent Of(Activity activity, IEnumerable<EventLogObject> objects, Dictionary<string, object?> attributes) =>
        new(activity.Code, [.. objects.Select(o => new PendingObject(o.ObjectType, o.ObjectId, o.Qualifier))], attributes);

    public IEnumerable<EventLogObject> ObjectsWith(EventLogObject more) => Objects.Select(o => new EventLogObject(o.Type, o.Id, o.Role)).Append(more);
}

internal sealed record PendingObject(string Type, string Id, string Role);

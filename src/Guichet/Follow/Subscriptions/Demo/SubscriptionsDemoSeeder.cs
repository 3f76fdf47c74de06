namespace Guichet.Follow.Subscriptions.Demo;

/// A few topics to subscribe to: themes and changes of legislation.
internal sealed class SubscriptionsDemoSeeder(GuichetDb db, EventLog eventLog, TimeProvider time) : IDemoSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<SubscriptionTopic>().AnyAsync(ct)) return;
        var now = time.GetUtcNow();
        foreach (var (code, kind, name) in new[]
        {
            ("mobility", TopicKind.Theme, LocalizedText.Of("Mobilité et stationnement", "Mobiliteit en parkeren", "Mobilität und Parken", "Mobility and parking")),
            ("building-permits", TopicKind.Theme, LocalizedText.Of("Permis d'urbanisme", "Omgevingsvergunningen", "Städtebauliche Genehmigungen", "Building permits")),
            ("legislation-parking", TopicKind.Legislation, LocalizedText.Of("Changements du règlement de stationnement", "Wijzigingen van het parkeerreglement", "Änderungen der Parkordnung", "Changes of the parking regulation")),
            ("moving-house", TopicKind.LifeEvent, LocalizedText.Of("Déménager", "Verhuizen", "Umziehen", "Moving house")),
        })
        {
            var topic = new SubscriptionTopic(code, kind, name, null, now);
            db.Add(topic);
            eventLog.Record("demo", FollowActivities.TopicCreated, [new("subscription-topic", topic.Id.ToString(), Role.Subject)],
                new Dictionary<string, object?> { ["code"] = code, ["kind"] = EnumCodes.Code(kind) });
        }
        await db.SaveChangesAsync(ct);
    }
}

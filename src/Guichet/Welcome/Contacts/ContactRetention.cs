namespace Guichet.Welcome.Contacts;

/// Configuration section "Welcome:Contacts".
internal sealed class ContactRetentionOptions
{
    public const string Section = "Welcome:Contacts";

    /// A contact keeps the customer's details, the notes and the attachments this many days after
    /// it was received; then they are blanked and the attachments removed (ADR 0025).
    public int KeepPersonDays { get; set; } = 730;
}

/// Retention of contacts (ADR 0025): past KeepPersonDays a contact keeps its channel, dates,
/// subject, service, unit, outcome and case link (the measures and the journal refer to it), not
/// who it was.
internal sealed class ContactRetention(IOptions<ContactRetentionOptions> options) : IRetentionRule
{
    private const int Batch = 500;

    public string Name => "contacts";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.KeepPersonDays);
        var done = 0;
        while (true)
        {
            var ids = await db.Set<Contact>()
                .Where(c => c.ReceivedAt < before && (c.CustomerNumber != null || c.CustomerName != null || c.Email != null || c.Phone != null || c.Address != null || c.Notes != null || c.OnBehalfOf != null))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) break;
            await db.Set<ContactAttachment>().Where(a => ids.Contains(a.ContactId)).ExecuteDeleteAsync(ct);
            done += await db.Set<Contact>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.CustomerNumber, (string?)null).SetProperty(c => c.CustomerName, (string?)null)
                .SetProperty(c => c.Email, (string?)null).SetProperty(c => c.Phone, (string?)null)
                .SetProperty(c => c.Address, (string?)null).SetProperty(c => c.Notes, (string?)null)
                .SetProperty(c => c.OnBehalfOf, (Representation?)null), ct);
            if (ids.Count < Batch) break;
        }
        return done;
    }
}

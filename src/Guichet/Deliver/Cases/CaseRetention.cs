namespace Guichet.Deliver.Cases;

/// Configuration section "Deliver:Cases".
internal sealed class CaseRetentionOptions
{
    public const string Section = "Deliver:Cases";

    /// A closed case keeps its parties (names, numbers, contact details) this many days after it
    /// closed; then they are blanked (ADR 0025). Ten years: the usual keeping of an administrative
    /// file before it goes to the archives.
    public int KeepPartiesDays { get; set; } = 3650;
}

/// Retention of case files (ADR 0025): a case closed for longer than KeepPartiesDays is
/// anonymised, not deleted. Its parties keep their role and kind only, the index of their numbers
/// goes; the case itself (number, type, unit, dates, statuses, decision, documents, notes) stays,
/// because the journal, the measures and the legal keeping of decisions refer to it.
internal sealed class CaseRetention(IOptions<CaseRetentionOptions> options) : IRetentionRule
{
    private const int Batch = 200;

    public string Name => "cases";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.KeepPartiesDays);
        var done = 0;
        while (true)
        {
            // Parties are one JSON column, all blanked together; a blanked party has an empty
            // name, so a case without one (and with parties) is what is left to do.
            var rows = await db.Set<Case>().FromSql($"SELECT * FROM deliver_cases WHERE \"Parties\" NOT LIKE {BlankedParty} AND \"Parties\" <> '[]'")
                .Where(c => c.ClosedAt != null && c.ClosedAt < before).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Parties }).Take(Batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                // The index first: a crash between the two statements leaves the case to do again.
                await db.Set<CasePartyNumber>().Where(n => n.CaseId == row.Id).ExecuteDeleteAsync(ct);
                List<CaseParty> blanked = [.. row.Parties.Select(Case.Blanked)];
                done += await db.Set<Case>().Where(c => c.Id == row.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Parties, blanked), ct);
            }
            if (rows.Count < Batch) break;
        }
        return done;
    }

    private const string BlankedParty = "%\"name\":\"\"%";
}

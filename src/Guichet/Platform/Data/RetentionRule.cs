namespace Guichet.Platform.Data;

/// One kind of record that is kept only as long as it serves (docs/security.md, "What is kept"):
/// the module that owns the records registers a rule, and the retention job (JournalRetention, the
/// one job that removes or blanks data) applies every rule at each round, on every node (applying
/// a rule twice is harmless). Answers how many records it removed or blanked.
internal interface IRetentionRule
{
    string Name { get; }

    Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct);
}

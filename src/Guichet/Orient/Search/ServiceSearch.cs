using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Search;

/// What a reader asks: free text in their language, plus filters. Page is 1-based.
internal sealed record SearchQuery
{
    public string? Text { get; init; }
    public string Language { get; init; } = "fr";
    public Audience? Audience { get; init; }
    public string? Theme { get; init; }
    public Guid? OrganisationId { get; init; }
    public string? LifeEvent { get; init; }
    public string? BusinessEvent { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// A published service with what a reader needs next to it: who provides it and how to reach them.
/// A service of an external organisation is a referral ("not ours, but here is who").
internal sealed record CatalogueEntry(PublicService Service, Organisation Organisation, Unit? Unit, IReadOnlyList<Channel> Channels)
{
    public bool IsReferral => Organisation.External;

    /// The entry in a reader's language, for later stages that must not handle catalogue entities.
    public ServiceSummary Summarize(string language) => new(Service.Id, Service.Content.Name.Resolve(language, Organisation.PrimaryLanguage).Text,
        Organisation.Name.Resolve(language, Organisation.PrimaryLanguage).Text, IsReferral, Service.UnitId);
}

/// A published service as later stages see it: its name and provider in one language, whether it is
/// another body's (a referral), and its competent unit.
internal sealed record ServiceSummary(Guid Id, string Name, string Organisation, bool Referral, Guid? UnitId);

internal sealed record SearchHit(CatalogueEntry Entry, double Score);

/// One page of hits, best first, and how many matched in all.
internal sealed record SearchResults(SearchQuery Query, int Total, IReadOnlyList<SearchHit> Hits);

/// Finds published services through an in-memory SearchIndex. The index is rebuilt when the
/// catalogue changes: at once after a change made on this node, and within
/// <see cref="SearchOptions.StampCheckSeconds"/> after one made on another node (the catalogue's
/// version stamp). While a rebuild runs, searches wait for it up to
/// <see cref="SearchOptions.RebuildWaitMilliseconds"/>, then answer from the previous index.
internal sealed class ServiceSearch(
    IServiceScopeFactory scopes, CodeLists codes, Synonyms synonyms, CatalogueChanges changes,
    TimeProvider time, Microsoft.Extensions.Options.IOptions<SearchOptions> options, ILogger<ServiceSearch> log)
{
    private sealed record State(SearchIndex Index, Guid Stamp, long LocalChanges, long CheckedAt);

    private volatile State? _state;
    private Task<State>? _rebuild;
    private readonly Lock _gate = new();

    public async ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default) =>
        (await IndexAsync(ct)).Search(query);

    /// The best hits of a query as summaries in the reader's language.
    public async ValueTask<IReadOnlyList<ServiceSummary>> FindAsync(string text, string language, int count, CancellationToken ct = default) =>
        [.. (await SearchAsync(new SearchQuery { Text = text, Language = language, PageSize = count }, ct)).Hits.Select(h => h.Entry.Summarize(language))];

    /// One published service as a summary, or null.
    public async ValueTask<ServiceSummary?> SummaryAsync(Guid id, string language, CancellationToken ct = default) =>
        (await IndexAsync(ct)).Entries.FirstOrDefault(e => e.Service.Id == id)?.Summarize(language);

    /// The current index, checked against the catalogue's version stamp.
    public async ValueTask<SearchIndex> IndexAsync(CancellationToken ct = default)
    {
        var state = _state;
        var now = time.GetTimestamp();
        if (state is not null && state.LocalChanges == changes.Count)
        {
            if (time.GetElapsedTime(state.CheckedAt, now).TotalSeconds < options.Value.StampCheckSeconds) return state.Index;
            if (await ReadStampAsync(ct) == state.Stamp)
            {
                _state = state with { CheckedAt = now };
                return state.Index;
            }
        }

        Task<State> rebuild;
        lock (_gate)
        {
            if (_rebuild is null || _rebuild.IsCompleted) _rebuild = Task.Run(BuildAsync, CancellationToken.None);
            rebuild = _rebuild;
        }
        if (state is null) return (await rebuild.WaitAsync(ct)).Index;
        var wait = TimeSpan.FromMilliseconds(options.Value.RebuildWaitMilliseconds);
        try
        {
            return (await rebuild.WaitAsync(wait, ct)).Index;
        }
        catch (TimeoutException)
        {
            return state.Index;
        }
    }

    private async Task<State> BuildAsync()
    {
        var started = time.GetTimestamp();
        // Read what the index will be current for before reading the catalogue itself: a change
        // committed in between makes the next check rebuild again, never the other way round.
        var localChanges = changes.Count;
        var stamp = await ReadStampAsync(CancellationToken.None);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var services = await db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published).OrderBy(s => s.Slug).ToListAsync();
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id);
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id);
        var channels = await db.Set<Channel>().AsNoTracking().ToDictionaryAsync(c => c.Id);
        var entries = services.Select(s => new CatalogueEntry(s, organisations[s.OrganisationId],
            s.UnitId is { } u ? units.GetValueOrDefault(u) : null,
            [.. s.Content.ChannelIds.Select(channels.GetValueOrDefault).OfType<Channel>()])).ToList();
        var index = new SearchIndex(entries, codes, synonyms);
        var state = new State(index, stamp, localChanges, time.GetTimestamp());
        _state = state;
        log.LogInformation("Search index built: {Services} services in {Milliseconds} ms.", entries.Count, (int)time.GetElapsedTime(started).TotalMilliseconds);
        return state;
    }

    private async Task<Guid> ReadStampAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        return await db.Set<CatalogueVersion>().AsNoTracking().Where(v => v.Id == CatalogueVersion.SingletonId).Select(v => v.Stamp).FirstOrDefaultAsync(ct);
    }
}

internal sealed class SearchOptions
{
    public const string Section = "Search";

    /// How often a node asks the database whether another node changed the catalogue.
    public double StampCheckSeconds { get; set; } = 1;

    /// How long a search waits for a rebuild before answering from the previous index.
    public int RebuildWaitMilliseconds { get; set; } = 3000;
}

using Guichet.Orient.Catalogue;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;

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
}

internal sealed record SearchHit(CatalogueEntry Entry, double Score);

/// One page of hits, best first, and how many matched in all.
internal sealed record SearchResults(SearchQuery Query, int Total, IReadOnlyList<SearchHit> Hits);

/// Finds published services. (First cut: a plain scan; the ranked multilingual index replaces it.)
internal sealed class ServiceSearch(IServiceScopeFactory scopes)
{
    public async ValueTask<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var services = await db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published).ToListAsync(ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var channels = await db.Set<Channel>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var text = query.Text?.Trim() ?? "";
        var matches = services
            .Where(s => text.Length == 0 || s.Content.Name.Resolve(query.Language, "fr").Text.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(s => query.Audience is null || s.Content.Audiences.Contains(query.Audience.Value))
            .Where(s => query.Theme is null || s.Content.Themes.Contains(query.Theme))
            .Where(s => query.OrganisationId is null || s.OrganisationId == query.OrganisationId)
            .Where(s => query.LifeEvent is null || s.Content.LifeEvents.Contains(query.LifeEvent))
            .Where(s => query.BusinessEvent is null || s.Content.BusinessEvents.Contains(query.BusinessEvent))
            .Select(s => new SearchHit(new CatalogueEntry(s, organisations[s.OrganisationId],
                s.UnitId is { } u ? units.GetValueOrDefault(u) : null,
                [.. s.Content.ChannelIds.Select(channels.GetValueOrDefault).OfType<Channel>()]), 1))
            .ToList();
        return new SearchResults(query, matches.Count, [.. matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)]);
    }
}

using Guichet.Orient.Catalogue;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Welcome.ContactForm.Pages;

/// Where a contact made on the web stands, for the customer, through the tracking link.
[EnableRateLimiting(SecureLink.GuessLimit)]
internal sealed class TrackModel(GuichetDb db, CatalogueDirectory catalogue, TimeProvider time) : PageModel
{
    public Contact Contact { get; private set; } = null!;
    public string? ServiceName { get; private set; }
    public string? UnitName { get; private set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool? sent, CancellationToken ct)
    {
        var opened = await SecureLink.OpenAsync(db.Set<ContactLink>().AsNoTracking(), token, hash => l => l.TokenHash == hash, (l, now) => now < l.ExpiresAt, time.GetUtcNow(), ct);
        if (opened.Record is not { } link) return StatusCode(opened.Status);
        Contact = await db.Set<Contact>().AsNoTracking().FirstAsync(c => c.Id == link.ContactId, ct);
        var language = Platform.Localization.Languages.Current;
        if (Contact.ServiceId is { } s && await catalogue.PublishedServiceAsync(s, ct) is { } service)
            ServiceName = service.Name.Resolve(language, service.Provider.PrimaryLanguage).Text;
        if (Contact.UnitId is { } u && await catalogue.UnitAsync(u, ct) is { } unit)
            UnitName = unit.Name.Resolve(language, Contact.Language).Text;
        Sent = sent == true;
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public string Date(DateOnly d) => d.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}

using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages;

/// The ticket: at the kiosk (?kiosk=true) printable with its QR code, on the customer's phone (the
/// QR code opens it) a live status page: how many before you, about how long, which desk.
internal sealed class TicketModel(GuichetDb db, CatalogueDirectory catalogue, QueueEstimates estimates, TimeProvider time, PublicUrls urls) : PageModel
{
    public TicketView View { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public bool Kiosk { get; private set; }
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, string? lang, bool? kiosk, CancellationToken ct)
    {
        var view = await TicketViews.FindAsync(token, db, catalogue, estimates, time, ct);
        if (view is null) return NotFound();
        // In the language chosen at the kiosk, unless the reader chose another one.
        if (lang is null && !Request.Cookies.ContainsKey(Languages.CookieName) && view.Ticket.Language != Languages.Current)
            return Redirect($"{QueueModule.TicketPath(token)}?lang={view.Ticket.Language}" + (kiosk == true ? "&kiosk=true" : ""));
        // The ticket link is a key: not in the Referer of other sites, not in caches.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        View = view;
        Token = token;
        Kiosk = kiosk == true;
        if (Kiosk)
        {
            var texts = HttpContext.RequestServices.GetRequiredService<Texts>();
            QrSvg = QrCodeSvg.Render(urls.Absolute($"{QueueModule.TicketPath(token)}?lang={view.Ticket.Language}"), texts["queue.ticket.qr.label", view.Ticket.Code]);
        }
        return Page();
    }
}

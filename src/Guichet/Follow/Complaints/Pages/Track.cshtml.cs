using Guichet.Deliver.Decisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Follow.Complaints.Pages;

/// Where a complaint stands, for the customer, through the tracking link (404 unknown, 410 expired).
[EnableRateLimiting(SecureLink.GuessLimit)]
internal sealed class TrackModel(ComplaintWork work) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;
    public CaseReference? Decision { get; private set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool? sent, CancellationToken ct)
    {
        var (complaint, status) = await work.TrackAsync(token, ct);
        if (complaint is null) return StatusCode(status);
        Complaint = complaint;
        Decision = await work.DecisionOfAsync(complaint, ct);
        Sent = sent == true;
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public static string Date(DateOnly d) => d.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}

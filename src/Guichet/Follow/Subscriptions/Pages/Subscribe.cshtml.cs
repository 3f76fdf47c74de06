using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Follow.Subscriptions.Pages;

/// The public subscribe form (no account): an address, a language, topics, a frequency. It sends
/// the confirmation link only; the page then says the same whatever the address.
[EnableRateLimiting("public-forms")]
internal sealed class SubscribeModel(SubscriptionWork work, Texts texts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? Frequency { get; set; }
    [BindProperty] public List<string> Topics { get; set; } = [];
    [BindProperty] public string? Website { get; set; } // the honeypot

    public List<SubscriptionTopic> Offered { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public bool Sent { get; private set; }

    public async Task OnGetAsync(bool? sent, CancellationToken ct)
    {
        Sent = sent == true;
        Language ??= Languages.Current;
        Frequency ??= "weekly";
        Offered = await work.TopicsAsync(activeOnly: true, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website)) return Redirect("/subscribe?sent=true"); // a robot: the same answer, nothing stored
        var result = await work.SubscribeAsync(new SubscriptionRequest(Email, Language, Frequency, Topics), SubscriptionForm.Origin(this), ct);
        if (result.Value is null)
        {
            SubscriptionForm.Show(result.InvalidParams, Errors, texts);
            Offered = await work.TopicsAsync(activeOnly: true, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect("/subscribe?sent=true");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Follow.Subscriptions.Pages;

/// The subscriber's page, through the manage link of every mail: the topics, language and
/// frequency to change, the consents given (when, what text, from where), and "delete everything".
[EnableRateLimiting("public-forms")]
internal sealed class ManageModel(SubscriptionWork work, Texts texts) : PageModel
{
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? Frequency { get; set; }
    [BindProperty] public List<string> Topics { get; set; } = [];

    public Subscriber? Subscriber { get; private set; }
    public List<SubscriptionTopic> Offered { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool? confirmed, bool? saved, CancellationToken ct)
    {
        SubscriptionForm.NoTrace(this);
        Done = confirmed == true ? "confirmed" : saved == true ? "saved" : null;
        return await LoadAsync(token, fill: true, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(string token, CancellationToken ct)
    {
        SubscriptionForm.NoTrace(this);
        var changed = await work.ChangeAsync(token, new SubscriptionRequest(null, Language, Frequency, Topics), SubscriptionForm.Origin(this), ct);
        if (changed.Value is not null) return Redirect(SubscriptionMail.ManagePath(token) + "?saved=true");
        if (changed.Status == 404) return await LoadAsync(token, fill: false, ct);
        SubscriptionForm.Show(changed.InvalidParams, Errors, texts);
        await LoadAsync(token, fill: false, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(string token, CancellationToken ct)
    {
        SubscriptionForm.NoTrace(this);
        if (!await work.EraseAsync(token, SubscriberLinks.Manage, ct)) return await LoadAsync(token, fill: false, ct);
        Done = "erased";
        return Page();
    }

    private async Task<IActionResult> LoadAsync(string token, bool fill, CancellationToken ct)
    {
        Subscriber = await work.ManagedAsync(token, ct);
        if (Subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var all = await work.TopicsAsync(activeOnly: false, ct);
        var mine = Subscriber.Topics.Select(t => t.TopicId).ToHashSet();
        Offered = [.. all.Where(t => t.Active || mine.Contains(t.Id))];
        if (fill)
        {
            Language = Subscriber.Language;
            Frequency = EnumCodes.Code(Subscriber.Frequency);
            Topics = [.. all.Where(t => mine.Contains(t.Id)).Select(t => t.Code)];
        }
        return Page();
    }

    public static string When(DateTimeOffset at) =>
        BrusselsTime.ToLocal(at).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
}

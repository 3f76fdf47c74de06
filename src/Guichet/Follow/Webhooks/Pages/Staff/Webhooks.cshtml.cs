using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Webhooks.Pages.Staff;

/// The webhook subscriptions for admins: the receivers and their health, a form to subscribe one
/// (its secret shown once), switch a receiver on again, delete one. The same use cases as the API.
internal sealed class WebhooksModel(WebhookWork work, Texts texts) : PageModel
{
    [BindProperty(Name = "url")] public string? Address { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> EventTypes { get; set; } = [];

    public List<WebhookSubscription> Subscriptions { get; private set; } = [];
    public FieldErrors Errors { get; } = new(texts, "webhooks");
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Subscriptions = await work.ListAsync(ct);

    [RequiresAct(Acts.WebhookManage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await work.SubscribeAsync(User, new WebhookRequest(Address, Description, EventTypes, null), ct);
        if (result.Value is { } s)
        {
            // The secret is shown on this answer only (not in a redirect's URL, nor stored in a cookie).
            NewSecret = s.Secret;
            Address = Description = null;
            EventTypes = [];
        }
        else
        {
            Errors.Add(result.InvalidParams);
            Response.StatusCode = result.Status;
        }
        Subscriptions = await work.ListAsync(ct);
        return Page();
    }

    [RequiresAct(Acts.WebhookManage)]
    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        (await work.EnableAsync(User, id, ct)).Value is null ? NotFound() : Redirect("/staff/webhooks");

    [RequiresAct(Acts.WebhookManage)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        (await work.DeleteAsync(User, id, ct)).Value is null ? NotFound() : Redirect("/staff/webhooks");
}

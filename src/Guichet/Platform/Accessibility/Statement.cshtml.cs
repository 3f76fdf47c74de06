using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Platform.Accessibility;

[EnableRateLimiting("public-forms")]
internal sealed class StatementModel(GuichetDb db, Texts texts, EventLog.EventLog eventLog, TimeProvider time) : PageModel
{
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? PageUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    // A field people do not see; robots fill it in.
    [BindProperty] public string? Website { get; set; }
    public bool Sent { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            Sent = true; // say nothing to a robot, store nothing
            return Page();
        }
        Message = Message?.Trim();
        if (string.IsNullOrEmpty(Message)) Errors["message"] = texts["a11y.feedback.error.message-missing"];
        else if (Message.Length > AccessibilityFeedback.MaxMessage) Errors["message"] = texts["a11y.feedback.error.message-too-long", AccessibilityFeedback.MaxMessage];
        if (!string.IsNullOrWhiteSpace(PageUrl) && (PageUrl.Length > 2000 || !Uri.TryCreate(PageUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            Errors["pageUrl"] = texts["a11y.feedback.error.url"];
        if (!string.IsNullOrWhiteSpace(Email) && (Email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _)))
            Errors["email"] = texts["a11y.feedback.error.email"];
        if (Errors.Count > 0) return Page();

        var feedback = new AccessibilityFeedback(Message!, NullIfEmpty(PageUrl), NullIfEmpty(Email), Languages.Current, time.GetUtcNow());
        db.Add(feedback);
        eventLog.Record("anonymous", EventLog.PlatformActivities.AccessibilityFeedbackReceived, [new EventLog.EventLogObject("accessibility-feedback", feedback.Id.ToString(), EventLog.Role.Subject)]);
        await db.SaveChangesAsync(ct);
        Sent = true;
        return Page();
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

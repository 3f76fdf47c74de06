using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Follow.Satisfaction.Pages;

/// The customer's one answer to a satisfaction survey, through the link of its mail, without an
/// account: a score, whether they got what they needed, a comment. An unknown or altered link,
/// an expired one or one already used shows a page that says so, and stores nothing.
[EnableRateLimiting("public-forms")]
internal sealed class SurveyModel(SurveyWork work, Texts texts) : PageModel
{
    public enum View { Open, Unknown, Expired, Answered, Thanks }

    [BindProperty] public string? Score { get; set; }
    [BindProperty] public string? GotWhatNeeded { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public View State { get; private set; }
    public Survey? Survey { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string token, bool? done, CancellationToken ct)
    {
        NoTrace();
        var (survey, status) = await work.OpenAsync(token, ct);
        Survey = survey;
        State = Show(status, done == true);
        if (State != View.Thanks) Response.StatusCode = status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        NoTrace();
        var (survey, status) = await work.OpenAsync(token, ct);
        Survey = survey;
        if (status != StatusCodes.Status200OK)
        {
            State = Show(status, false);
            Response.StatusCode = status;
            return Page();
        }
        int? score = int.TryParse(Score, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5 ? s : null;
        if (score is null) Errors["score"] = texts["satisfaction.error.score"];
        if (GotWhatNeeded is not ("yes" or "partly" or "no")) Errors["gotWhatNeeded"] = texts["satisfaction.error.got"];
        if (Comment is { Length: > Survey.MaxComment }) Errors["comment"] = texts["satisfaction.error.comment-too-long", Survey.MaxComment];
        if (Errors.Count > 0)
        {
            State = View.Open;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var answered = await work.AnswerAsync(token, new SurveyAnswer(score, GotWhatNeeded, Comment), ct);
        if (answered.Value is null)
        {
            State = answered.Status switch { 404 => View.Unknown, 410 => View.Expired, 409 => View.Answered, _ => View.Open };
            Response.StatusCode = answered.Status;
            foreach (var p in answered.InvalidParams) Errors[p.Name] = texts["error.invalid-value"];
            return Page();
        }
        return Redirect(SurveyMail.PathFor(token) + "?done=true");
    }

    private static View Show(int status, bool done) => status switch
    {
        StatusCodes.Status200OK => View.Open,
        StatusCodes.Status409Conflict => done ? View.Thanks : View.Answered,
        StatusCodes.Status410Gone => View.Expired,
        _ => View.Unknown,
    };

    private void NoTrace()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}

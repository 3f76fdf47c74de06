using Guichet.Deliver.Decisions;
using Guichet.Follow.Subscriptions;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Notices.Pages.Staff;

/// One notice: while a draft, the editor (four language versions in Markdown, the fallback
/// language, topics and case types) with a preview and the send button; once sent, its progress
/// (a bar the page's script refreshes; without script, reloading does) and the letters to print.
/// The same use cases and refusals as the API.
internal sealed class NoticeModel(NoticeWork work, NoticeLetters letters, Texts texts) : PageModel
{
    public Notice? Notice { get; private set; }
    public NoticeProgress? Progress { get; private set; }
    public NoticeRequest Form { get; private set; } = new(new LocalizedText(), new LocalizedText(), null, [], []);
    public List<SubscriptionTopic> Topics { get; private set; } = [];
    public List<CaseTypeName> CaseTypes { get; private set; } = [];
    public FieldErrors Errors { get; } = new(texts, "notices");
    public bool Saved { get; private set; }
    public bool Previewing { get; private set; }

    public bool IsDraft => Notice is null || Notice.State == NoticeState.Draft;

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Topics = await work.TopicsAsync(ct);
        CaseTypes = await work.CaseTypesAsync(ct);
        if (id == "new") return true;
        if (!Guid.TryParse(id, out var guid) || await work.FindAsync(guid, ct) is not { } notice) return false;
        Notice = notice;
        Progress = await work.ProgressAsync(notice.Id, ct);
        Form = new NoticeRequest(notice.Subject, notice.Body, notice.PrimaryLanguage, notice.Topics, notice.CaseTypes);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string id, bool? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Saved = saved == true;
        return Page();
    }

    /// The progress as JSON for the page's script.
    public async Task<IActionResult> OnGetProgressAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid) || await work.FindAsync(guid, ct) is not { } notice) return NotFound();
        var p = await work.ProgressAsync(guid, ct);
        return new JsonResult(new { state = Guichet.Platform.Web.EnumCodes.Code(notice.State), done = p.Done, total = p.Total, text = texts["notices.progress.summary", p.Done, p.Total] });
    }

    private NoticeRequest ReadForm()
    {
        var form = Request.Form;
        LocalizedText Texts(string name) => LocalizedText.Languages.Aggregate(new LocalizedText(), (t, l) => t.With(l, form[$"{name}.{l}"].ToString()));
        return new NoticeRequest(Texts("subject"), Texts("body"), form["primaryLanguage"].ToString(),
            [.. form["topics"].Select(v => v ?? "")], [.. form["caseTypes"].Select(v => v ?? "")]);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = ReadForm();
        Previewing = true;
        return Page();
    }

    [RequiresAct(Acts.NoticeSend)]
    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = ReadForm();
        var result = await work.SaveAsync(User, Notice?.Id, Form, ct);
        if (result.Value is { } n) return Redirect($"/staff/notices/{n.Id}?saved=true");
        if (result.InvalidParams.Count > 0) Errors.Add(result.InvalidParams, name => name == "caseTypes" && Topics.Count > 0 ? "topics" : name);
        else Errors.AddGeneral(result.Code ?? "invalid-value");
        Response.StatusCode = result.Status;
        return Page();
    }

    [RequiresAct(Acts.NoticeSend)]
    public async Task<IActionResult> OnPostSendAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Notice is null) return NotFound();
        var result = await work.SendAsync(User, Notice.Id, ct);
        if (result.Value is { } n) return Redirect($"/staff/notices/{n.Id}");
        Errors.AddGeneral(result.Code ?? "invalid-value", "send");
        Response.StatusCode = result.Status;
        return Page();
    }

    [RequiresAct(Acts.NoticeSend)]
    public async Task<IActionResult> OnPostLettersAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Notice is null) return NotFound();
        var result = await letters.PrintAsync(User, Notice.Id, ct);
        if (result.Value is { } pdf) return File(pdf, "application/pdf", $"notice-{Notice.Id:N}-letters.pdf");
        Errors.AddGeneral(result.Code ?? "invalid-value", "letters");
        Response.StatusCode = result.Status;
        return Page();
    }
}

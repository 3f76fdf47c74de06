using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Subscriptions.Pages.Staff;

/// The topic list for communication staff: add a topic with its name in four languages, withdraw
/// one or offer it again. The same use case and refusals as the API.
internal sealed class TopicsModel(SubscriptionWork work, Texts texts) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? NameFr { get; set; }
    [BindProperty] public string? NameNl { get; set; }
    [BindProperty] public string? NameDe { get; set; }
    [BindProperty] public string? NameEn { get; set; }

    public List<SubscriptionTopic> Topics { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        Topics = await work.TopicsAsync(activeOnly: false, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await work.SaveTopicAsync(User, null, new TopicRequest(Code?.Trim(), Kind, LocalizedText.Of(NameFr ?? "", NameNl ?? "", NameDe ?? "", NameEn ?? ""), null, null), ct);
        if (result.Value is not null) return Redirect("/staff/subscriptions/topics?saved=true");
        foreach (var p in result.InvalidParams)
        {
            var field = p.Name == "name" ? "nameFr" : p.Name;
            Errors[field] = texts["subscriptions.topics.error." + p.Code];
        }
        Topics = await work.TopicsAsync(activeOnly: false, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var topic = (await work.TopicsAsync(activeOnly: false, ct)).FirstOrDefault(t => t.Id == id);
        if (topic is null) return NotFound();
        await work.SaveTopicAsync(User, id, new TopicRequest(null, null, topic.Name, null, active), ct);
        return Redirect("/staff/subscriptions/topics?saved=true");
    }
}

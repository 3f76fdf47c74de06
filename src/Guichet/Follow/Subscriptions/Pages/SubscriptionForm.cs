using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Subscriptions.Pages;

/// What the subscribe and manage pages share: the choices of language, frequency and topics, and
/// the form's errors in the visitor's language.
internal static class SubscriptionForm
{
    public static IReadOnlyList<FormChoice> LanguageChoices() =>
        [.. Languages.Supported.Select(l => new FormChoice(l, Languages.NativeName(l), l))];

    public static IReadOnlyList<FormChoice> FrequencyChoices(Texts t) =>
        [.. new[] { "immediate", "weekly" }.Select(f => new FormChoice(f, t["subscriptions.frequency." + f]))];

    public static IReadOnlyList<FormChoice> TopicChoices(IEnumerable<SubscriptionTopic> topics, Texts t) =>
        [.. topics.Select(x => new FormChoice(x.Code, x.Name.Resolve(Languages.Current, "fr").Text) { Hint = t["subscriptions.kind." + EnumCodes.Code(x.Kind)] })];

    /// The use case's refusals as messages next to the fields.
    public static void Show(IEnumerable<InvalidParam> invalid, Dictionary<string, string> errors, Texts t)
    {
        foreach (var p in invalid) errors[p.Name] = t["subscriptions.error." + p.Name];
    }

    public static RequestOrigin Origin(PageModel page) =>
        new(page.HttpContext.Connection.RemoteIpAddress, page.Request.Headers.UserAgent.ToString());

    public static void NoTrace(PageModel page)
    {
        page.Response.Headers["Referrer-Policy"] = "no-referrer";
        page.Response.Headers.CacheControl = "no-store";
    }
}

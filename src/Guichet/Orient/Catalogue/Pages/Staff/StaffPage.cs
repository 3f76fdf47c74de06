using System.Text.Encodings.Web;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// What the editor pages share: their answer to a refusal, and catalogue texts around their own.
internal static class StaffPage
{
    /// The page's answer when what it shows does not exist (404) or is outside the user's scope (403).
    public static IActionResult Missing<T>(PageModel page, Result<T> result) where T : class =>
        result.Status == StatusCodes.Status403Forbidden ? page.Forbid() : page.NotFound();

    /// A refused change on a form page: the forbidden or not-found page, else the invalid fields.
    public static IActionResult Refused<T>(PageModel page, Result<T> result, FieldErrors errors, Func<string, string>? anchor = null) where T : class
    {
        if (result.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound) return Missing(page, result);
        if (result.InvalidParams.Count == 0) errors.AddGeneral(result.Code!);
        else errors.Add(result.InvalidParams, anchor);
        return page.Page();
    }

    /// The errors of an editor form: its fields are the API's JSON paths, named segment by segment
    /// ("Document 2 – French"); the periods of opening hours are the regular week, then the seasons.
    public static FieldErrors Errors(Texts texts) => new(texts, "catalogue")
    {
        PathLabels = true,
        ItemLabel = (list, index) => list != "periods" ? null
            : index == 0 ? texts["catalogue.hours.regular"] : texts["catalogue.hours.season", index],
    };

    /// "français" as a label on its own reads "Français".
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// The organisation's channels as a reader looks for them: by kind, then by name.
    public static async Task<IReadOnlyList<Channel>> ChannelsAsync(GuichetDb db, Organisation organisation, CancellationToken ct) =>
        [.. (await db.Set<Channel>().AsNoTracking().Where(c => c.OrganisationId == organisation.Id).ToListAsync(ct))
            .OrderBy(c => c.Kind).ThenBy(c => Name(c.Name, organisation), StringComparer.CurrentCultureIgnoreCase)];

    public static string Name(LocalizedText text, Organisation organisation) =>
        text.Resolve(Languages.Current, organisation.PrimaryLanguage).Text;

    /// A sentence of the page's language around a catalogue text ("Service: {0}"), the text marked
    /// with its own language when it is shown in another one.
    public static IHtmlContent Around(Texts texts, string key, LocalizedText text, Organisation organisation)
    {
        var (value, used) = text.Resolve(Languages.Current, organisation.PrimaryLanguage);
        var encoded = HtmlEncoder.Default.Encode(value);
        var inner = used == Languages.Current ? encoded : $"<span lang=\"{used}\">{encoded}</span>";
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, HtmlEncoder.Default.Encode(texts[key]), inner));
    }

    /// The language the text is shown in, when it is not the page's: pages then say so.
    public static string? OtherLanguage(LocalizedText text, Organisation organisation) =>
        text.Resolve(Languages.Current, organisation.PrimaryLanguage).Language is var used && used != Languages.Current ? used : null;
}

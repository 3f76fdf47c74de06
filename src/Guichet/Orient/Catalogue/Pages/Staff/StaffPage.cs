using System.Globalization;
using System.Text.Encodings.Web;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// What the organisation-level editor pages share: loading the organisation the user may change.
internal static class StaffPage
{
    /// The organisation, or the page's answer when it does not exist or is outside the user's scope.
    public static async Task<(Organisation? Organisation, IActionResult? Refusal)> OrganisationAsync(
        PageModel page, GuichetDb db, CatalogueWork editing, Guid? id, CancellationToken ct)
    {
        var organisation = id is null ? null : await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return (null, page.NotFound());
        if (!(await editing.ScopeOfAsync(page.User, ct)).Covers(organisation.Id)) return (null, page.Forbid());
        return (organisation, null);
    }

    /// A refused change on a form page: the forbidden or not-found page, else the invalid fields.
    public static IActionResult Refused(PageModel page, EditRefusal refusal, FormErrors errors, Func<string, string>? anchor = null)
    {
        switch (refusal.Status)
        {
            case StatusCodes.Status403Forbidden: return page.Forbid();
            case StatusCodes.Status404NotFound: return page.NotFound();
        }
        if (refusal.InvalidParams.Count == 0) errors.AddGeneral(refusal.Code);
        else errors.Add(refusal.InvalidParams, anchor);
        return page.Page();
    }

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

using Guichet.Orient.Catalogue.Editing;
using Guichet.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Staff;

/// What the organisation-level editor pages share: loading the organisation the user may change.
internal static class StaffPage
{
    /// The organisation, or the page's answer when it does not exist or is outside the user's scope.
    public static async Task<(Organisation? Organisation, IActionResult? Refusal)> OrganisationAsync(
        PageModel page, GuichetDb db, CatalogueEditing editing, Guid? id, CancellationToken ct)
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

    public static string Name(Platform.Localization.LocalizedText text, Organisation organisation) =>
        text.Resolve(Platform.Localization.Languages.Current, organisation.PrimaryLanguage).Text;
}

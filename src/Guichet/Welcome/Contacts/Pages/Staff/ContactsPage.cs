using Guichet.Orient.Catalogue;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// What the contact pages share: the problems of a form in the user's language (the "contacts.*"
/// texts), the names of the units they show, and the answer to a refused post (the page again,
/// each problem next to its field, nothing stored).
internal abstract class ContactsPage(CatalogueDirectory catalogue, Texts texts) : PageModel
{
    private Dictionary<Guid, string> _unitNames = [];

    public FieldErrors Errors { get; } = new(texts, "contacts");

    protected CatalogueDirectory Catalogue => catalogue;

    protected Texts Texts => texts;

    /// A unit's name in the page's language; <paramref name="none"/> for no unit.
    public string UnitName(Guid? id, string none = "") => id is { } u && _unitNames.TryGetValue(u, out var name) ? name : none;

    protected async Task NameUnitsAsync(IEnumerable<Guid?> ids, CancellationToken ct) =>
        _unitNames = (await catalogue.UnitsAsync(ids.OfType<Guid>(), ct)).ToDictionary(u => u.Id, u => u.Name.Resolve(Languages.Current, "fr").Text);

    protected IActionResult Refused(IEnumerable<InvalidParam> problems, Func<string, string>? anchor = null, int status = StatusCodes.Status400BadRequest)
    {
        Errors.Add(problems, anchor);
        Response.StatusCode = status;
        return Page();
    }
}

using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver.Cases.Pages;

/// What the staff pages of Deliver share: the errors of their forms (texts "cases.*"), the fields
/// of a posted form, how a use case's refusal shows on a form, and the names of units and people.
internal abstract class CaseWorkPage(Texts texts) : PageModel
{
    protected Texts Texts => texts;

    public FieldErrors Errors { get; } = new(texts, "cases");

    /// The units the page names, in the user's language or else the one they exist in.
    public IReadOnlyDictionary<Guid, (string Text, string? Lang)> Units { get; protected set; } = new Dictionary<Guid, (string, string?)>();

    /// The staff the page names, by id.
    public IReadOnlyDictionary<Guid, string> Staff { get; protected set; } = new Dictionary<Guid, string>();

    public string UnitName(Guid id) => Units.TryGetValue(id, out var name) ? name.Text : texts["cases.unknown-unit"];

    public string Actor(string actor) => CaseDisplay.Actor(actor, Staff, texts);

    /// A field of the posted form, trimmed; blank is null.
    protected string? Field(string name) => Request.Form[name].ToString().Trim() is { Length: > 0 } v ? v : null;

    /// A use case that did not succeed: the not-found page, or null once its problems are on the
    /// form, to show it again. An invalid field shows where <paramref name="anchor"/> puts it; a
    /// refusal about one field (<paramref name="fieldOf"/> its code) at that field; any other in
    /// the error summary, linked to <paramref name="general"/>.
    protected IActionResult? Refused<T>(Result<T> result, Func<string, string>? anchor = null, string general = "main", Func<string, string?>? fieldOf = null) where T : class
    {
        if (result.Status == StatusCodes.Status404NotFound) return NotFound();
        var code = result.Code ?? "invalid-value";
        if (result.InvalidParams.Count > 0) Errors.Add(result.InvalidParams, anchor);
        else if (fieldOf?.Invoke(code) is { } field) Errors.Add(field, code);
        else Errors.AddGeneral(code, general);
        return null;
    }
}

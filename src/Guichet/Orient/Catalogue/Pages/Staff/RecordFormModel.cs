using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// What the form pages of a unit, a channel or a service share: the record shown (none for id
/// "new", which creates one in ?organisation=), its organisation, which the user must be allowed
/// to change, and the form's errors.
internal abstract class RecordFormModel<T>(GuichetDb db, CatalogueWork work, Texts texts) : PageModel where T : class, ICatalogueRecord
{
    public Organisation Organisation { get; private set; } = null!;
    public T? Record { get; private set; }
    public FieldErrors Errors { get; } = StaffPage.Errors(texts);

    /// What a save changes: the record shown, or a new one in the organisation.
    protected RecordKey Key => Record is null ? RecordKey.New(Organisation.Id) : RecordKey.Existing(Record.Id);

    protected GuichetDb Db => db;
    protected CatalogueWork Work => work;
    protected Texts Texts => texts;

    /// Null when the page can be shown, else its answer: not found, forbidden.
    protected async Task<IActionResult?> LoadAsync(string id, Guid? organisationId, CancellationToken ct)
    {
        if (id != "new")
        {
            Record = Guid.TryParse(id, out var recordId) ? await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct) : null;
            if (Record is null) return NotFound();
            organisationId = Record.OrganisationId;
        }
        var found = await work.OrganisationInScopeAsync(User, organisationId, ct);
        if (found.Value is not { } organisation) return StaffPage.Missing(this, found);
        Organisation = organisation;
        await LoadedAsync(ct);
        return null;
    }

    /// What the page reads once the record and its organisation are known (its choices).
    protected virtual Task LoadedAsync(CancellationToken ct) => Task.CompletedTask;

    /// After a change: the changed record's page, or this form again with why the change was refused.
    protected IActionResult Outcome(Result<T> result, Func<T, string> next, Func<string, string>? anchor = null) =>
        result.Value is { } record ? Redirect(next(record)) : StaffPage.Refused(this, result, Errors, anchor);

    /// The organisation's units in tree order, indented by depth; a unit and what is below it are
    /// left out when <paramref name="notUnder"/> names it, since a unit cannot go under itself.
    protected async Task<IReadOnlyList<FormChoice>> UnitChoicesAsync(Guid? notUnder, CancellationToken ct)
    {
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == Organisation.Id).ToListAsync(ct);
        var excluded = notUnder is { } unit ? UnitTree.SelfAndDescendants(units, unit) : [];
        return [.. UnitTree.Order(units, Organisation.PrimaryLanguage).Where(u => !excluded.Contains(u.Unit.Id)).Select(u =>
        {
            var (name, used) = u.Unit.Name.Resolve(Languages.Current, Organisation.PrimaryLanguage);
            return new FormChoice(u.Unit.Id.ToString(), string.Concat(Enumerable.Repeat("— ", u.Depth)) + name, used == Languages.Current ? null : used);
        })];
    }

    /// A field of this form, labelled after its path ("phone" → "Phone number") unless
    /// <paramref name="label"/> says otherwise.
    public FormField Input(string name, string? value, string type = "text", string? hint = null, string? lang = null, string? label = null) =>
        new(name, label ?? Errors.Label(name), value, Errors[name]) { Type = type, Hint = hint, Lang = lang };
}

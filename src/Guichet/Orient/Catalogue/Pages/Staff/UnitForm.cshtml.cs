using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new", ?organisation=) or edits a unit; choosing another parent moves it.
internal sealed class UnitFormModel(GuichetDb db, CatalogueWork editing, Texts texts) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public Unit? Unit { get; private set; }
    public UnitRequest Form { get; private set; } = new(null, null, null);
    public IReadOnlyList<Choice> Parents { get; private set; } = [];
    public FormErrors Errors { get; } = new(texts);
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, Guid? organisation, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        Form = Unit is null ? new UnitRequest(null, null, null) : UnitRequest.From(Unit);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, Guid? organisation, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        Form = new UnitRequest(FormReader.Value(Request.Form, "slug"), FormReader.Id(Request.Form, "parentId"), FormReader.Text(Request.Form, "name"));
        var result = Unit is null
            ? await editing.CreateUnitAsync(User, Organisation.Id, Form, ct)
            : await editing.EditUnitAsync(User, Unit.Id, Form, ct);
        return result.Value is { } unit ? Redirect($"/staff/catalogue/units/{unit.Id}?saved=true") : StaffPage.Refused(this, result.Refusal!, Errors);
    }

    private async Task<IActionResult?> LoadAsync(string id, Guid? organisationId, CancellationToken ct)
    {
        if (id != "new")
        {
            Unit = Guid.TryParse(id, out var unitId) ? await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) : null;
            if (Unit is null) return NotFound();
            organisationId = Unit.OrganisationId;
        }
        var (organisation, refusal) = await StaffPage.OrganisationAsync(this, db, editing, organisationId, ct);
        if (organisation is null) return refusal;
        Organisation = organisation;
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisation.Id).ToListAsync(ct);
        // A unit cannot go under itself or under what is below it: those are not offered.
        var excluded = Unit is null ? [] : UnitTree.SelfAndDescendants(units, Unit.Id);
        Parents = [.. UnitTree.Order(units, organisation.PrimaryLanguage).Where(u => !excluded.Contains(u.Unit.Id)).Select(u =>
        {
            var (name, used) = u.Unit.Name.Resolve(Languages.Current, organisation.PrimaryLanguage);
            return new Choice(u.Unit.Id.ToString(), string.Concat(Enumerable.Repeat("— ", u.Depth)) + name, used == Languages.Current ? null : used);
        })];
        return null;
    }

    public string Title => Unit is null
        ? texts["catalogue.unit.new-title"]
        : texts["catalogue.unit.edit-title", StaffPage.Name(Unit.Name, Organisation)];
}

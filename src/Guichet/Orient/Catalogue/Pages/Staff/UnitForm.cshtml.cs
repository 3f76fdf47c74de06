using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new", ?organisation=) or edits a unit; choosing another parent moves it.
internal sealed class UnitFormModel(GuichetDb db, CatalogueWork work, Texts texts) : RecordFormModel<Unit>(db, work, texts)
{
    public Unit? Unit => Record;
    public UnitRequest Form { get; private set; } = new(null, null, null);
    public IReadOnlyList<FormChoice> Parents { get; private set; } = [];
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
        var result = await Work.SaveUnitAsync(User, Key, Form, ct);
        return Outcome(result, u => $"/staff/catalogue/units/{u.Id}?saved=true");
    }

    protected override async Task LoadedAsync(CancellationToken ct) => Parents = await UnitChoicesAsync(notUnder: Unit?.Id, ct);

    public string Title => Unit is null
        ? Texts["catalogue.unit.new-title"]
        : Texts["catalogue.unit.edit-title", StaffPage.Name(Unit.Name, Organisation)];
}

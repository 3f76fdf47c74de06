using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new") or edits an organisation: admins only.
[Authorize(Policy = Acts.CatalogueAdminister)]
internal sealed class OrganisationFormModel(GuichetDb db, CatalogueWork work, Texts texts) : PageModel
{
    public Organisation? Organisation { get; private set; }
    public OrganisationRequest Form { get; private set; } = new(null, OrganisationKind.Municipality, "fr", false, null, null, null);
    public FieldErrors Errors { get; } = StaffPage.Errors(texts);
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (Organisation is not null) Form = OrganisationRequest.From(Organisation);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        var form = Request.Form;
        Form = new OrganisationRequest(
            FormReader.Value(form, "slug"),
            Enum.TryParse<OrganisationKind>(FormReader.Value(form, "kind"), ignoreCase: true, out var kind) ? kind : null,
            FormReader.Value(form, "primaryLanguage"),
            form["external"] == "true",
            FormReader.Text(form, "name"),
            FormReader.OptionalText(form, "description"),
            FormReader.Value(form, "homepage"));
        var result = await work.SaveOrganisationAsync(User, Organisation?.Id, Form, ct);
        if (result.Value is { } saved) return Redirect($"/staff/catalogue/organisations/{saved.Id}?saved=true");
        if (result.Code == "primary-language-not-covered")
        {
            Errors.Add("primaryLanguage", result.Code);
            return Page();
        }
        return StaffPage.Refused(this, result, Errors);
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (id == "new") return null;
        Organisation = Guid.TryParse(id, out var organisationId) ? await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct) : null;
        return Organisation is null ? NotFound() : null;
    }

    public string Title => Organisation is null
        ? texts["catalogue.organisation.new-title"]
        : texts["catalogue.organisation.edit-title", StaffPage.Name(Organisation.Name, Organisation)];
}

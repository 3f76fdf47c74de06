using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new", ?organisation=) or edits a channel; its opening hours have a page of their own.
internal sealed class ChannelFormModel(GuichetDb db, CatalogueWork editing, Texts texts) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public Channel? Channel { get; private set; }
    public ChannelRequest Form { get; private set; } = new(null, ChannelKind.Counter, null, null, null, null, null, null, null, null, null);
    public string Latitude { get; private set; } = "";
    public string Longitude { get; private set; } = "";
    public IReadOnlyList<Choice> Units { get; private set; } = [];
    public FormErrors Errors { get; } = new(texts);
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, Guid? organisation, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        if (Channel is not null)
        {
            Form = ChannelRequest.From(Channel);
            Latitude = Channel.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Longitude = Channel.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, Guid? organisation, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        var form = Request.Form;
        var inputErrors = new List<InvalidParam>();
        Latitude = FormReader.Value(form, "latitude") ?? "";
        Longitude = FormReader.Value(form, "longitude") ?? "";
        var street = FormReader.Value(form, "address.street");
        var postcode = FormReader.Value(form, "address.postcode");
        var city = FormReader.Text(form, "address.city");
        Form = new ChannelRequest(
            FormReader.Value(form, "slug"),
            Enum.TryParse<ChannelKind>(FormReader.Value(form, "kind"), ignoreCase: true, out var kind) ? kind : null,
            FormReader.Id(form, "unitId"),
            FormReader.Text(form, "name"),
            street is null && postcode is null && city.IsEmpty ? null : new PostalAddress(street ?? "", postcode ?? "", city),
            Number(Latitude, "latitude", inputErrors),
            Number(Longitude, "longitude", inputErrors),
            FormReader.Value(form, "phone"),
            FormReader.Value(form, "email"),
            FormReader.Value(form, "url"),
            Channel?.OpeningHours);
        var result = Channel is null
            ? await editing.CreateChannelAsync(User, Organisation.Id, Form, ct, inputErrors)
            : await editing.EditChannelAsync(User, Channel.Id, Form, ct, inputErrors);
        return result.Value is { } channel ? Redirect($"/staff/catalogue/channels/{channel.Id}?saved=true") : StaffPage.Refused(this, result.Refusal!, Errors, n => n == "address" ? "address.street" : n);
    }

    private static double? Number(string text, string field, List<InvalidParam> errors)
    {
        if (text.Length == 0) return null;
        if (FormReader.TryNumber(text, out var value)) return value;
        errors.Add(new InvalidParam(field, "invalid-number", "Not a number."));
        return null;
    }

    private async Task<IActionResult?> LoadAsync(string id, Guid? organisationId, CancellationToken ct)
    {
        if (id != "new")
        {
            Channel = Guid.TryParse(id, out var channelId) ? await db.Set<Channel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, ct) : null;
            if (Channel is null) return NotFound();
            organisationId = Channel.OrganisationId;
        }
        var (organisation, refusal) = await StaffPage.OrganisationAsync(this, db, editing, organisationId, ct);
        if (organisation is null) return refusal;
        Organisation = organisation;
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisation.Id).ToListAsync(ct);
        Units = [.. UnitTree.Order(units, organisation.PrimaryLanguage).Select(u =>
        {
            var (name, used) = u.Unit.Name.Resolve(Languages.Current, organisation.PrimaryLanguage);
            return new Choice(u.Unit.Id.ToString(), string.Concat(Enumerable.Repeat("— ", u.Depth)) + name, used == Languages.Current ? null : used);
        })];
        return null;
    }

    public string Title => Channel is null
        ? texts["catalogue.channel.new-title"]
        : texts["catalogue.channel.edit-title", StaffPage.Name(Channel.Name, Organisation)];

    public Field Input(string name, string? value, string type = "text", string? hint = null) =>
        new(name, Errors.Label(name), value, Errors[name]) { Type = type, Hint = hint };
}

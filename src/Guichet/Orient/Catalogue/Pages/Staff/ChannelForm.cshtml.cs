using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new", ?organisation=) or edits a channel; its opening hours have a page of their own.
internal sealed class ChannelFormModel(GuichetDb db, CatalogueWork work, Texts texts) : RecordFormModel<Channel>(db, work, texts)
{
    public Channel? Channel => Record;
    public ChannelRequest Form { get; private set; } = new(null, ChannelKind.Counter, null, null, null, null, null, null, null, null, null);
    public string Latitude { get; private set; } = "";
    public string Longitude { get; private set; } = "";
    public IReadOnlyList<FormChoice> Units { get; private set; } = [];
    public bool Saved { get; private set; }

    public IReadOnlyList<FormChoice> Kinds =>
        [.. Enum.GetValues<ChannelKind>().Select(k => k.ToString().ToLowerInvariant()).Select(k => new FormChoice(k, Texts["catalogue.channel.kind." + k]))];

    public async Task<IActionResult> OnGetAsync(string id, Guid? organisation, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        if (Channel is not null)
        {
            Form = ChannelRequest.From(Channel);
            Latitude = Channel.Latitude?.ToString(CultureInfo.InvariantCulture) ?? "";
            Longitude = Channel.Longitude?.ToString(CultureInfo.InvariantCulture) ?? "";
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
        var result = await Work.SaveChannelAsync(User, Key, Form, ct, inputErrors);
        return Outcome(result, c => $"/staff/catalogue/channels/{c.Id}?saved=true", n => n == "address" ? "address.street" : n);
    }

    private static double? Number(string text, string field, List<InvalidParam> errors)
    {
        if (text.Length == 0) return null;
        if (FormReader.TryNumber(text, out var value)) return value;
        errors.Add(new InvalidParam(field, "invalid-number", "Not a number."));
        return null;
    }

    protected override async Task LoadedAsync(CancellationToken ct) => Units = await UnitChoicesAsync(notUnder: null, ct);

    public string Title => Channel is null
        ? Texts["catalogue.channel.new-title"]
        : Texts["catalogue.channel.edit-title", StaffPage.Name(Channel.Name, Organisation)];
}

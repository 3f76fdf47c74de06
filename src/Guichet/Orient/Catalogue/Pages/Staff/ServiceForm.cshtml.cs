using System.Globalization;
using System.Text.RegularExpressions;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new", ?organisation=) or edits a service with all its content in the four
/// languages; publishes and unpublishes it.
internal sealed partial class ServiceFormModel(GuichetDb db, CatalogueWork editing, CodeLists codes, Texts texts) : PageModel
{
    public const int BlankRows = 3;

    public Organisation Organisation { get; private set; } = null!;
    public PublicService? Service { get; private set; }
    public ServiceRequest Form { get; private set; } = new();
    public string ProcessingDays { get; private set; } = "";
    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];
    public IReadOnlyList<Channel> Channels { get; private set; } = [];
    public CodeLists Codes => codes;
    public FormErrors Errors { get; } = new(texts);
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, Guid? organisation, string? done, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        Form = Service is null ? new ServiceRequest { Audiences = [Audience.Citizens] } : ServiceRequest.From(Service.Content);
        ProcessingDays = Form.ProcessingTime?.Days.ToString(CultureInfo.InvariantCulture) ?? "";
        Done = done is "saved" or "published" or "unpublished" ? done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, Guid? organisation, CancellationToken ct)
    {
        if (await LoadAsync(id, organisation, ct) is { } refusal) return refusal;
        var inputErrors = new List<InvalidParam>();
        Form = Read(Request.Form, inputErrors);
        var result = Service is null
            ? await editing.CreateServiceAsync(User, Organisation.Id, Form, ct, inputErrors)
            : await editing.EditServiceAsync(User, Service.Id, Form, ct, inputErrors);
        return result.Value is { } saved ? Redirect($"/staff/catalogue/services/{saved.Id}?done=saved") : Refused(result.Refusal!);
    }

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct) =>
        ChangeStatusAsync(id, "published", editing.PublishServiceAsync, ct);

    public Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken ct) =>
        ChangeStatusAsync(id, "unpublished", editing.UnpublishServiceAsync, ct);

    private async Task<IActionResult> ChangeStatusAsync(string id, string done,
        Func<System.Security.Claims.ClaimsPrincipal, Guid, CancellationToken, Task<EditResult<PublicService>>> change, CancellationToken ct)
    {
        if (await LoadAsync(id, null, ct) is { } refusal) return refusal;
        if (Service is null) return NotFound();
        var result = await change(User, Service.Id, ct);
        if (result.Value is not null) return Redirect($"/staff/catalogue/services/{Service.Id}?done={done}");
        Form = ServiceRequest.From(Service.Content);
        ProcessingDays = Form.ProcessingTime?.Days.ToString(CultureInfo.InvariantCulture) ?? "";
        return Refused(result.Refusal!);
    }

    private IActionResult Refused(EditRefusal refusal) => StaffPage.Refused(this, refusal, Errors, Anchor);

    [GeneratedRegex(@"^(keywords\.[a-z]{2}|themes|lifeEvents|businessEvents|channelIds|audiences)\[\d+\]$")]
    private static partial Regex GroupItem();

    [GeneratedRegex(@"^legalResources\[(\d+)\]\.title$")]
    private static partial Regex LegalTitle();

    /// Items of checkbox groups and keyword lists are shown on the group's first field.
    private static string Anchor(string name)
    {
        var group = GroupItem().Match(name);
        if (group.Success) return group.Groups[1].Value;
        return name switch
        {
            "processingTime" => "processingTime.days",
            _ => name,
        };
    }

    private async Task<IActionResult?> LoadAsync(string id, Guid? organisationId, CancellationToken ct)
    {
        if (id == "new")
        {
            if (organisationId is null) return NotFound();
        }
        else
        {
            if (!Guid.TryParse(id, out var serviceId)) return NotFound();
            Service = await db.Set<PublicService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
            if (Service is null) return NotFound();
            organisationId = Service.OrganisationId;
        }
        var (organisation, refusal) = await StaffPage.OrganisationAsync(this, db, editing, organisationId, ct);
        if (organisation is null) return refusal;
        Organisation = organisation;
        Units = UnitTree.Order(await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisation.Id).ToListAsync(ct), organisation.PrimaryLanguage);
        Channels = [.. (await db.Set<Channel>().AsNoTracking().Where(c => c.OrganisationId == organisation.Id).ToListAsync(ct))
            .OrderBy(c => c.Kind).ThenBy(c => c.Name.Resolve(Languages.Current, organisation.PrimaryLanguage).Text, StringComparer.CurrentCultureIgnoreCase)];
        return null;
    }

    private ServiceRequest Read(IFormCollection form, List<InvalidParam> inputErrors)
    {
        ProcessingDays = FormReader.Value(form, "processingTime.days") ?? "";
        ProcessingTime? processingTime = null;
        if (ProcessingDays.Length > 0)
        {
            var unit = FormReader.Value(form, "processingTime.unit") == "working" ? DayCount.Working : DayCount.Calendar;
            if (int.TryParse(ProcessingDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days)) processingTime = new ProcessingTime(days, unit);
            else inputErrors.Add(new InvalidParam("processingTime.days", "invalid-number", "Not a whole number."));
        }

        var evidence = new List<LocalizedText>();
        for (var i = 0; i < FormReader.RowCount(form, "evidence"); i++)
            if (FormReader.OptionalText(form, $"evidence[{i}]") is { } item) evidence.Add(item);

        var legal = new List<LegalResource>();
        for (var i = 0; i < FormReader.RowCount(form, "legalResources"); i++)
        {
            var title = FormReader.Text(form, $"legalResources[{i}].title");
            var url = FormReader.Value(form, $"legalResources[{i}].url");
            if (!title.IsEmpty || url is not null) legal.Add(new LegalResource(title, url ?? ""));
        }

        return new ServiceRequest
        {
            Slug = FormReader.Value(form, "slug"),
            UnitId = FormReader.Id(form, "unitId"),
            Name = FormReader.Text(form, "name"),
            Description = FormReader.Text(form, "description"),
            Keywords = new LocalizedKeywords
            {
                Fr = Keywords(form, "fr"),
                Nl = Keywords(form, "nl"),
                De = Keywords(form, "de"),
                En = Keywords(form, "en"),
            },
            Audiences = [.. FormReader.Values(form, "audiences").Select(a => Enum.TryParse<Audience>(a, ignoreCase: true, out var x) ? x : (Audience)(-1))],
            Themes = FormReader.Values(form, "themes"),
            LifeEvents = FormReader.Values(form, "lifeEvents"),
            BusinessEvents = FormReader.Values(form, "businessEvents"),
            Cost = FormReader.OptionalText(form, "cost"),
            Evidence = evidence,
            Output = FormReader.OptionalText(form, "output"),
            LegalResources = legal,
            ProcessingTime = processingTime,
            AppealSummary = FormReader.OptionalText(form, "appealSummary"),
            ChannelIds = [.. FormReader.Values(form, "channelIds").Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty)],
        };
    }

    private static List<string> Keywords(IFormCollection form, string language) =>
        [.. (FormReader.Value(form, $"keywords.{language}") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    // ---- for the view -----------------------------------------------------------------------

    public Field Text(string field, string language, bool multiline = false, string? hint = null) =>
        new($"{field}.{language}", texts["catalogue.field." + field], Value(field, language), Errors[$"{field}.{language}"])
        {
            Lang = language,
            Multiline = multiline,
            Hint = hint,
        };

    private string? Value(string field, string language) => field switch
    {
        "name" => Form.Name?[language],
        "description" => Form.Description?[language],
        "cost" => Form.Cost?[language],
        "output" => Form.Output?[language],
        "appealSummary" => Form.AppealSummary?[language],
        "keywords" => string.Join(", ", (Form.Keywords ?? new LocalizedKeywords())[language]),
        _ => null,
    };

    public IReadOnlyList<LocalizedText> EvidenceRows =>
        [.. Form.Evidence ?? [], .. Enumerable.Repeat(new LocalizedText(), BlankRows)];

    public IReadOnlyList<LegalResource> LegalRows =>
        [.. Form.LegalResources ?? [], .. Enumerable.Repeat(new LegalResource(new LocalizedText(), ""), BlankRows)];

    public IReadOnlyList<Choice> CodeChoices(IReadOnlyDictionary<string, LocalizedText> list) =>
        [.. list.Select(kv => new Choice(kv.Key, kv.Value.Resolve(Languages.Current, "en").Text)).OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase)];

    public IReadOnlyList<Choice> ChannelChoices => [.. Channels.Select(c =>
    {
        var (name, used) = c.Name.Resolve(Languages.Current, Organisation.PrimaryLanguage);
        return new Choice(c.Id.ToString(), $"{name} ({texts["catalogue.channel.kind." + c.Kind.ToString().ToLowerInvariant()]})", used == Languages.Current ? null : used);
    })];

    public IReadOnlyList<Choice> UnitChoices => [.. Units.Select(u =>
    {
        var (name, used) = u.Unit.Name.Resolve(Languages.Current, Organisation.PrimaryLanguage);
        return new Choice(u.Unit.Id.ToString(), string.Concat(Enumerable.Repeat("— ", u.Depth)) + name, used == Languages.Current ? null : used);
    })];

    public string Title => Service is null
        ? texts["catalogue.service.new-title"]
        : texts["catalogue.service.edit-title", Service.Content.Name.Resolve(Languages.Current, Organisation.PrimaryLanguage).Text];
}

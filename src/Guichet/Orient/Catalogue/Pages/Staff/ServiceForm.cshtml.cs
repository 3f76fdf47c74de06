using System.Text.RegularExpressions;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// Creates (id "new", ?organisation=) or edits a service with all its content in the four
/// languages; publishes and unpublishes it.
internal sealed partial class ServiceFormModel(GuichetDb db, CatalogueWork work, CodeLists codes, Texts texts) : RecordFormModel<PublicService>(db, work, texts)
{
    public const int BlankRows = 3;

    public PublicService? Service => Record;
    public ServiceRequest Form { get; private set; } = new();
    public string ProcessingDays { get; private set; } = "";
    public IReadOnlyList<FormChoice> UnitChoices { get; private set; } = [];
    public IReadOnlyList<FormChoice> ChannelChoices { get; private set; } = [];
    public CodeLists Codes => codes;
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
        var result = await Work.SaveServiceAsync(User, Key, Form, ct, inputErrors);
        return Outcome(result, s => $"/staff/catalogue/services/{s.Id}?done=saved", Anchor);
    }

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct) =>
        ChangeStatusAsync(id, "published", Work.PublishServiceAsync, ct);

    public Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken ct) =>
        ChangeStatusAsync(id, "unpublished", Work.UnpublishServiceAsync, ct);

    private async Task<IActionResult> ChangeStatusAsync(string id, string done,
        Func<System.Security.Claims.ClaimsPrincipal, Guid, CancellationToken, Task<Result<PublicService>>> change, CancellationToken ct)
    {
        if (await LoadAsync(id, null, ct) is { } refusal) return refusal;
        if (Service is null) return NotFound();
        var result = await change(User, Service.Id, ct);
        Form = ServiceRequest.From(Service.Content);
        ProcessingDays = Form.ProcessingTime?.Days.ToString(CultureInfo.InvariantCulture) ?? "";
        return Outcome(result, s => $"/staff/catalogue/services/{s.Id}?done={done}", Anchor);
    }

    [GeneratedRegex(@"^(keywords\.[a-z]{2}|themes|lifeEvents|businessEvents|channelIds|audiences)\[\d+\]$")]
    private static partial Regex GroupItem();

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

    protected override async Task LoadedAsync(CancellationToken ct)
    {
        UnitChoices = await UnitChoicesAsync(notUnder: null, ct);
        ChannelChoices = [.. (await StaffPage.ChannelsAsync(Db, Organisation, ct)).Select(c =>
        {
            var (name, used) = c.Name.Resolve(Languages.Current, Organisation.PrimaryLanguage);
            return new FormChoice(c.Id.ToString(), $"{name} ({Texts["catalogue.channel.kind." + c.Kind.ToString().ToLowerInvariant()]})", used == Languages.Current ? null : used);
        })];
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

    public FormField Text(string field, string language, bool multiline = false, string? hint = null) =>
        new($"{field}.{language}", Texts["catalogue.label." + field], Value(field, language), Errors[$"{field}.{language}"])
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

    public IReadOnlyList<FormChoice> CodeChoices(IReadOnlyDictionary<string, LocalizedText> list) =>
        [.. list.Select(kv => new FormChoice(kv.Key, kv.Value.Resolve(Languages.Current, "en").Text)).OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase)];

    public string Title => Service is null
        ? Texts["catalogue.service.new-title"]
        : Texts["catalogue.service.edit-title", Service.Content.Name.Resolve(Languages.Current, Organisation.PrimaryLanguage).Text];
}

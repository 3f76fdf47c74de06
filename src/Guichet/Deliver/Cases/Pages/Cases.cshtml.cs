using System.Text.RegularExpressions;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver;
using Guichet.Platform.Identifiers;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Deliver.Cases.Pages;

/// The work list: the cases of the user's unit (admins: all) by urgency, filtered, a page at a time.
/// A search by national or enterprise number is posted (the box's form posts) and goes on as an
/// encrypted key (`who`, NumberKeys), so the number is never in a URL (ADR 0022); a case number
/// stays a plain GET filter.
internal sealed partial class CasesModel(CaseList list, GuichetDb db, WorkingCalendar calendar, TimeProvider time, NumberKeys keys, Texts texts) : CaseWorkPage(texts)
{
    public const int PageSize = 50;

    public sealed record Row(Case Case, CaseType Type, ClockReading Clock, string? Handler);

    public string? Status { get; private set; }
    public string Show { get; private set; } = "open";
    public bool Overdue { get; private set; }
    public bool Mine { get; private set; }
    public string? Query { get; private set; }
    public string? Who { get; private set; }
    public string? Done { get; private set; }
    public string? DoneNumber { get; private set; }
    public bool Continued { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<FormChoice> Statuses { get; private set; } = [];
    public string? NextUrl { get; private set; }
    public string FirstUrl => "/staff/cases" + Filters().ToQueryString();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<seq>\d{1,9})$")]
    private static partial Regex CaseNumber();

    public async Task<IActionResult> OnGetAsync(string? status, string? show, bool overdue, bool mine, string? q, string? who, string? after, string? done, string? number, CancellationToken ct)
    {
        Read(status, show, overdue, mine);
        Done = done;
        // Only a case number is echoed back, never other text someone put in a link.
        DoneNumber = number is not null && CaseNumber().IsMatch(number) ? number : null;
        await LoadStatusesAsync(ct);

        var filter = Filter();
        if (who is not null)
        {
            if (keys.Digits(who) is not { } partyNumber) return Refuse("search-key-invalid");
            Who = who;
            Query = partyNumber;
            filter = filter with { PartyNumber = partyNumber };
        }
        else if (!string.IsNullOrWhiteSpace(q))
        {
            var query = q.Trim();
            if (CaseNumber().Match(query) is { Success: true } m)
            {
                Query = query;
                filter = filter with { CaseNumber = CaseNumberOf(m) };
            }
            // A number typed into a link (or an old bookmark) is not echoed and not searched.
            else return Refuse(CaseList.PartyNumber(query) is null ? "search-not-a-number" : "number-in-url");
        }
        return await ListAsync(filter, after, ct);
    }

    /// The search box: a case number goes on as a GET filter, a national or enterprise number as
    /// its key; anything else is answered here, so that no mistyped number lands in a URL either.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Read(Field("status"), Field("show"), Field("overdue") == "true", Field("mine") == "true");
        var query = Field("q");
        var next = Filters();
        if (query is not null)
        {
            if (CaseNumber().IsMatch(query)) next.Add("q", query);
            else if (CaseList.PartyNumber(query) is { } partyNumber) next.Add("who", keys.Key(partyNumber));
            else
            {
                await LoadStatusesAsync(ct);
                return Refuse("search-not-a-number");
            }
        }
        return Redirect("/staff/cases" + next.ToQueryString());
    }

    private void Read(string? status, string? show, bool overdue, bool mine)
    {
        Status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        Show = show is "closed" or "all" ? show : "open";
        Overdue = overdue;
        Mine = mine;
    }

    private CaseListFilter Filter() =>
        new() { Status = Status, Closed = Show switch { "closed" => true, "all" => null, _ => false }, OverdueOnly = Overdue, MineOnly = Mine };

    private static string CaseNumberOf(Match m) => m.Groups["year"].Value + "-" + m.Groups["seq"].Value.TrimStart('0').PadLeft(5, '0');

    private IActionResult Refuse(string code)
    {
        Errors.Add("q", code);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// The statuses of the current case types, each named by its text for the customer.
    private async Task LoadStatusesAsync(CancellationToken ct)
    {
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToListAsync(ct);
        Statuses = [.. types.SelectMany(t => t.Content.Statuses).DistinctBy(s => s.Code).Select(s =>
        {
            var (text, lang) = CaseDisplay.Text(s.CustomerText, "fr");
            return new FormChoice(s.Code, text, lang);
        })];
    }

    private async Task<IActionResult> ListAsync(CaseListFilter filter, string? after, CancellationToken ct)
    {
        var cursor = after is null ? null : CaseListCursor.Read(after);
        Continued = cursor is not null;
        var page = await list.ReadAsync(User, filter, cursor, PageSize, ct);
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        var handlers = await CaseDisplay.StaffNamesAsync(db, page.Items.Select(c => c.HandlerId).OfType<Guid>(), ct);
        Rows = [.. page.Items.Select(c =>
        {
            var type = page.Types[c.CaseTypeId];
            return new Row(c, type, c.Clock(type, today, calendar), c.HandlerId is { } h ? handlers.GetValueOrDefault(h) : null);
        })];
        if (page.Next is not null)
        {
            var next = Filters();
            next.Add("after", page.Next);
            NextUrl = "/staff/cases" + next.ToQueryString();
        }
        return Page();
    }

    /// The current filters as a query string, for the next-page link.
    private QueryBuilder Filters()
    {
        var b = new QueryBuilder();
        if (Status is not null) b.Add("status", Status);
        b.Add("show", Show);
        if (Overdue) b.Add("overdue", "true");
        if (Mine) b.Add("mine", "true");
        if (Who is not null) b.Add("who", Who);
        else if (Query is not null) b.Add("q", Query);
        return b;
    }
}

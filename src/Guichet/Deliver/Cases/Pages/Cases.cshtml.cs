using System.Text.RegularExpressions;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Deliver.Cases.Pages;

/// The work list: the cases of the user's unit (admins: all) by urgency, filtered, a page at a time.
internal sealed partial class CasesModel(CaseList list, GuichetDb db, WorkingCalendar calendar, TimeProvider time, Texts texts) : CaseWorkPage(texts)
{
    public const int PageSize = 50;

    public sealed record Row(Case Case, CaseType Type, ClockReading Clock, string? Handler);

    public string? Status { get; private set; }
    public string Show { get; private set; } = "open";
    public bool Overdue { get; private set; }
    public bool Mine { get; private set; }
    public string? Query { get; private set; }
    public string? Done { get; private set; }
    public string? DoneNumber { get; private set; }
    public bool Continued { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<FormChoice> Statuses { get; private set; } = [];
    public string? NextUrl { get; private set; }
    public string FirstUrl => "/staff/cases" + Filters().ToQueryString();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<seq>\d{1,9})$")]
    private static partial Regex CaseNumber();

    public async Task<IActionResult> OnGetAsync(string? status, string? show, bool overdue, bool mine, string? q, string? after, string? done, string? number, CancellationToken ct)
    {
        Status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        Show = show is "closed" or "all" ? show : "open";
        Overdue = overdue;
        Mine = mine;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Done = done;
        // Only a case number is echoed back, never other text someone put in a link.
        DoneNumber = number is not null && CaseNumber().IsMatch(number) ? number : null;

        // The statuses of the current case types, each named by its text for the customer.
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToListAsync(ct);
        Statuses = [.. types.SelectMany(t => t.Content.Statuses).DistinctBy(s => s.Code).Select(s =>
        {
            var (text, lang) = CaseDisplay.Text(s.CustomerText, "fr");
            return new FormChoice(s.Code, text, lang);
        })];

        var filter = new CaseListFilter { Status = Status, Closed = Show switch { "closed" => true, "all" => null, _ => false }, OverdueOnly = Overdue, MineOnly = Mine };
        if (Query is not null)
        {
            if (CaseNumber().Match(Query) is { Success: true } m)
                filter = filter with { CaseNumber = m.Groups["year"].Value + "-" + m.Groups["seq"].Value.TrimStart('0').PadLeft(5, '0') };
            else if (CaseList.PartyNumber(Query) is { } partyNumber)
                filter = filter with { PartyNumber = partyNumber };
            else
            {
                Errors.Add("q", "search-not-a-number");
                return Page();
            }
        }
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
        if (Query is not null) b.Add("q", Query);
        return b;
    }
}

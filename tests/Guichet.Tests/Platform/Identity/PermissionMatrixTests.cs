using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Guichet.Deliver.Cases;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Identity;

/// The permission matrix (role × act) is the one place that says who may do what: every guarded
/// endpoint and page names acts of it, docs/permissions.md is generated from it, and every cell is
/// tried through the API and the pages with an account that has that role only.
public sealed class PermissionMatrixTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    /// One call per act (several for a case handler's acts, which the matrix keeps from managers
    /// and the front office): an allowed role passes authorization (any answer but 401/403: a 404
    /// for an unknown id, a 400 for an empty body), another gets 403.
    private static readonly (string Act, string Method, string Url, string? Body)[] ApiProbes =
    [
        (Acts.CatalogueEdit, "GET", "/api/v1/editor/services", null),
        (Acts.CatalogueAdminister, "POST", "/api/v1/organisations", "{}"),
        (Acts.ContactWork, "GET", "/api/v1/contacts", null),
        (Acts.AppointmentReceive, "GET", "/api/v1/appointments/day", null),
        (Acts.QueueServe, "GET", "/api/v1/queue/offices", null),
        (Acts.QueueSetUp, "POST", "/api/v1/queue/offices", "{}"),
        (Acts.CaseRead, "GET", "/api/v1/cases", null),
        (Acts.CaseAnnotate, "POST", "/api/v1/cases/{case}/notes", "{}"),
        (Acts.CaseOpen, "POST", "/api/v1/cases", "{}"),
        (Acts.CaseAssign, "POST", "/api/v1/cases/{case}/assign", "{}"),
        (Acts.CaseHandle, "POST", "/api/v1/cases/{case}/status", "{}"),
        (Acts.CaseHandle, "POST", "/api/v1/cases/{case}/suspend", "{}"),
        (Acts.CaseHandle, "POST", "/api/v1/cases/{case}/extend", "{}"),
        (Acts.CaseHandle, "POST", "/api/v1/cases/{case}/status-link", null),
        (Acts.CaseHandle, "POST", "/api/v1/cases/{case}/decision", "{}"),
        (Acts.CaseHandle, "POST", "/api/v1/cases/{case}/requests", "{}"),
        (Acts.AdviceGive, "POST", "/api/v1/advice/{unknown}/answer", "{}"),
        (Acts.CaseTypeManage, "POST", "/api/v1/case-types", "{}"),
        (Acts.ComplaintWork, "GET", "/api/v1/complaints", null),
        (Acts.ComplaintHandle, "POST", "/api/v1/complaints/{unknown}/answer", "{}"),
        (Acts.ComplaintReport, "GET", "/api/v1/complaints/report", null),
        (Acts.ReportsRead, "GET", "/api/v1/queue/statistics", null),
        (Acts.ImproveRead, "GET", "/api/v1/improve/mining/case-types", null),
        (Acts.AnalysisSpaceManage, "DELETE", "/api/v1/improve/mining/spaces/{unknown}", null),
        (Acts.ProcessDeclare, "PUT", "/api/v1/improve/processes/{unknown}", "{}"),
        (Acts.ProposalManage, "POST", "/api/v1/improve/proposals", "{}"),
        (Acts.ProposalManage, "POST", "/api/v1/improve/proposals/{unknown}/status", "{}"),
        (Acts.SatisfactionRead, "GET", "/api/v1/satisfaction/results", null),
        (Acts.TopicManage, "POST", "/api/v1/subscription-topics", "{}"),
        (Acts.NoticeSend, "GET", "/api/v1/notices", null),
        (Acts.NoticeSend, "POST", "/api/v1/notices/{unknown}/send", null),
        (Acts.WebhookManage, "GET", "/api/v1/webhooks", null),
    ];

    /// The same through the pages, signed in: a page guarded by the act, or a handler that does it.
    private static readonly (string Act, string Method, string Url)[] PageProbes =
    [
        (Acts.CatalogueEdit, "GET", "/staff/catalogue"),
        (Acts.ContactWork, "GET", "/staff/contacts"),
        (Acts.AppointmentReceive, "GET", "/staff/appointments"),
        (Acts.QueueServe, "GET", "/staff/queue"),
        (Acts.QueueSetUp, "GET", "/staff/queue/offices"),
        (Acts.CaseRead, "GET", "/staff/cases"),
        (Acts.CaseOpen, "GET", "/staff/cases/new"),
        (Acts.CaseAnnotate, "POST", "/staff/cases/{case}?handler=note"),
        (Acts.CaseAssign, "POST", "/staff/cases/{case}?handler=assign"),
        (Acts.CaseHandle, "POST", "/staff/cases/{case}?handler=move"),
        (Acts.CaseHandle, "POST", "/staff/cases/{case}?handler=suspend"),
        (Acts.CaseHandle, "POST", "/staff/cases/{case}?handler=extend"),
        (Acts.CaseHandle, "POST", "/staff/cases/{case}?handler=link"),
        (Acts.CaseHandle, "POST", "/staff/cases/{case}/decision"),
        (Acts.AdviceGive, "POST", "/staff/advice?handler=answer&adviceId={unknown}"),
        (Acts.ComplaintWork, "GET", "/staff/complaints"),
        (Acts.ComplaintHandle, "POST", "/staff/complaints/{unknown}?handler=answer"),
        (Acts.ComplaintReport, "GET", "/staff/complaints/report"),
        (Acts.ReportsRead, "GET", "/staff/queue/statistics"),
        (Acts.ReportsRead, "GET", "/staff/accessibility-feedback"),
        (Acts.OutboxManage, "GET", "/staff/outbox"),
        (Acts.ImproveRead, "GET", "/staff/improve/mining"),
        (Acts.ImproveRead, "GET", "/staff/improve/processes"),
        (Acts.ProcessDeclare, "POST", "/staff/improve/processes/{unknown}/declare"),
        (Acts.ImproveRead, "GET", "/staff/improve/proposals"),
        (Acts.ProposalManage, "GET", "/staff/improve/proposals/new"),
        (Acts.ProposalManage, "POST", "/staff/improve/proposals/{unknown}?handler=status"),
        (Acts.SatisfactionRead, "GET", "/staff/satisfaction"),
        (Acts.TopicManage, "GET", "/staff/subscriptions/topics"),
        (Acts.NoticeSend, "GET", "/staff/notices"),
        (Acts.NoticeSend, "POST", "/staff/notices/{unknown}?handler=send"),
        (Acts.WebhookManage, "GET", "/staff/webhooks"),
        (Acts.WebhookManage, "POST", "/staff/webhooks?handler=delete&id={unknown}"),
        (Acts.TokenManage, "GET", "/staff/tokens"),
        (Acts.TokenManage, "POST", "/staff/tokens?handler=revoke&id={unknown}"),
    ];

    public static TheoryData<string> EveryRole => [.. Roles.All];

    [Fact]
    public void Every_act_is_tried_through_the_api_or_the_pages_and_every_probe_names_an_act()
    {
        var acts = PermissionMatrix.All.Select(p => p.Act).ToHashSet();
        var probed = ApiProbes.Select(p => p.Act).Concat(PageProbes.Select(p => p.Act)).ToHashSet();
        Assert.Empty(acts.Except(probed));
        Assert.Empty(probed.Except(acts));
    }

    [Fact]
    public void Every_guarded_endpoint_and_page_names_acts_of_the_matrix_and_every_act_guards_something()
    {
        var known = PermissionMatrix.All.Select(p => p.Act).Append(Policies.Staff).ToHashSet();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var used = new HashSet<string>();
        var strays = new List<string>();
        foreach (var endpoint in endpoints)
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (data.Policy is { } policy) used.Add(policy);
                if (data.Policy is null || !known.Contains(data.Policy) || data.Roles is not null)
                    strays.Add($"{endpoint.DisplayName}: policy {data.Policy ?? "(none)"} roles {data.Roles ?? "(none)"}");
            }
        // Page handlers that change something name their act too.
        var handlerActs = typeof(Program).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<RequiresActAttribute>()?.Act).OfType<string>().ToList();
        used.UnionWith(handlerActs);
        strays.AddRange(handlerActs.Where(a => !known.Contains(a)).Select(a => "handler act " + a));

        Assert.True(strays.Count == 0, "Not in the matrix:\n" + string.Join("\n", strays.Distinct()));
        Assert.Empty(known.Except(used));
    }

    [Fact]
    public void A_case_handlers_acts_are_not_given_to_the_front_office_nor_to_managers()
    {
        var handle = PermissionMatrix.Of(Acts.CaseHandle);
        Assert.Contains(Roles.CaseHandler, handle.Roles);
        Assert.DoesNotContain(Roles.FrontOffice, handle.Roles);
        Assert.DoesNotContain(Roles.Manager, handle.Roles);
        Assert.Contains(Roles.Manager, PermissionMatrix.Of(Acts.CaseRead).Roles);
        Assert.Contains(Roles.Manager, PermissionMatrix.Of(Acts.CaseAnnotate).Roles);
    }

    [Theory, MemberData(nameof(EveryRole))]
    public async Task Through_the_api_a_role_gets_past_authorization_exactly_for_the_acts_the_matrix_gives_it(string role)
    {
        var (client, _) = await AccountAsync(role);
        var caseId = AnyCase();
        var wrong = new List<string>();
        foreach (var (act, method, url, body) in ApiProbes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(url, caseId));
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            var status = (await client.SendAsync(request)).StatusCode;
            var allowed = PermissionMatrix.Of(act).Roles.Contains(role);
            if (status == HttpStatusCode.Unauthorized || (status == HttpStatusCode.Forbidden) == allowed)
                wrong.Add($"{act} {method} {url}: {(int)status} (matrix: {(allowed ? "allowed" : "refused")})");
        }
        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
    }

    [Theory, MemberData(nameof(EveryRole))]
    public async Task Through_the_pages_a_role_gets_past_authorization_exactly_for_the_acts_the_matrix_gives_it(string role)
    {
        var (_, email) = await AccountAsync(role);
        var session = await app.SignInAsync(email, "en", Password);
        var home = await session.PageAsync("/staff/sign-out");
        var token = Html.Antiforgery(home);
        var caseId = AnyCase();
        var wrong = new List<string>();
        foreach (var (act, method, url) in PageProbes)
        {
            var path = Fill(url, caseId);
            var response = method == "GET"
                ? await session.Jar.GetAsync(session.Client, path)
                : await session.Jar.PostFormAsync(session.Client, path, [new("__RequestVerificationToken", token)]);
            var forbidden = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/staff/forbidden", StringComparison.Ordinal));
            var signedOut = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/staff/sign-in", StringComparison.Ordinal);
            var allowed = PermissionMatrix.Of(act).Roles.Contains(role);
            if (signedOut || forbidden == allowed || response.StatusCode == HttpStatusCode.BadRequest)
                wrong.Add($"{act} {method} {url}: {(int)response.StatusCode} {response.Headers.Location} (matrix: {(allowed ? "allowed" : "refused")})");
        }
        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_manager_sees_the_case_but_no_form_to_decide_and_a_posted_status_change_is_refused_and_changes_nothing()
    {
        var (_, email) = await AccountAsync(Roles.Manager);
        var session = await app.SignInAsync(email, "en", Password);
        var caseId = await OpenCaseAsync();
        var page = await session.PageAsync($"/staff/cases/{caseId}");
        Assert.Null(page.QuerySelector("form[action*='handler=move']"));
        Assert.Null(page.QuerySelector("form[action*='handler=suspend']"));
        Assert.Null(page.QuerySelector("form[action*='handler=link']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=note']"));
        var before = app.InScope(db => db.Set<Case>().Where(c => c.Id == caseId).Select(c => new { c.Status, c.UpdatedAt, c.DueOn }).Single());
        var events = app.Activities("case", caseId).Count;

        var response = await session.Jar.PostFormAsync(session.Client, $"/staff/cases/{caseId}?handler=suspend",
            [new("__RequestVerificationToken", Html.Antiforgery(page)), new("suspend.reason", "missing-document"), new("suspend.on", DateTime.Today.ToString("yyyy-MM-dd"))]);

        Assert.Contains("/staff/forbidden", response.Headers.Location?.OriginalString ?? "");
        Assert.Equal(before, app.InScope(db => db.Set<Case>().Where(c => c.Id == caseId).Select(c => new { c.Status, c.UpdatedAt, c.DueOn }).Single()));
        Assert.Equal(events, app.Activities("case", caseId).Count);
    }

    /// docs/permissions.md is written from the matrix; set GUICHET_WRITE_DOCS=1 to write it anew.
    [Fact]
    public void The_permission_page_in_docs_is_generated_from_the_matrix()
    {
        var path = Path.Combine(Repository.Root, "docs", "permissions.md");
        var expected = PermissionPage();
        if (Environment.GetEnvironmentVariable("GUICHET_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, "docs/permissions.md is not the matrix's page: run the tests with GUICHET_WRITE_DOCS=1.");
    }

    private static string PermissionPage()
    {
        var md = new StringBuilder();
        md.AppendLine("# Who may do what: the permission matrix");
        md.AppendLine();
        md.AppendLine("Generated from `src/Guichet/Platform/Identity/Permissions.cs` by `PermissionMatrixTests`; do not edit by hand.");
        md.AppendLine("Each act is one authorization policy: API endpoints and pages name it, page handlers that change something carry");
        md.AppendLine("`[RequiresAct]`. Unit scope comes on top: staff see the records of their unit and of the units below it (complaint");
        md.AppendLine("officers, the front office for contacts, and admins see every unit). Every cell is tried through the API and the pages.");
        md.AppendLine();
        md.Append("| act | covers |");
        foreach (var role in Roles.All) md.Append($" {role} |");
        md.AppendLine();
        md.Append("|---|---|");
        foreach (var _ in Roles.All) md.Append(":-:|");
        md.AppendLine();
        foreach (var p in PermissionMatrix.All)
        {
            md.Append($"| `{p.Act}` | {p.Covers} |");
            foreach (var role in Roles.All) md.Append(p.Roles.Contains(role) ? " ✔ |" : " |");
            md.AppendLine();
        }
        return md.ToString();
    }

    private const string Password = "matrix-password-of-a-test";

    /// An account with this one role, in the unit of the open case, and an API token of its own.
    private async Task<(HttpClient Client, string Email)> AccountAsync(string role)
    {
        var email = $"matrix-{role}@guichet.test";
        var caseId = await OpenCaseAsync();
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            if (await db.Set<StaffUser>().AnyAsync(u => u.Email == email)) return 0;
            var unit = db.Set<Case>().Single(c => c.Id == caseId).UnitId;
            await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Matrix " + role, [role], Password, unit, CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return (await app.ClientAsAsync(email), email);
    }

    private static readonly SemaphoreSlim Opening = new(1, 1);
    private static Guid? _case;

    /// One open case (opened once by the demo admin): every role's account works in its unit.
    private async Task<Guid> OpenCaseAsync()
    {
        await Opening.WaitAsync();
        try
        {
            if (_case is { } known && app.InScope(db => db.Set<Case>().Any(c => c.Id == known))) return known;
            var admin = await app.ClientAsAsync(DemoAccounts.Admin);
            var opened = await (await admin.PostAsync("/api/v1/cases", ApiJson.JsonBody(new
            {
                caseType = "residents-parking-card", language = "fr", subject = "Carte riverain, matrice des droits",
                parties = new object[] { new { role = "applicant", kind = "person", name = "Camille Matrice" } },
            }))).ReadJsonAsync();
            _case = Guid.Parse(opened.GetProperty("id").GetString()!);
            return _case.Value;
        }
        finally { Opening.Release(); }
    }

    private Guid AnyCase() => _case ?? throw new InvalidOperationException("No case opened yet.");

    private static string Fill(string url, Guid caseId) =>
        url.Replace("{case}", caseId.ToString(), StringComparison.Ordinal).Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
}

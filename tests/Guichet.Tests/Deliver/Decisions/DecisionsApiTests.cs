using System.Net;
using Guichet.Deliver.Decisions;
using Guichet.Platform.EventLog;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using UglyToad.PdfPig;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.Decisions;

public sealed class DecisionsApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private const string Facts = "Le projet prévoit une extension de 40 m² en zone d'habitat, conforme au guide communal d'urbanisme et sans impact sur les voisins.";
    private const string Law = "Code du Développement territorial, articles D.IV.1 et D.IV.15.";

    /// A building permit case of the demo handler, moved to where a decision can be taken.
    private async Task<(HttpClient Handler, string Id)> ReadyCaseAsync(string language = "fr", string? email = "amelie@example.be")
    {
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var open = await handler.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "building-permit", language, subject = "Extension d'une maison, rue des Écoles 12", complete = true, receivedOn = "2026-09-01",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", email, address = "Rue des Écoles 12, 5395 Hautrival" } },
        }));
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        var id = (await open.ReadJsonAsync()).GetProperty("id").GetString()!;
        foreach (var status in new[] { "in-review", "awaiting-decision" })
            Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status }))).StatusCode);
        return (handler, id);
    }

    private int Decisions() => app.InScope(db => db.Set<Decision>().Count());

    private int Events() => app.InScope(db => db.Set<EventLogEntry>().Count());

    [Fact]
    public async Task A_decision_with_motivation_and_appeal_closes_the_case_and_sets_the_appeal_deadline()
    {
        var (handler, id) = await ReadyCaseAsync();
        var response = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "granted", factualGrounds = Facts, legalGrounds = Law, channel = "post" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var d = await response.ReadJsonAsync();
        // Posted Monday 5 October 2026, deemed received the third working day after: Thursday 8
        // October; + 30 days = Saturday 7 November, so the deadline moves to Monday 9 November.
        Assert.Equal("2026-10-08", d.GetProperty("notifiedOn").GetString());
        Assert.Equal("2026-11-09", d.GetProperty("appealDeadline").GetString());
        // The appeal block comes from the case type, in the language of procedure.
        Assert.Equal("Gouvernement wallon", d.GetProperty("appeal").GetProperty("body").GetString());
        var @case = await (await handler.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync();
        Assert.Equal("decided", @case.GetProperty("status").GetString());
        Assert.True(@case.GetProperty("closed").GetBoolean());
    }

    /// A decided case asks the customer for nothing: deciding while a request is open needs the
    /// handler's confirmation, then the request ends as withdrawn and the stopped clock runs again.
    [Fact]
    public async Task A_decision_withdraws_the_open_requests_once_confirmed_and_a_decided_case_asks_nothing_more()
    {
        var (handler, id) = await ReadyCaseAsync();
        var asked = await handler.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Le plan d'implantation signé", dueOn = "2026-10-20" }));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.ReadJsonAsync()).GetProperty("id").GetString();
        var decision = new { outcome = "granted", factualGrounds = Facts, legalGrounds = Law, channel = "post" };

        var (decisions, events) = (Decisions(), Events());
        var refused = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(decision));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("decision-open-requests", (await refused.ProblemAsync()).Code);
        Assert.Equal((decisions, events), (Decisions(), Events()));

        var issued = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { decision.outcome, decision.factualGrounds, decision.legalGrounds, decision.channel, withdrawOpenRequests = true }));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var request = Assert.Single((await (await handler.GetAsync($"/api/v1/cases/{id}/requests")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(requestId, request.GetProperty("id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, request.GetProperty("withdrawnAt").ValueKind);
        var activities = app.Activities("case", Guid.Parse(id));
        Assert.Equal(["deliver.request.withdrawn", "deliver.case.resumed", "deliver.decision.issued"],
            activities.SkipWhile(a => a != "deliver.request.withdrawn").Where(a => a is "deliver.request.withdrawn" or "deliver.case.resumed" or "deliver.decision.issued"));
        var @case = await (await handler.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync();
        Assert.NotEqual("suspended", @case.GetProperty("clock").GetProperty("state").GetString());

        // Nothing more is asked of the customer.
        var late = await handler.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Encore un document", dueOn = "2026-10-20" }));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Theory]
    [InlineData(null, Law, "factualGrounds")]
    [InlineData("Refusé.", Law, "factualGrounds")]
    [InlineData(Facts, "", "legalGrounds")]
    [InlineData(Facts, "Voir loi.", "legalGrounds")]
    public async Task A_decision_without_substantive_motivation_is_refused_and_stores_nothing(string? facts, string law, string field)
    {
        var (handler, id) = await ReadyCaseAsync();
        var (decisions, events) = (Decisions(), Events());
        var response = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "refused", factualGrounds = facts, legalGrounds = law, channel = "post" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("decision-motivation-missing", problem.GetProperty("code").GetString());
        Assert.Contains(field, problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal((decisions, events), (Decisions(), Events()));
        Assert.Equal("awaiting-decision", (await (await handler.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_decision_whose_appeal_block_is_incomplete_is_refused_and_stores_nothing()
    {
        var (handler, id) = await ReadyCaseAsync();
        var (decisions, events) = (Decisions(), Events());
        var response = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new
        {
            outcome = "refused", factualGrounds = Facts, legalGrounds = Law, channel = "post",
            appeal = new { body = " ", deadlineDays = 0 },
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("decision-appeal-information-missing", problem.GetProperty("code").GetString());
        Assert.Equal(["appeal.body", "appeal.deadlineDays"], problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal((decisions, events), (Decisions(), Events()));
    }

    [Fact]
    public async Task A_second_decision_is_refused()
    {
        var (handler, id) = await ReadyCaseAsync();
        var body = new { outcome = "granted", factualGrounds = Facts, legalGrounds = Law, channel = "email" };
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(body))).StatusCode);
        var second = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(body));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task By_email_needs_an_address_and_unknown_codes_are_refused()
    {
        var (handler, id) = await ReadyCaseAsync(email: null);
        var noEmail = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "granted", factualGrounds = Facts, legalGrounds = Law, channel = "email" }));
        Assert.Equal("applicant-email-missing", (await noEmail.ReadJsonAsync()).GetProperty("code").GetString());
        var badCodes = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "maybe", factualGrounds = Facts, legalGrounds = Law, channel = "pigeon" }));
        Assert.Equal(HttpStatusCode.BadRequest, badCodes.StatusCode);
        Assert.Equal(["outcome", "channel"], (await badCodes.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("fr", "Voies de recours", "Motifs de fait")]
    [InlineData("nl", "Beroepsmogelijkheden", "Feitelijke gronden")]
    [InlineData("de", "Rechtsbehelfe", "Tatsächliche Gründe")]
    public async Task The_letter_carries_motivation_and_appeal_in_the_language_of_procedure(string language, string appealHeading, string factsHeading)
    {
        var (handler, id) = await ReadyCaseAsync(language);
        var issued = await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "refused", factualGrounds = Facts, legalGrounds = Law, channel = "email" }));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);

        var html = await handler.GetStringAsync($"/api/v1/cases/{id}/decision/letter.html");
        Assert.Contains($"<html lang=\"{language}\"", html);
        Assert.Contains(appealHeading, html);
        Assert.Contains(factsHeading, html);

        var pdf = await handler.GetAsync($"/api/v1/cases/{id}/decision/letter.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains(appealHeading.Split(' ')[0], text);
        Assert.Contains("D.IV.15", text);
        Assert.Contains("2026", text);
    }

    [Fact]
    public async Task Markup_in_the_motivation_is_printed_as_text()
    {
        var (handler, id) = await ReadyCaseAsync();
        var facts = Facts + " <script>alert('x')</script>";
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "refused", factualGrounds = facts, legalGrounds = Law, channel = "post" }))).StatusCode);
        var html = await handler.GetStringAsync($"/api/v1/cases/{id}/decision/letter.html");
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task An_appeal_links_to_the_closed_case_and_leaves_the_decision_as_issued()
    {
        var (handler, id) = await ReadyCaseAsync();
        var before = await (await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "refused", factualGrounds = Facts, legalGrounds = Law, channel = "email" }))).ReadJsonAsync();
        var noDecisionYet = await ReadyCaseAsync();
        var early = await handler.PostAsync($"/api/v1/cases/{noDecisionYet.Id}/appeals", JsonBody(new { kind = "appeal", lodgedWith = "Gouvernement wallon", summary = "Contestation" }));
        Assert.Equal("decision-not-issued", (await early.ReadJsonAsync()).GetProperty("code").GetString());

        var bad = await handler.PostAsync($"/api/v1/cases/{id}/appeals", JsonBody(new { kind = "complaint", lodgedOn = "2026-12-01" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["kind", "lodgedOn", "lodgedWith", "summary"], (await bad.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var lodged = await handler.PostAsync($"/api/v1/cases/{id}/appeals", JsonBody(new { kind = "appeal", lodgedWith = "Gouvernement wallon", reference = "REC-2026-118", summary = "Le voisin conteste la hauteur de l'extension." }));
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        Assert.False((await lodged.ReadJsonAsync()).GetProperty("late").GetBoolean());
        var after = await (await handler.GetAsync($"/api/v1/cases/{id}/decision")).ReadJsonAsync();
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Single((await (await handler.GetAsync($"/api/v1/cases/{id}/appeals")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Another_units_handler_cannot_decide_or_read_the_decision()
    {
        var (handler, id) = await ReadyCaseAsync();
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "granted", factualGrounds = Facts, legalGrounds = Law, channel = "post" }))).StatusCode);
        var other = await app.OtherUnitHandlerAsync();
        foreach (var path in new[] { "decision", "decision/letter.pdf", "decision/letter.html", "appeals" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{id}/{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new { outcome = "granted", factualGrounds = Facts, legalGrounds = Law, channel = "post" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/cases/{id}/appeals", JsonBody(new { kind = "appeal", lodgedWith = "x", summary = "y" }))).StatusCode);
    }
}

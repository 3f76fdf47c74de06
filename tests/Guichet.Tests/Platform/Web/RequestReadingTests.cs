using System.Net;
using System.Text;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Platform.Web;

/// The platform's rules on the text a request brings (RequestReading), on any endpoint: a NUL
/// character, invalid UTF-8 and out-of-range dates are a 400 with a code, and nothing is stored.
public sealed class RequestReadingTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private int Events() => app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().Count());

    [Fact]
    public async Task A_NUL_character_in_a_JSON_string_is_refused_as_invalid_character_and_nothing_is_stored()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = Events();

        var inSlug = await admin.PostAsync("/api/v1/organisations", JsonBody(new { slug = "nul\0body", kind = "other", primaryLanguage = "fr", name = new { fr = "Nul" } }));
        var inLocalizedText = await admin.PostAsync("/api/v1/organisations", JsonBody(new { slug = "nul-body", kind = "other", primaryLanguage = "fr", name = new { fr = "Bon\0jour" } }));

        foreach (var response in new[] { inSlug, inLocalizedText })
        {
            var problem = await response.ProblemAsync();
            Assert.Equal((400, "invalid-character"), (problem.Status, problem.Code));
        }
        Assert.Equal(before, Events());
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_JSON_body_is_refused_with_a_code_and_nothing_is_stored()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = Events();
        var bytes = Encoding.UTF8.GetBytes("""{"slug":"bad-utf8","kind":"other","primaryLanguage":"fr","name":{"fr":"Caf#"}}""");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3; // a lead byte followed by '"': not UTF-8
        var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var problem = await (await admin.PostAsync("/api/v1/organisations", body)).ProblemAsync();

        Assert.Equal(400, problem.Status);
        Assert.Contains(problem.Code, new[] { "invalid-encoding", "malformed-json" });
        Assert.Equal(before, Events());
    }

    [Theory]
    [InlineData("/api/v1/services?q=a%00b", "q")]
    [InlineData("/api/v1/organisations?external=%00", "external")]
    public async Task A_NUL_character_in_the_query_is_refused_as_invalid_character(string url, string name)
    {
        var problem = await (await app.Client().GetAsync(url)).ProblemAsync();

        Assert.Equal((400, "invalid-character"), (problem.Status, problem.Code));
        Assert.Equal([name + ":invalid-character"], problem.Invalid);
    }

    [Fact]
    public async Task A_NUL_character_in_a_posted_form_is_refused_before_the_page_reads_it()
    {
        var before = Events();
        var response = await app.Client().PostAsync("/contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Jan\0Peeters", ["Email"] = "jan@example.be", ["Subject"] = "Hallo", ["Message"] = "Hallo",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Events());
    }

    [Theory]
    [InlineData("/api/v1/appointments/day?date=0001-01-01", "date")]
    [InlineData("/api/v1/appointments/day?date=9999-12-31", "date")]
    [InlineData("/api/v1/queue/statistics?from=0001-01-01&to=0001-01-07", "from")]
    [InlineData("/api/v1/queue/statistics?from=9999-12-25&to=9999-12-31", "from")]
    [InlineData("/api/v1/queue/offices/00000000-0000-0000-0000-000000000001/statistics?from=0001-01-01", "from")]
    [InlineData("/api/v1/queue/offices/00000000-0000-0000-0000-000000000001/statistics?to=9999-12-31", "to")]
    [InlineData("/api/v1/appointments/slots?service=00000000-0000-0000-0000-000000000001&from=9999-12-31", "from")]
    public async Task Out_of_range_dates_on_staff_statistics_and_day_endpoints_are_refused_with_a_code(string url, string name)
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);

        var problem = await (await admin.GetAsync(url)).ProblemAsync();

        Assert.Equal((400, "date-out-of-range"), (problem.Status, problem.Code));
        Assert.Equal([name + ":date-out-of-range"], problem.Invalid);
    }

    [Fact]
    public async Task An_out_of_range_date_on_the_staff_statistics_page_is_a_bad_request_not_an_error()
    {
        var session = await app.SignedInAsync(DemoAccounts.Admin);

        var response = await session.Jar.GetAsync(session.Client, "/staff/queue/statistics?from=0001-01-01&to=9999-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

using System.Net;
using Guichet.Follow.Complaints;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;

namespace Guichet.Tests.Follow.Complaints;

/// The front office's page for a complaint received at the counter, by phone, by letter or by
/// e-mail: refused input is shown again next to its field and stores nothing; accepted input is
/// a complaint and its contact, with its event.
public sealed class ComplaintStaffRegistrationTests(ComplaintsApp app) : IClassFixture<ComplaintsApp>
{
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");

    private (int Complaints, int Contacts) Counts() => app.InScope(db => (db.Set<Complaint>().Count(), db.Set<Contact>().Count()));

    [Theory]
    [InlineData("fr", "Enregistrer une plainte")]
    [InlineData("nl", "Een klacht registreren")]
    [InlineData("de", "Eine Beschwerde erfassen")]
    [InlineData("en", "Register a complaint")]
    public async Task The_page_is_reached_from_the_work_list_in_every_language(string language, string title)
    {
        var session = await app.SignedInAsync(DemoAccounts.FrontOffice, language);
        var list = await session.PageAsync("/staff/complaints");
        Assert.NotNull(list.QuerySelector("a[href='/staff/complaints/new']"));
        var form = await session.PageAsync("/staff/complaints/new");
        Assert.Equal(title, form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(4, form.QuerySelectorAll("input[name=channel]").Length);
        Assert.NotNull(form.QuerySelector("label[for=receivedOn]"));
    }

    [Fact]
    public async Task Refused_input_is_shown_next_to_its_field_and_stores_nothing()
    {
        var session = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var form = await session.PageAsync("/staff/complaints/new");
        var before = Counts();
        var refused = await session.SubmitAsync(form, "form[method=post]", new Dictionary<string, string>
        {
            ["receivedOn"] = "2027-01-15", ["customerNumber"] = "12.34.56-789.00", ["customerName"] = "Jan", ["subject"] = "Wachttijd",
            ["description"] = "Te lang gewacht.", ["caseNumber"] = "NOPE-1",
        }, "/staff/complaints/new");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        foreach (var field in new[] { "receivedOn", "customerNumber", "category", "caseNumber" })
            Assert.True(page.QuerySelector($"#{field}-error") is not null, field + " has no error");
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_letter_complaint_becomes_a_complaint_with_its_contact_customer_unit_category_and_language()
    {
        var session = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var form = await session.PageAsync("/staff/complaints/new");
        var before = Counts();
        var posted = await session.SubmitAsync(form, "form[method=post]", new Dictionary<string, string>
        {
            ["channel"] = "letter", ["receivedOn"] = "2026-10-28", ["customerKind"] = "person", ["customerNumber"] = "85.07.30-033.28", ["customerName"] = "Marc Lambert",
            ["address"] = "Rue Haute 12, 4000 Liège", ["language"] = "nl", ["unitId"] = UrbanPlanning.ToString(), ["category"] = "attitude",
            ["subject"] = "Onvriendelijk onthaal", ["description"] = "Ik werd onvriendelijk ontvangen aan het loket.",
        }, "/staff/complaints/new");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = Guid.Parse(posted.Headers.Location!.ToString().Split('/')[^1].Split('?')[0]);
        var complaint = app.InScope(db => db.Set<Complaint>().Single(c => c.Id == id));
        Assert.Equal((ContactChannel.Letter, CustomerKind.Person, "nl", "attitude", (Guid?)UrbanPlanning),
            (complaint.Channel, complaint.CustomerKind, complaint.Language, complaint.Category, complaint.UnitId));
        Assert.Equal("85073003328", new string(complaint.CustomerNumber!.Where(char.IsAsciiDigit).ToArray()));
        Assert.Equal(new DateOnly(2026, 10, 28), complaint.ReceivedOn);
        var contact = app.InScope(db => db.Set<Contact>().Single(c => c.Id == complaint.ContactId));
        Assert.Equal(ContactChannel.Letter, contact.Channel);
        Assert.Equal((before.Complaints + 1, before.Contacts + 1), Counts());
        Assert.Equal(["follow.complaint.registered"], app.Activities("complaint", id));
    }
}

using System.Net;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;

namespace Guichet.Tests.Welcome.Appointments;

public sealed class AppointmentPagesTests(AppointmentsApp app) : IClassFixture<AppointmentsApp>
{
    private static readonly Guid DrivingLicence = AppointmentsDemoSeeder.Service("hautrival-driving-licence");

    private int Appointments() => app.InScope(db => db.Set<Appointment>().Count());

    [Fact]
    public async Task A_customer_books_in_three_questions_and_manages_the_booking_by_its_link()
    {
        var client = app.Client();
        var jar = new CookieJar();
        var services = await Html.ParseAsync(await jar.GetAsync(client, "/appointments?lang=en"));
        Assert.Contains(services.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/appointments?service={DrivingLicence}");

        var slotPage = await Html.ParseAsync(await jar.GetAsync(client, $"/appointments?service={DrivingLicence}&from=2026-10-19"));
        var start = slotPage.QuerySelector("input[name=start]")!.GetAttribute("value")!;
        Assert.Equal("2026-10-19T06:30:00Z", start); // Monday 08:30 in Brussels

        var detailsUrl = $"/appointments?service={DrivingLicence}&start={Uri.EscapeDataString(start)}";
        var details = await Html.ParseAsync(await jar.GetAsync(client, detailsUrl));
        var token = Html.Antiforgery(details);

        // Bad input: the page says what is wrong, in the visitor's language, and stores nothing.
        var before = Appointments();
        var bad = await jar.PostFormAsync(client, detailsUrl, [new("__RequestVerificationToken", token), new("name", "Jan Peeters"), new("email", "nope"), new("nationalNumber", "85.07.30-033.29")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.Contains("valid e-mail", badPage.QuerySelector(".error-summary")!.TextContent);
        // Each line of the summary names its field.
        Assert.StartsWith("E-mail address: ", badPage.QuerySelector(".error-summary a[href='#email']")!.TextContent.Trim());
        Assert.Contains("national number is not valid", badPage.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(before, Appointments());

        // A robot filling the honeypot is told nothing and stores nothing.
        var robot = await jar.PostFormAsync(client, detailsUrl, [new("__RequestVerificationToken", token), new("name", "Bot"), new("email", "bot@example.be"), new("website", "http://spam")]);
        Assert.Equal(HttpStatusCode.OK, robot.StatusCode);
        Assert.Equal(before, Appointments());

        var done = await Html.ParseAsync(await jar.PostFormAsync(client, detailsUrl, [new("__RequestVerificationToken", token), new("name", "Jan Peeters"), new("email", "jan@example.be")]));
        Assert.Equal(before + 1, Appointments());
        var manage = done.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/appointments/manage/", StringComparison.Ordinal) && !h.Contains("handler=ics", StringComparison.Ordinal));
        var path = new Uri(manage).PathAndQuery;

        var managePage = await Html.ParseAsync(await jar.GetAsync(client, path));
        Assert.Equal("Confirmed", managePage.QuerySelector("dl")!.QuerySelectorAll("dd")[4].TextContent);
        var cancelled = await Html.ParseAsync(await jar.PostFormAsync(client, path + "?handler=cancel", [new("__RequestVerificationToken", Html.Antiforgery(managePage))]));
        Assert.Contains("cancelled", cancelled.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(AppointmentStatus.Cancelled, app.InScope(db => db.Set<Appointment>().Single(a => a.Email == "jan@example.be").Status));

        Assert.Equal(HttpStatusCode.NotFound, (await jar.GetAsync(client, "/appointments/manage/" + new string('x', 43))).StatusCode);
    }

    [Fact]
    public async Task The_front_office_checks_a_customer_in_from_the_day_page()
    {
        var booked = await app.InScopeAsync(async sp =>
            await sp.GetRequiredService<AppointmentBook>().BookAsync(new BookingRequest(DrivingLicence,
                Guichet.Platform.Calendar.BrusselsTime.ToInstant(new DateOnly(2026, 10, 5), new TimeOnly(14, 0)), "Marie Dubois", "marie@example.be", null, "fr", null), default));
        var id = booked.Value!.Appointment.Id;

        var client = app.Client();
        var jar = new CookieJar();
        Assert.Equal(HttpStatusCode.Redirect, (await jar.GetAsync(client, "/staff/appointments")).StatusCode);
        await jar.SignInAsync(client, DemoAccounts.FrontOffice, DemoAccounts.Password);
        var page = await Html.ParseAsync(await jar.GetAsync(client, "/staff/appointments?lang=en"));
        Assert.Contains("Marie Dubois", page.QuerySelector("table")!.TextContent);
        var form = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains($"handler=checkIn&id={id}", StringComparison.Ordinal));
        var after = await Html.ParseAsync(await jar.PostFormAsync(client, form.GetAttribute("action")!, [new("__RequestVerificationToken", Html.Antiforgery(page))]));
        Assert.Contains("Marie Dubois has checked in", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(1, app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == "welcome.appointment.checked-in" && e.Objects.Any(o => o.ObjectId == id.ToString()))));
    }
}

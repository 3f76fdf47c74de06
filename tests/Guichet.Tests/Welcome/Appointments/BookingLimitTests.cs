using System.Net;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Appointments;

/// A host on the production default of Welcome:Appointments:MaxFuturePerPerson (2), its clock on
/// Monday 5 October 2026, 10:00 in Brussels.
public sealed class BookingLimitApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Welcome:Appointments:ReminderIntervalMinutes", "0");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class BookingLimitTests(BookingLimitApp app) : IClassFixture<BookingLimitApp>
{
    private static readonly Guid Passport = AppointmentsDemoSeeder.Service("hautrival-passport");
    private static readonly Guid Eid = AppointmentsDemoSeeder.Service("hautrival-eid");

    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        Guichet.Platform.Calendar.BrusselsTime.ToInstant(new DateOnly(2026, 10, day), new TimeOnly(hour, minute));

    private (int Appointments, int Mails, int Events) Counts() => app.InScope(db =>
        (db.Set<Appointment>().Count(), db.Set<OutboxMessage>().Count(), db.Set<EventLogEntry>().Count()));

    private Task<HttpResponseMessage> BookAsync(Guid service, DateTimeOffset start, string email, string? nationalNumber = null) =>
        app.Client().PostAsync("/api/v1/appointments", JsonBody(new { service, start, name = "Amélie Lambert", email, language = "fr", nationalNumber }));

    private static async Task AssertLimitAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("booking-limit-reached", (await r.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_third_future_appointment_of_one_email_for_one_service_is_refused_and_nothing_is_stored()
    {
        var first = await BookAsync(Passport, Local(13, 9, 10), "cap@example.be");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstToken = (await first.ReadJsonAsync()).GetProperty("manageUrl").GetString()!.Split('/')[^1];
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Passport, Local(13, 9, 30), "cap@example.be")).StatusCode);
        var before = Counts();
        // The same address in other letters is the same person.
        await AssertLimitAsync(await BookAsync(Passport, Local(13, 9, 50), " CAP@Example.BE "));
        Assert.Equal(before, Counts());

        // Another service is another count.
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Eid, Local(13, 9, 0), "cap@example.be")).StatusCode);

        // Once one is cancelled by its manage link, a new one may be booked.
        var cancel = await app.Client().PostAsync($"/api/v1/appointments/manage/{firstToken}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Passport, Local(13, 9, 50), "cap@example.be")).StatusCode);
    }

    [Fact]
    public async Task The_same_national_number_under_other_addresses_is_the_same_person()
    {
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Passport, Local(14, 9, 10), "nn1@example.be", "85.07.30-033.28")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Passport, Local(14, 9, 30), "nn2@example.be", "85073003328")).StatusCode);
        var before = Counts();
        await AssertLimitAsync(await BookAsync(Passport, Local(14, 9, 50), "nn3@example.be", "85 07 30 033 28"));
        Assert.Equal(before, Counts());
    }

    [Theory]
    [InlineData("fr", 15, "nombre maximal de rendez-vous")]
    [InlineData("nl", 16, "maximale aantal komende afspraken")]
    [InlineData("de", 19, "Höchstzahl an bevorstehenden Terminen")]
    [InlineData("en", 20, "most upcoming appointments allowed")]
    public async Task The_booking_page_says_so_in_the_visitors_language(string language, int day, string words)
    {
        var client = app.Client();
        var email = $"page-{language}@example.be";
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Passport, Local(day, 9, 10), email)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(Passport, Local(day, 9, 30), email)).StatusCode);
        var jar = new CookieJar();
        var start = Local(day, 9, 50).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var detailsUrl = $"/appointments?service={Passport}&start={Uri.EscapeDataString(start)}&lang={language}";
        var details = await Html.ParseAsync(await jar.GetAsync(client, detailsUrl));
        var before = Counts();
        var refused = await jar.PostFormAsync(client, detailsUrl, [new("__RequestVerificationToken", Html.Antiforgery(details)), new("name", "Amélie Lambert"), new("email", email)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains(words, page.QuerySelector(".error-summary a[href='#email']")!.TextContent);
        Assert.Equal(before, Counts());
    }
}

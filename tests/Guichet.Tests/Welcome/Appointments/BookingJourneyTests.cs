using System.Net;
using System.Text.RegularExpressions;
using Guichet.Platform.Calendar;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Appointments;

/// The citizen's booking journey of issue 11: a slot that cannot be booked is refused on the slot
/// step (before any details), the slots come one day at a time with a day picker, and the
/// confirmation gives a readable reference, what to bring and the .ics. The clock stands on
/// Monday 5 October 2026, 10:00 in Brussels (AppointmentsApp).
public sealed partial class BookingJourneyTests(AppointmentsApp app) : IClassFixture<AppointmentsApp>
{
    private static readonly Guid DrivingLicence = AppointmentsDemoSeeder.Service("hautrival-driving-licence");

    [GeneratedRegex("^RDV-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{2}$")]
    private static partial Regex ReferenceShape();

    private int Appointments() => app.InScope(db => db.Set<Appointment>().Count());

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-05T06:30:00Z", "slot-in-past", "fr", "Ce créneau est passé")]          // this morning 08:30
    [InlineData("2026-12-14T07:30:00Z", "slot-beyond-horizon", "nl", "te ver in de toekomst")]   // a Monday 70 days ahead, 08:30
    [InlineData("2026-10-05T08:30:00Z", "slot-too-soon", "fr", "trop tôt")]                      // today 10:30, inside the notice
    [InlineData("2026-10-11T08:00:00Z", "slot-closed", "nl", "niet open")]                      // a Sunday
    public async Task A_slot_that_cannot_be_booked_is_refused_on_the_slot_step_before_any_details(string start, string code, string language, string says)
    {
        var before = Appointments();
        var response = await app.Client().GetAsync($"/appointments?service={DrivingLicence}&start={Uri.EscapeDataString(start)}&lang={language}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Null(page.QuerySelector("input#name")); // no details asked
        Assert.Contains(says, page.QuerySelector("#slot-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(says, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name=start]")); // the free slots to choose from instead
        Assert.Equal(before, Appointments());
        Assert.NotNull(code);
    }

    [Fact]
    public async Task A_full_slot_is_refused_on_the_slot_step_too()
    {
        var start = BrusselsTime.ToInstant(new DateOnly(2026, 10, 20), new TimeOnly(9, 0));
        var taken = await app.Client().PostAsync("/api/v1/appointments", JsonBody(new { service = DrivingLicence, start, name = "Eerste", email = "full.first@example.be", language = "nl" }));
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode); // the driving licence has one desk
        var response = await app.Client().GetAsync($"/appointments?service={DrivingLicence}&start={Uri.EscapeDataString(Utc(start))}&lang=en");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("just been taken", (await Html.ParseAsync(response)).QuerySelector("#slot-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_slot_step_shows_one_day_at_a_time_with_a_day_picker()
    {
        var client = app.Client();
        var page = await Html.ParseAsync(await client.GetAsync($"/appointments?service={DrivingLicence}&from=2026-10-19&lang=fr"));
        var days = page.QuerySelectorAll("nav.slot-days a").ToList();
        Assert.True(days.Count >= 5, $"{days.Count} days offered");
        Assert.Equal("date", days[0].GetAttribute("aria-current"));
        Assert.Single(page.QuerySelectorAll("fieldset h2"));
        var starts = page.QuerySelectorAll("input[name=start]").Select(i => DateTimeOffset.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(starts, s => Assert.Equal(new DateOnly(2026, 10, 19), BrusselsTime.LocalDate(s)));

        // The second day's link shows that day's slots, and only those.
        var second = await Html.ParseAsync(await client.GetAsync(days[1].GetAttribute("href")!.Split('#')[0]));
        var secondStarts = second.QuerySelectorAll("input[name=start]").Select(i => BrusselsTime.LocalDate(DateTimeOffset.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture))).Distinct().ToList();
        Assert.Equal([new DateOnly(2026, 10, 20)], secondStarts);
        Assert.Equal("date", second.QuerySelectorAll("nav.slot-days a")[1].GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("fr", "À apporter", "Votre carte d'identité")]
    [InlineData("nl", "Mee te brengen", "Uw identiteitskaart")]
    public async Task The_confirmation_shows_a_readable_reference_what_to_bring_and_the_calendar_file(string language, string bring, string firstItem)
    {
        var client = app.Client();
        var jar = new CookieJar();
        var start = language == "fr" ? "2026-10-21T07:00:00Z" : "2026-10-21T07:15:00Z";
        var detailsUrl = $"/appointments?service={DrivingLicence}&start={Uri.EscapeDataString(start)}";
        var details = await Html.ParseAsync(await jar.GetAsync(client, detailsUrl + "&lang=" + language));
        Assert.NotNull(details.QuerySelector("input#name"));
        var response = await jar.PostFormAsync(client, detailsUrl, [new("__RequestVerificationToken", Html.Antiforgery(details)), new("name", "Lea Janssens"), new("email", $"lea.{language}@example.be")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await Html.ParseAsync(response);

        var reference = done.QuerySelector("#booking-reference")!.TextContent.Trim();
        Assert.Matches(ReferenceShape(), reference);
        var stored = app.InScope(db => db.Set<Appointment>().Single(a => a.Email == $"lea.{language}@example.be"));
        Assert.Equal(stored.Reference, reference);

        Assert.Contains(done.QuerySelectorAll("h2"), h => h.TextContent == bring);
        Assert.Equal(firstItem, done.QuerySelectorAll("#booking-bring li")[0].TextContent);

        var ics = await jar.GetAsync(client, done.QuerySelector("#booking-ics")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains($"UID:{stored.Id}", calendar, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", calendar, StringComparison.Ordinal);

        // The manage page shows the same reference; an unknown link gives no calendar.
        var manage = await Html.ParseAsync(await jar.GetAsync(client, new Uri(done.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/appointments/manage/", StringComparison.Ordinal) && !h.Contains("handler", StringComparison.Ordinal))).PathAndQuery));
        Assert.Equal(reference, manage.QuerySelector(".reference")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/appointments/manage/" + new string('x', 43) + "?handler=ics")).StatusCode);
    }

    [Fact]
    public async Task Each_booking_gets_its_own_reference_through_the_API_as_well()
    {
        var references = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var start = BrusselsTime.ToInstant(new DateOnly(2026, 10, 22), new TimeOnly(9, 0).AddMinutes(15 * i));
            var r = await app.Client().PostAsync("/api/v1/appointments", JsonBody(new { service = DrivingLicence, start, name = "Ref Test", email = $"ref{i}@example.be", language = "fr" }));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            references.Add((await r.ReadJsonAsync()).GetProperty("reference").GetString()!);
        }
        Assert.All(references, r => Assert.Matches(ReferenceShape(), r));
        Assert.Equal(references.Count, references.Distinct().Count());
    }
}

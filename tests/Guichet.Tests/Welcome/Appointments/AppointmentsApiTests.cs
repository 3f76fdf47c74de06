using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;
using Ical.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Appointments;

/// A host whose clock stands on Monday 5 October 2026, 10:00 in Brussels (08:00 UTC); the
/// reminder job is off, tests run its rounds themselves.
public sealed class AppointmentsApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Welcome:Appointments:ReminderIntervalMinutes", "0");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class AppointmentsApiTests(AppointmentsApp app) : IClassFixture<AppointmentsApp>
{
    private static readonly Guid Eid = AppointmentsDemoSeeder.Service("hautrival-eid");                   // 15 min, 2 desks
    private static readonly Guid DrivingLicence = AppointmentsDemoSeeder.Service("hautrival-driving-licence"); // 15 min, 1 desk
    private static readonly Guid Passport = AppointmentsDemoSeeder.Service("hautrival-passport");         // 20 min, 2 desks

    /// A Belgian wall-clock time in October 2026 (CEST, UTC+2) as an instant.
    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0, int year = 2026) =>
        Guichet.Platform.Calendar.BrusselsTime.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static object Booking(Guid service, DateTimeOffset start, string email = "amelie@example.be", string language = "fr", string? nationalNumber = null) =>
        new { service, start, name = "Amélie Lambert", email, phone = "+32 470 12 34 56", language, nationalNumber };

    private (int Appointments, int Seats, int Mails, int Events) Counts() => app.InScope(db =>
        (db.Set<Appointment>().Count(), db.Set<AppointmentSeat>().Count(), db.Set<OutboxMessage>().Count(), db.Set<EventLogEntry>().Count()));

    private static string TokenOf(JsonElement body) => body.GetProperty("manageUrl").GetString()!.Split('/')[^1];

    [Fact]
    public async Task Free_slots_follow_the_counter_hours_in_local_and_utc_time()
    {
        var r = await app.Client().GetAsync($"/api/v1/appointments/slots?service={DrivingLicence}&from=2026-10-20&to=2026-10-20");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var slots = (await r.ReadJsonAsync()).EnumerateArray().ToList();
        // Tuesday: 08:30-12:00 only, in quarters of an hour.
        Assert.Equal(14, slots.Count);
        Assert.Equal(Local(10, 20, 8, 30), slots[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal("2026-10-20T08:30:00", slots[0].GetProperty("localStart").GetString());
        Assert.Equal("2026-10-20T11:45:00", slots[^1].GetProperty("localStart").GetString());
        Assert.All(slots, s => Assert.Equal(1, s.GetProperty("free").GetInt32()));

        // 11 November is a legal holiday: no slots.
        var holiday = await (await app.Client().GetAsync($"/api/v1/appointments/slots?service={DrivingLicence}&from=2026-11-11&to=2026-11-11")).ReadJsonAsync();
        Assert.Equal(0, holiday.GetArrayLength());
        // Today: only after the minimum notice (two hours from 10:00).
        var today = (await (await app.Client().GetAsync($"/api/v1/appointments/slots?service={DrivingLicence}&from=2026-10-05&to=2026-10-05")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal("2026-10-05T13:30:00", today[0].GetProperty("localStart").GetString());
    }

    [Fact]
    public async Task Booking_answers_the_manage_link_and_mails_a_confirmation_with_a_valid_icalendar_invitation()
    {
        // Twenty minutes from 08:30: 08:30, 08:50, 09:10...
        var start = Local(10, 8, 9, 10);
        var r = await app.Client().PostAsync("/api/v1/appointments", JsonBody(Booking(Passport, start, email: "ics@example.be", language: "nl", nationalNumber: "85.07.30-033.28")));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var body = await r.ReadJsonAsync();
        var id = body.GetProperty("id").GetGuid();
        var manageUrl = body.GetProperty("manageUrl").GetString()!;
        Assert.StartsWith("https://localhost/appointments/manage/", manageUrl);
        Assert.Equal(manageUrl, r.Headers.Location!.ToString());
        var stored = app.InScope(db => db.Set<Appointment>().Single(a => a.Id == id));
        Assert.Equal("85073003328", stored.NationalNumber);
        Assert.NotEqual(TokenOf(body), stored.ManageTokenHash); // only the hash is kept
        Assert.Equal(1, app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == "welcome.appointment.booked" && e.Objects.Any(o => o.ObjectId == id.ToString()))));

        var payload = app.InScope(db => db.Set<OutboxMessage>().ToList()).Select(m => m.Payload).Single(p => p.Contains("ics@example.be", StringComparison.Ordinal));
        var mail = JsonSerializer.Deserialize<MailMessage>(payload, JsonColumn.Options)!;
        Assert.StartsWith("Afspraak bevestigd", mail.Subject);
        Assert.Contains(manageUrl, mail.TextBody);
        var attachment = Assert.Single(mail.Attachments);
        Assert.StartsWith("text/calendar", attachment.ContentType);
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Brussels");
        var ev = Assert.Single(calendar.Events);
        Assert.Equal(id.ToString(), ev.Uid);
        Assert.Equal("Europe/Brussels", ev.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 10, 8, 9, 10, 0), ev.DtStart.Value);
        Assert.Equal(new DateTime(2026, 10, 8, 9, 30, 0), ev.DtEnd!.Value);
        Assert.Equal(start.UtcDateTime, ev.DtStart.AsUtc);
        Assert.Contains("Place communale 1", ev.Location);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Twenty_parallel_bookings_of_one_slot_give_exactly_its_capacity_and_slot_taken_for_the_rest(int capacity)
    {
        var service = capacity == 1 ? DrivingLicence : Eid;
        var start = Local(10, 7, 9, 0);
        var client = app.Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostAsync("/api/v1/appointments", JsonBody(Booking(service, start, email: $"rush{capacity}-{i}@example.be")))));
        Assert.Equal(capacity, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var conflicts = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(20 - capacity, conflicts.Count);
        foreach (var c in conflicts)
        {
            Assert.Equal(HttpStatusCode.Conflict, c.StatusCode);
            Assert.Equal("slot-taken", (await c.ReadJsonAsync()).GetProperty("code").GetString());
        }
        Assert.Equal(capacity, app.InScope(db => db.Set<Appointment>().Count(a => a.ServiceId == service && a.StartsAt == start)));
        Assert.Equal(capacity, app.InScope(db => db.Set<AppointmentSeat>().Count(s => s.ServiceId == service && s.StartsAt == start)));
        Assert.Equal(capacity, app.InScope(db => db.Set<OutboxMessage>().ToList().Count(m => m.Payload.Contains($"rush{capacity}-", StringComparison.Ordinal))));
        // The slot is no longer offered.
        var slots = await (await client.GetAsync($"/api/v1/appointments/slots?service={service}&from=2026-10-07&to=2026-10-07")).ReadJsonAsync();
        Assert.DoesNotContain(slots.EnumerateArray(), s => s.GetProperty("start").GetDateTimeOffset() == start);
    }

    public static TheoryData<string, object, int, string, string?> BadBookings() => new()
    {
        { "past", Booking(Eid, Local(10, 5, 9, 0)), 422, "slot-in-past", null },
        { "closed: Tuesday afternoon", Booking(Eid, Local(10, 6, 14, 0)), 422, "slot-closed", null },
        { "closed: not on the grid", Booking(Eid, Local(10, 6, 9, 5)), 422, "slot-closed", null },
        { "closed: holiday", Booking(Eid, Local(11, 11, 9, 0)), 422, "slot-closed", null },
        { "closed: Sunday", Booking(Eid, Local(10, 11, 9, 0)), 422, "slot-closed", null },
        { "inside minimum notice", Booking(Eid, Local(10, 5, 11, 0)), 422, "slot-too-soon", null },
        { "beyond horizon", Booking(Eid, Local(1, 5, 9, 0, year: 2027)), 422, "slot-beyond-horizon", null },
        { "unknown service", Booking(Guid.NewGuid(), Local(10, 6, 9, 0)), 400, "validation-failed", "service" },
        { "service not bookable", Booking(AppointmentsDemoSeeder.Service("hautrival-marriage"), Local(10, 6, 9, 0)), 400, "validation-failed", "service" },
        { "bad national number", Booking(Eid, Local(10, 6, 9, 0), nationalNumber: "85.07.30-033.29"), 400, "validation-failed", "nationalNumber" },
        { "bad e-mail", Booking(Eid, Local(10, 6, 9, 0), email: "not-an-address"), 400, "validation-failed", "email" },
        { "unknown language", Booking(Eid, Local(10, 6, 9, 0), language: "es"), 400, "validation-failed", "language" },
        { "no name", new { service = Eid, start = Local(10, 6, 9, 0), email = "x@example.be", language = "fr" }, 400, "validation-failed", "name" },
        { "no slot", new { service = Eid, name = "X", email = "x@example.be", language = "fr" }, 400, "validation-failed", "start" },
    };

    [Theory]
    [MemberData(nameof(BadBookings))]
    public async Task A_bad_booking_is_refused_with_its_code_and_stores_nothing(string what, object request, int status, string code, string? field)
    {
        var before = Counts();
        var r = await app.Client().PostAsync("/api/v1/appointments", JsonBody(request));
        Assert.True(status == (int)r.StatusCode, what);
        var body = await r.ReadJsonAsync();
        Assert.Equal(code, body.GetProperty("code").GetString());
        if (field is not null) Assert.Contains(body.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("name").GetString() == field);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_full_slot_is_refused_and_stores_nothing()
    {
        var start = Local(10, 9, 9, 0);
        Assert.Equal(HttpStatusCode.Created, (await app.Client().PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, start)))).StatusCode);
        var before = Counts();
        var r = await app.Client().PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, start, email: "second@example.be")));
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Equal("slot-taken", (await r.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Unknown_service_and_bad_range_on_slots_are_refused()
    {
        var r = await app.Client().GetAsync($"/api/v1/appointments/slots?service={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("unknown-service", (await r.ReadJsonAsync()).GetProperty("invalidParams")[0].GetProperty("code").GetString());
        r = await app.Client().GetAsync($"/api/v1/appointments/slots?service={Eid}&from=2026-10-06&to=2026-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_cancelling_twice_or_with_a_wrong_token_is_refused()
    {
        var client = app.Client();
        var start = Local(10, 12, 9, 0);
        var body = await (await client.PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, start, email: "cancel@example.be")))).ReadJsonAsync();
        var token = TokenOf(body);

        var view = await client.GetAsync($"/api/v1/appointments/manage/{token}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("booked", (await view.ReadJsonAsync()).GetProperty("status").GetString());

        var wrong = "A" + token[1..] == token ? "B" + token[1..] : "A" + token[1..];
        var before = Counts();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/appointments/manage/{wrong}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/appointments/manage/not-a-token")).StatusCode);
        Assert.Equal(before, Counts());

        var cancel = await client.PostAsync($"/api/v1/appointments/manage/{token}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, app.InScope(db => db.Set<AppointmentSeat>().Count(s => s.ServiceId == DrivingLicence && s.StartsAt == start)));
        // The cancellation mail carries an iCalendar CANCEL of the same event, one SEQUENCE higher,
        // so that it leaves the person's agenda.
        var mails = app.InScope(db => db.Set<OutboxMessage>().ToList()).Select(m => JsonSerializer.Deserialize<MailMessage>(m.Payload, JsonColumn.Options)!)
            .Where(m => m.To.Any(t => t.Address == "cancel@example.be")).ToList();
        Calendar Ics(MailMessage m) => Calendar.Load(Encoding.UTF8.GetString(Assert.Single(m.Attachments).Content))!;
        var booked = Ics(mails.First(m => m.Attachments[0].ContentType.Contains("method=PUBLISH", StringComparison.Ordinal)));
        var cancelMail = mails.Single(m => m.Attachments.Count == 1 && m.Attachments[0].ContentType.Contains("method=CANCEL", StringComparison.Ordinal));
        var cancelled = Ics(cancelMail);
        Assert.Equal("CANCEL", cancelled.Method);
        var (was, now) = (booked.Events.Single(), cancelled.Events.Single());
        Assert.Equal((was.Uid, was.Sequence + 1, "CANCELLED"), (now.Uid, now.Sequence, now.Status));
        Assert.StartsWith("mailto:", now.Organizer!.Value!.ToString());

        before = Counts();
        var again = await client.PostAsync($"/api/v1/appointments/manage/{token}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("appointment-cancelled", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, Counts());

        // The freed slot can be booked again.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, start, email: "next@example.be")))).StatusCode);
    }

    [Fact]
    public async Task Rescheduling_moves_the_seat_and_a_full_target_changes_nothing()
    {
        var client = app.Client();
        var first = Local(10, 13, 9, 0);
        var target = Local(10, 13, 10, 0);
        var full = Local(10, 13, 11, 0);
        var token = TokenOf(await (await client.PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, first, email: "move@example.be")))).ReadJsonAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, full, email: "other@example.be")))).StatusCode);

        var before = Counts();
        var refused = await client.PostAsync($"/api/v1/appointments/manage/{token}/reschedule", JsonBody(new { start = full }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("slot-taken", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        var closed = await client.PostAsync($"/api/v1/appointments/manage/{token}/reschedule", JsonBody(new { start = Local(10, 13, 14, 0) }));
        Assert.Equal("slot-closed", (await closed.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, Counts());

        var moved = await client.PostAsync($"/api/v1/appointments/manage/{token}/reschedule", JsonBody(new { start = target }));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(target, (await moved.ReadJsonAsync()).GetProperty("start").GetDateTimeOffset());
        var seats = app.InScope(db => db.Set<AppointmentSeat>().Where(s => s.ServiceId == DrivingLicence).ToList());
        Assert.DoesNotContain(seats, s => s.StartsAt == first);
        Assert.Single(seats, s => s.StartsAt == target);
        var payload = app.InScope(db => db.Set<OutboxMessage>().ToList()).Select(m => m.Payload).Last(p => p.Contains("move@example.be", StringComparison.Ordinal));
        var ics = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(JsonSerializer.Deserialize<MailMessage>(payload, JsonColumn.Options)!.Attachments[0].Content))!;
        Assert.Equal(1, ics.Events.Single().Sequence);
    }

    [Fact]
    public async Task The_reminder_goes_out_once_the_day_before()
    {
        var start = Local(10, 6, 11, 0);
        var id = (await (await app.Client().PostAsync("/api/v1/appointments", JsonBody(Booking(DrivingLicence, start, email: "remind@example.be", language: "de")))).ReadJsonAsync()).GetProperty("id").GetGuid();
        var reminders = app.Services.GetRequiredService<AppointmentReminders>();
        Assert.True(await reminders.SendDueAsync(default) >= 1);
        Assert.Equal(0, await reminders.SendDueAsync(default));
        Assert.NotNull(app.InScope(db => db.Set<Appointment>().Single(a => a.Id == id).ReminderSentAt));
        var mails = app.InScope(db => db.Set<OutboxMessage>().ToList()).Where(m => m.Payload.Contains("remind@example.be", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => JsonSerializer.Deserialize<MailMessage>(m.Payload, JsonColumn.Options)!.Subject.StartsWith("Erinnerung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_counter_sees_the_day_and_records_check_in_and_no_show()
    {
        var start = Local(10, 14, 9, 0);
        var a = (await (await app.Client().PostAsync("/api/v1/appointments", JsonBody(Booking(Eid, start, email: "day1@example.be")))).ReadJsonAsync()).GetProperty("id").GetGuid();
        var b = (await (await app.Client().PostAsync("/api/v1/appointments", JsonBody(Booking(Eid, start, email: "day2@example.be")))).ReadJsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/appointments/day")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync(DemoAccounts.Editor)).GetAsync("/api/v1/appointments/day")).StatusCode);

        var desk = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var day = await (await desk.GetAsync($"/api/v1/appointments/day?channel={AppointmentsDemoSeeder.TownHallCounter}&date=2026-10-14")).ReadJsonAsync();
        Assert.Equal(2, day.EnumerateArray().Count(x => x.GetProperty("id").GetGuid() == a || x.GetProperty("id").GetGuid() == b));

        Assert.Equal("booked", day.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == a).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/v1/appointments/{a}/check-in", null)).StatusCode);
        var after = await (await desk.GetAsync($"/api/v1/appointments/day?channel={AppointmentsDemoSeeder.TownHallCounter}&date=2026-10-14")).ReadJsonAsync();
        Assert.Equal("checkedIn", after.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == a).GetProperty("status").GetString());
        Assert.Equal(1, app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == "welcome.appointment.checked-in" && e.Objects.Any(o => o.ObjectId == a.ToString()))));
        var twice = await desk.PostAsync($"/api/v1/appointments/{a}/check-in", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // A no-show only once the time has come.
        var early = await desk.PostAsync($"/api/v1/appointments/{b}/no-show", null);
        Assert.Equal("appointment-not-started", (await early.ReadJsonAsync()).GetProperty("code").GetString());
    }
}

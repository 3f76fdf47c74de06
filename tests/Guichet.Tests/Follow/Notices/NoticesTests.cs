using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Follow.Notices;
using Guichet.Follow.Subscriptions;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Notices;

/// Notices with a mail budget of two a minute, mail going to the smtp4dev server of the test script.
public sealed class NoticesApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.UseSetting("Follow:Notices:MailsPerMinute", "2");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DispatchAllAsync()
    {
        while (await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync() > 0) { }
    }

    /// Sender rounds, minute after minute, with the outbox sending what they queue, until nothing is left to queue.
    public async Task SendAllAsync()
    {
        for (var i = 0; i < 30; i++)
        {
            await Services.GetRequiredService<NoticeJob>().RunOnceAsync();
            await DispatchAllAsync();
            if (!InScope(db => db.Set<NoticeRecipient>().Any(r => r.State == RecipientState.Queued || r.State == RecipientState.Sending))) break;
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await Services.GetRequiredService<NoticeJob>().RunOnceAsync(); // reads the outcomes, closes the notice
    }
}

public sealed class NoticesTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.be";

    /// A subscriber confirmed (or not) to topics, written straight to the database.
    private Guid Subscriber(string email, string language, bool confirmed, params string[] topics) => app.Arrange(db =>
    {
        var now = app.Clock.GetUtcNow();
        var ids = db.Set<SubscriptionTopic>().Where(t => topics.Contains(t.Code)).Select(t => t.Id).ToList();
        var s = new Subscriber(email, language, Frequency.Immediate, ids, now);
        s.AwaitConfirmation(Guid.NewGuid().ToString("N"), now.AddHours(1));
        if (confirmed) Assert.Null(s.Confirm(now));
        db.Add(s);
        db.SaveChanges();
        return s.Id;
    });

    private async Task<Guid> OpenCaseAsync(string language, params object[] parties)
    {
        var response = await (await app.ClientAsAsync(DemoAccounts.CaseHandler)).PostAsJsonAsync("/api/v1/cases",
            new { caseType = "building-permit", language, subject = "Véranda", parties });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static object Notice(object? subject = null, object? body = null, string? primaryLanguage = "nl", string[]? topics = null, string[]? caseTypes = null) => new
    {
        subject = subject ?? new { fr = "Nouvelles règles de stationnement", nl = "Nieuwe parkeerregels" },
        body = body ?? new { fr = "Dès le **1er janvier**, voir [le règlement](https://example.be/r).", nl = "Vanaf **1 januari**, zie [het reglement](https://example.be/r)." },
        primaryLanguage,
        topics = topics ?? ["mobility", "legislation-parking"],
        caseTypes = caseTypes ?? ["building-permit"],
    };

    private (int Notices, int Recipients, int Events) Counts() => app.InScope(db => (db.Set<Notice>().Count(), db.Set<NoticeRecipient>().Count(),
        db.Set<EventLogEntry>().Count(e => e.Activity.StartsWith("follow.notice"))));

    [Fact]
    public async Task A_notice_reaches_each_subscriber_and_party_once_in_their_language_and_the_others_by_letter()
    {
        var both = Unique("both");             // subscribed to both topics and party to a case: one copy
        var german = Unique("german");         // reads German: the notice has none, the fallback (nl) is sent
        var unconfirmed = Unique("unconfirmed");
        var party = Unique("party");
        var a = Subscriber(both, "fr", true, "mobility", "legislation-parking");
        var b = Subscriber(german, "de", true, "mobility");
        Subscriber(unconfirmed, "en", false, "mobility");
        await OpenCaseAsync("nl",
            new { role = "applicant", kind = "person", name = "An Peeters", number = "90.01.01-001.23", email = both.ToUpperInvariant() },
            new { role = "representative", kind = "person", name = "Bram Claes", number = "90.01.01-002.22", email = party });
        await OpenCaseAsync("fr", new { role = "applicant", kind = "person", name = "Chantal Dubois", number = "90.01.01-003.21", address = "Rue Haute 12, 1000 Bruxelles" });
        // Bram again, without an e-mail address on this case: he gets the mail, no letter.
        await OpenCaseAsync("fr", new { role = "applicant", kind = "person", name = "Bram Claes", number = "90.01.01-002.22", address = "Kerkstraat 1, 9000 Gent" });

        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        var created = await client.PostAsync("/api/v1/notices", JsonBody(Notice()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var sent = await client.PostAsync($"/api/v1/notices/{id}/send", null);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("sending", (await sent.ReadJsonAsync()).GetProperty("state").GetString());

        var recipients = app.InScope(db => db.Set<NoticeRecipient>().Where(r => r.NoticeId == id).ToList());
        Assert.Equal(recipients.Count, recipients.Select(r => r.Key).Distinct().Count());
        Assert.Single(recipients, r => r.Email?.Equals(both, StringComparison.OrdinalIgnoreCase) == true && r.SubscriberId == a);
        Assert.Single(recipients, r => r.Email == german && r.SubscriberId == b);
        Assert.DoesNotContain(recipients, r => r.Email == unconfirmed);
        Assert.Single(recipients, r => r.Name == "Bram Claes");
        var letter = Assert.Single(recipients, r => r.Channel == RecipientChannel.Letter && r.Name == "Chantal Dubois");
        Assert.Equal(RecipientState.LetterDue, letter.State);

        await app.SendAllAsync();

        // (Opening a case mails its acknowledgement too: the notice's copies are told by their subject.)
        async Task<List<TestMailServer.RestMail>> NoticeMailsTo(string to) =>
            [.. (await TestMailServer.MailsToAsync(to)).Where(m => m.Subject is "Nouvelles règles de stationnement" or "Nieuwe parkeerregels")];
        var toBoth = Assert.Single(await NoticeMailsTo(both));
        Assert.Equal("Nouvelles règles de stationnement", toBoth.Subject);
        Assert.Contains("1er janvier", toBoth.Text);
        Assert.Contains("/subscriptions/manage/", toBoth.Text);
        Assert.StartsWith("<https://localhost/u/", toBoth.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", toBoth.Header("List-Unsubscribe-Post"));
        var toGerman = Assert.Single(await TestMailServer.MailsToAsync(german));
        Assert.Equal("Nieuwe parkeerregels", toGerman.Subject);
        var toParty = Assert.Single(await NoticeMailsTo(party));
        Assert.Equal("Nieuwe parkeerregels", toParty.Subject);
        Assert.Null(toParty.Header("List-Unsubscribe")); // a party of a case, not a subscriber
        Assert.DoesNotContain(app.InScope(db => db.Set<OutboxMessage>().Select(m => m.Summary).ToList()), s => s.Contains(unconfirmed, StringComparison.Ordinal));

        var notice = await (await client.GetAsync($"/api/v1/notices/{id}")).ReadJsonAsync();
        Assert.Equal("sent", notice.GetProperty("state").GetString());
        var progress = notice.GetProperty("progress");
        Assert.Equal(recipients.Count, progress.GetProperty("done").GetInt32());
        Assert.Equal(1, progress.GetProperty("letterDue").GetInt32());

        // The sender run again (a restart) sends nobody a second copy.
        await app.Services.GetRequiredService<NoticeJob>().RunOnceAsync();
        await app.DispatchAllAsync();
        Assert.Single(await NoticeMailsTo(both));
        Assert.Equal(recipients.Count(r => r.Channel == RecipientChannel.Mail),
            app.InScope(db => db.Set<NoticeRecipient>().Count(r => r.NoticeId == id && r.OutboxMessageId != null)));

        // The letters, one PDF for the mail room, in the recipient's language.
        var pdf = await client.PostAsync($"/api/v1/notices/{id}/letters", null);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("Chantal Dubois", text);
            Assert.Contains("Rue Haute 12", text);
            Assert.Contains("Nouvelles règles de stationnement", text);
            Assert.DoesNotContain("Kerkstraat", text);
        }
        Assert.Equal(RecipientState.LetterPrinted, app.InScope(db => db.Set<NoticeRecipient>().Single(r => r.Id == letter.Id).State));

        // The journal: each step, persons as the subscriber's id or a pseudonym, never a number or an address.
        var events = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects)
            .Where(e => e.Objects.Any(o => o.ObjectType == "notice" && o.ObjectId == id.ToString())).OrderBy(e => e.Id).ToList());
        Assert.Equal(["follow.notice.created", "follow.notice.sent"], events.Take(2).Select(e => e.Activity));
        Assert.Equal(recipients.Count(r => r.Channel == RecipientChannel.Mail), events.Count(e => e.Activity == "follow.notice.mailed"));
        Assert.Contains(events, e => e.Activity == "follow.notice.completed");
        Assert.Contains(events, e => e.Activity == "follow.notice.letters-printed");
        Assert.Contains(events, e => e.Objects.Any(o => o.ObjectType == "subscriber" && o.ObjectId == a.ToString()));
        Assert.All(events.SelectMany(e => e.Objects).Where(o => o.ObjectType == "customer"), o => Assert.StartsWith("c-", o.ObjectId));
        Assert.DoesNotContain(events, e => e.Attributes.Contains("90.01.01", StringComparison.Ordinal) || e.Attributes.Contains("@example.be", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rate_limit_is_shared_and_a_second_run_in_the_same_minute_queues_nothing_more()
    {
        var emails = Enumerable.Range(0, 3).Select(i => Unique("rate" + i)).ToList();
        var topic = "rate-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/subscription-topics", JsonBody(new { code = topic, kind = "theme", name = new { fr = "Taux", nl = "Tempo", de = "Tempo", en = "Rate" } }))).StatusCode);
        foreach (var e in emails) Subscriber(e, "en", true, topic);
        await app.SendAllAsync(); // what other tests left queued goes first
        var id = (await (await admin.PostAsync("/api/v1/notices", JsonBody(Notice(topics: [topic], caseTypes: [])))).ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/notices/{id}/send", null)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1)); // a fresh minute: a budget of 2
        var job = app.Services.GetRequiredService<NoticeJob>();
        var second = GuichetApp.NodeOf(app); // another node on the same database
        await ((Xunit.IAsyncLifetime)second).InitializeAsync();
        try
        {
            var first = await job.RunOnceAsync();
            // The other node has its own clock; it may be in another minute: it has its own budget there.
            var again = await job.RunOnceAsync();
            Assert.Equal(2, first);
            Assert.Equal(0, again);
            Assert.Equal(2, app.InScope(db => db.Set<NoticeRecipient>().Count(r => r.NoticeId == id && r.State == RecipientState.Sending)));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(1, await job.RunOnceAsync());
            Assert.Equal(0, await second.Services.GetRequiredService<NoticeJob>().RunOnceAsync());
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)second).DisposeAsync();
        }
        Assert.Equal(3, app.InScope(db => db.Set<NoticeRecipient>().Count(r => r.NoticeId == id && r.OutboxMessageId != null)));
        await app.DispatchAllAsync();
        foreach (var e in emails) Assert.Single(await TestMailServer.MailsToAsync(e));
    }

    [Fact]
    public async Task A_subscriber_who_unsubscribes_in_one_click_before_their_turn_gets_nothing_and_their_address_goes()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var topic = "leave-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/subscription-topics", JsonBody(new { code = topic, kind = "theme", name = new { fr = "Départ", nl = "Vertrek", de = "Abreise", en = "Leaving" } }))).StatusCode);
        await app.SendAllAsync(); // what other tests left queued goes first
        var stays = Unique("stays");
        var leaves = Unique("leaves");
        Subscriber(stays, "fr", true, topic);
        var gone = Subscriber(leaves, "fr", true, topic);
        var id = (await (await admin.PostAsync("/api/v1/notices", JsonBody(Notice(topics: [topic], caseTypes: [])))).ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/notices/{id}/send", null)).StatusCode);

        var token = app.Services.GetRequiredService<SubscriberLinks>().Token(gone, SubscriberLinks.Unsubscribe);
        var left = await app.Client().PostAsync("/u/" + token, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.SendAllAsync();

        var recipient = app.InScope(db => db.Set<NoticeRecipient>().Single(r => r.NoticeId == id && r.SubscriberId == gone));
        Assert.Equal(RecipientState.Unsubscribed, recipient.State);
        Assert.Null(recipient.Email);
        Assert.Null(recipient.OutboxMessageId);
        Assert.DoesNotContain(app.InScope(db => db.Set<OutboxMessage>().Select(m => m.Summary).ToList()), m => m.Contains(leaves, StringComparison.Ordinal));
        Assert.Single(await TestMailServer.MailsToAsync(stays));
        Assert.Contains("follow.notice.withheld", app.Activities("notice", id));
        var notice = await (await admin.GetAsync($"/api/v1/notices/{id}")).ReadJsonAsync();
        Assert.Equal("sent", notice.GetProperty("state").GetString());
        Assert.Equal(1, notice.GetProperty("progress").GetProperty("unsubscribed").GetInt32());
    }

    public static TheoryData<string, string, string> BadNotices => new()
    {
        { """{"subject":{},"body":{},"topics":["mobility"]}""", "subject.fr", "no-version" },
        { """{"subject":{"fr":"Objet"},"body":{},"topics":["mobility"]}""", "body.fr", "required" },
        { """{"subject":{"fr":"Objet"},"body":{"fr":"Texte"},"topics":["nope-topic"]}""", "topics", "unknown-topic" },
        { """{"subject":{"fr":"Objet"},"body":{"fr":"Texte"},"caseTypes":["nope-case-type"]}""", "caseTypes", "unknown-case-type" },
        { """{"subject":{"fr":"Objet"},"body":{"fr":"Texte"}}""", "topics", "required" },
        { """{"subject":{"fr":"Objet"},"body":{"fr":"[x](javascript:alert(1))"},"topics":["mobility"]}""", "body.fr", "unsafe-link" },
        { """{"subject":{"fr":"Objet"},"body":{"fr":"Texte"},"primaryLanguage":"de","topics":["mobility"]}""", "primaryLanguage", "no-version" },
    };

    [Theory, MemberData(nameof(BadNotices))]
    public async Task A_bad_notice_is_refused_with_its_field_and_code_and_nothing_is_stored(string json, string field, string code)
    {
        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = Counts();
        var response = await client.PostAsync("/api/v1/notices", JsonBody(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}:{code}", (await response.ProblemAsync()).Invalid);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_sent_notice_is_neither_changed_nor_sent_again_and_an_unknown_one_is_not_found()
    {
        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        Subscriber(Unique("once"), "fr", true, "mobility");
        var id = (await (await client.PostAsync("/api/v1/notices", JsonBody(Notice(caseTypes: [])))).ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/notices/{id}", JsonBody(Notice(caseTypes: [], primaryLanguage: "fr")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/notices/{id}/send", null)).StatusCode);
        var before = Counts();
        var again = await client.PostAsync($"/api/v1/notices/{id}/send", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("notice-already-sent", (await again.ProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsync($"/api/v1/notices/{id}", JsonBody(Notice()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/notices/{Guid.NewGuid()}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/v1/notices/{Guid.NewGuid()}", JsonBody(Notice()))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/notices/{id}/letters", null)).StatusCode);
        Assert.Equal(before, Counts());

        // A topic nobody subscribed to: nobody to send to, nothing stored.
        var lonely = "lonely-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/subscription-topics", JsonBody(new { code = lonely, kind = "theme", name = new { fr = "Seul", nl = "Alleen", de = "Allein", en = "Alone" } }))).StatusCode);
        var empty = (await (await client.PostAsync("/api/v1/notices", JsonBody(Notice(topics: [lonely], caseTypes: [])))).ReadJsonAsync()).GetProperty("id").GetGuid();
        var beforeEmpty = Counts();
        var nobody = await client.PostAsync($"/api/v1/notices/{empty}/send", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Equal("notice-without-recipients", (await nobody.ProblemAsync()).Code);
        Assert.Equal(beforeEmpty, Counts());
        Assert.Equal(NoticeState.Draft, app.InScope(db => db.Set<Notice>().Single(n => n.Id == empty).State));
    }

    [Theory]
    [InlineData("fr", "Rédiger un avis", "Aperçu")]
    [InlineData("nl", "Een bericht schrijven", "Voorbeeld")]
    [InlineData("de", "Eine Mitteilung schreiben", "Vorschau")]
    [InlineData("en", "Write a notice", "Preview")]
    public async Task The_staff_pages_write_preview_save_send_and_follow_a_notice_in_four_languages(string language, string newLink, string preview)
    {
        var session = await app.SignedInAsync(DemoAccounts.Admin, language);
        var list = await session.PageAsync("/staff/notices");
        Assert.Contains(newLink, list.Body!.TextContent);
        var editor = await session.PageAsync("/staff/notices/new");
        Assert.Contains(preview, editor.Body!.TextContent);

        // Nothing written: the error summary, nothing stored.
        var before = Counts();
        var empty = await session.SubmitAsync(editor, "form#notice-form", new Dictionary<string, string>(), "/staff/notices/new?handler=save");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = await Html.ParseAsync(empty);
        Assert.NotNull(errors.QuerySelector(".error-summary a[href='#subject-fr']"));
        Assert.Equal(before, Counts());

        var fields = new Dictionary<string, string> { ["subject.fr"] = "Travaux rue Haute", ["body.fr"] = "La rue est **fermée**.", ["topics"] = "mobility" };
        var previewed = await Html.ParseAsync(await session.SubmitAsync(editor, "form#notice-form", fields, "/staff/notices/new?handler=preview"));
        Assert.Equal("fermée", previewed.QuerySelector(".notice-preview article[lang=fr] strong")?.TextContent);
        Assert.Equal(before, Counts());

        var saved = await session.SubmitAsync(editor, "form#notice-form", fields, "/staff/notices/new?handler=save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var path = saved.Headers.Location!.ToString().Split('?')[0];
        var draft = await session.PageAsync(path);
        Subscriber(Unique("page"), language, true, "mobility");
        var sending = await session.SubmitAsync(draft, "form#send", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sending.StatusCode);
        var page = await session.PageAsync(path);
        Assert.NotNull(page.QuerySelector("progress#notice-progress"));
        var recipients = await session.PageAsync(path + "/recipients");
        Assert.NotNull(recipients.QuerySelector("table caption"));
    }
}

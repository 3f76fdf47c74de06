using System.Net;
using Guichet.Follow.Subscriptions;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Subscriptions;

/// Subscriptions on Monday 2 November 2026, mail going to the smtp4dev server of the test script.
public sealed class SubscriptionsApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DispatchAllAsync()
    {
        while (await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync() > 0) { }
    }
}

/// What the subscription tests share: what is stored, the public form, the links of the mails.
public abstract class SubscriptionTestsBase(SubscriptionsApp fixture)
{
    private protected readonly SubscriptionsApp app = fixture;

    private protected (int Subscribers, int Topics, int Consents, int Mails, int Events) Counts() => app.InScope(db => (
        db.Set<Subscriber>().Count(), db.Set<SubscriberTopic>().Count(), db.Set<SubscriptionConsent>().Count(), db.Set<OutboxMessage>().Count(),
        db.Set<EventLogEntry>().Count(e => e.Activity.StartsWith("follow.subscriber."))));

    private protected async Task<(CookieJar Jar, HttpClient Client, string Token)> OpenFormAsync(string language)
    {
        var jar = new CookieJar();
        var client = app.Client();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("GuichetTests/1.0");
        var response = await jar.GetAsync(client, "/subscribe?lang=" + language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (jar, client, Html.Antiforgery(await Html.ParseAsync(response)));
    }

    private protected static FormUrlEncodedContent Form(string token, string? email, string? language, string? frequency, params string[] topics)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (email is not null) fields.Add(new("email", email));
        if (language is not null) fields.Add(new("language", language));
        if (frequency is not null) fields.Add(new("frequency", frequency));
        fields.AddRange(topics.Select(t => new KeyValuePair<string, string>("topics", t)));
        return new FormUrlEncodedContent(fields);
    }

    private protected static string LinkIn(string text, string path) =>
        text.Split('\n').Select(l => l.Trim()).Single(l => l.Contains(path, StringComparison.Ordinal));

    /// Subscribes through the public form and follows the confirmation; the subscriber's id and the manage path.
    private protected async Task<(Guid Id, string ManagePath)> ConfirmedSubscriberAsync(string email, string language = "fr")
    {
        var (jar, client, token) = await OpenFormAsync(language);
        Assert.Equal(HttpStatusCode.Redirect, (await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = Form(token, email, language, "weekly", "mobility") })).StatusCode);
        await app.DispatchAllAsync();
        var confirmation = Assert.Single(await TestMailServer.MailsToAsync(email));
        var confirm = new Uri(LinkIn(confirmation.Text, "/subscribe/confirm/")).PathAndQuery;
        var page = await Html.ParseAsync(await jar.GetAsync(client, confirm));
        var done = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, confirm) { Content = Form(Html.Antiforgery(page), null, null, null) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var id = app.InScope(db => db.Set<Subscriber>().Single(s => s.Email == email).Id);
        return (id, done.Headers.Location!.ToString().Split('?')[0]);
    }
}

public sealed class SubscriptionsTests(SubscriptionsApp fixture) : SubscriptionTestsBase(fixture), IClassFixture<SubscriptionsApp>
{
    [Theory]
    [InlineData("fr", "Confirmez votre abonnement", "Votre abonnement est confirmé")]
    [InlineData("nl", "Bevestig uw abonnement", "Uw abonnement is bevestigd")]
    public async Task Double_opt_in_sends_nothing_before_the_click_keeps_the_consent_and_every_later_mail_unsubscribes_in_one_click(string language, string confirmSubject, string welcomeSubject)
    {
        var email = $"abonne-{Guid.NewGuid():N}@example.be";
        var (jar, client, token) = await OpenFormAsync(language);
        var before = Counts();
        var sent = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = Form(token, email, language, "weekly", "mobility", "legislation-parking") });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal((before.Subscribers + 1, before.Topics + 2, before.Consents + 1, before.Mails + 1, before.Events + 1), Counts());
        var subscriber = app.InScope(db => db.Set<Subscriber>().Include(s => s.Consents).Single(s => s.Email == email));
        Assert.False(subscriber.IsConfirmed);
        Assert.Equal(Frequency.Weekly, subscriber.Frequency);
        var consent = Assert.Single(subscriber.Consents);
        Assert.Equal(ConsentStep.Subscribed, consent.Step);
        Assert.Equal(language, consent.Language);
        Assert.Equal("GuichetTests/1.0", consent.UserAgent);
        Assert.Contains(language == "fr" ? "J'accepte de recevoir" : "Ik aanvaard", consent.Text);

        // Only the confirmation leaves, without List-Unsubscribe (nobody is subscribed yet).
        await app.DispatchAllAsync();
        var confirmation = Assert.Single(await TestMailServer.MailsToAsync(email));
        Assert.Equal(confirmSubject, confirmation.Subject);
        Assert.Null(confirmation.Header("List-Unsubscribe"));
        var confirm = new Uri(LinkIn(confirmation.Text, "/subscribe/confirm/")).PathAndQuery;

        // Opening the link (a mail filter does) confirms nothing; the button does.
        var page = await Html.ParseAsync(await jar.GetAsync(client, confirm));
        Assert.False(app.InScope(db => db.Set<Subscriber>().Single(s => s.Email == email).IsConfirmed));
        var confirmed = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, confirm) { Content = Form(Html.Antiforgery(page), null, null, null) });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(app.InScope(db => db.Set<Subscriber>().Single(s => s.Email == email).IsConfirmed));
        Assert.Equal(["follow.subscriber.subscribed", "follow.subscriber.confirmed"], app.Activities("subscriber", subscriber.Id));

        // Replayed: a clear page, nothing changed.
        var afterConfirm = Counts();
        var replay = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, confirm) { Content = Form(Html.Antiforgery(page), null, null, null) });
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(afterConfirm, Counts());

        // The manage page shows the consents as kept.
        var manage = await Html.ParseAsync(await jar.GetAsync(client, confirmed.Headers.Location!.ToString()));
        Assert.Contains(email, manage.Body!.TextContent);
        Assert.Equal(2, manage.QuerySelectorAll("table.consents tbody tr").Length);

        // The welcome mail: one copy, in the language, with RFC 8058 headers.
        await app.DispatchAllAsync();
        var mails = await TestMailServer.MailsToAsync(email, atLeast: 2);
        Assert.Equal(2, mails.Count);
        var welcome = Assert.Single(mails, m => m.Subject == welcomeSubject);
        var listUnsubscribe = welcome.Header("List-Unsubscribe")!;
        Assert.Matches(@"^<https://localhost/u/[0-9a-f]{32}[A-Za-z0-9_-]{22}>, <mailto:[^>]+\?subject=unsubscribe%20[0-9a-f]{32}[A-Za-z0-9_-]{22}>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", welcome.Header("List-Unsubscribe-Post"));
        Assert.Contains("/subscriptions/manage/", welcome.Text);

        // One POST from the mail program, no cookie, no page: gone at once, with its consents; only the count stays.
        var erasures = app.InScope(db => db.Set<SubscriptionErasures>().Sum(e => e.Count));
        var url = new Uri(listUnsubscribe[1..listUnsubscribe.IndexOf('>')]);
        var oneClick = await app.Client().PostAsync(url.AbsolutePath, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(app.InScope(db => db.Set<Subscriber>().Any(s => s.Id == subscriber.Id)));
        Assert.False(app.InScope(db => db.Set<SubscriptionConsent>().Any(c => c.SubscriberId == subscriber.Id)));
        Assert.Equal(erasures + 1, app.InScope(db => db.Set<SubscriptionErasures>().Sum(e => e.Count)));
        Assert.Equal("follow.subscriber.erased", app.Activities("subscriber", subscriber.Id).Last());
        Assert.False(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Attributes.Contains(email))), "the journal keeps no address");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().PostAsync(url.AbsolutePath, new StringContent("List-Unsubscribe=One-Click"))).StatusCode);
    }
}

/// Links altered, replayed or expired, on a host of their own (the public forms' rate limit counts per host).
public sealed class SubscriptionLinkTests(SubscriptionsApp fixture) : SubscriptionTestsBase(fixture), IClassFixture<SubscriptionsApp>
{
    [Fact]
    public async Task An_altered_or_expired_confirmation_and_altered_manage_or_unsubscribe_links_change_nothing()
    {
        var email = $"link-{Guid.NewGuid():N}@example.be";
        var (jar, client, token) = await OpenFormAsync("de");
        await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = Form(token, email, "de", "immediate", "moving-house") });
        await app.DispatchAllAsync();
        var confirm = new Uri(LinkIn(Assert.Single(await TestMailServer.MailsToAsync(email)).Text, "/subscribe/confirm/")).AbsolutePath;
        var real = confirm["/subscribe/confirm/".Length..];
        var altered = "/subscribe/confirm/" + (real[0] == 'A' ? "B" : "A") + real[1..];
        var before = Counts();
        var get = await jar.GetAsync(client, altered + "?lang=de");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("nicht (mehr) gültig", (await Html.ParseAsync(get)).QuerySelector("[role=status]")!.TextContent);
        var post = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, altered) { Content = Form(token, null, null, null) });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, Counts());

        // A confirmed subscriber: forged manage and unsubscribe links open nothing.
        var (id, managePath) = await ConfirmedSubscriberAsync($"kept-{Guid.NewGuid():N}@example.be");
        var manageToken = managePath["/subscriptions/manage/".Length..];
        var forged = manageToken[..32] + new string('A', 22);
        var afterConfirm = Counts();
        Assert.Equal(HttpStatusCode.NotFound, (await jar.GetAsync(client, "/subscriptions/manage/" + forged)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().PostAsync("/u/" + forged, new StringContent("List-Unsubscribe=One-Click"))).StatusCode);
        // The manage token is not an unsubscribe token: one purpose each.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().PostAsync("/u/" + manageToken, new StringContent("List-Unsubscribe=One-Click"))).StatusCode);
        Assert.Equal(afterConfirm, Counts());
        Assert.True(app.InScope(db => db.Set<Subscriber>().Any(s => s.Id == id)));

        // Past 72 hours the link has expired: nothing confirmed.
        app.Clock.Advance(TimeSpan.FromHours(73));
        var expired = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, confirm) { Content = Form(token, null, null, null) });
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(afterConfirm, Counts());
        Assert.False(app.InScope(db => db.Set<Subscriber>().Single(s => s.Email == email).IsConfirmed));
    }

    [Fact]
    public async Task Communication_staff_keep_the_topic_list_in_four_languages()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var topics = () => app.InScope(db => db.Set<SubscriptionTopic>().Count());
        var before = topics();
        var name = new { fr = "Déchets", nl = "Afval", de = "Abfall", en = "Waste" };
        foreach (var (body, invalid) in new (object, string)[]
        {
            (new { code = "waste", kind = "theme", name = new { fr = "Déchets", nl = "Afval", de = "Abfall" } }, "name:name-in-every-language"),
            (new { code = "Waste Collection", kind = "theme", name }, "code:invalid-code"),
            (new { code = "waste", kind = "gossip", name }, "kind:unknown-code"),
            (new { code = "waste", kind = "service", name, refId = Guid.NewGuid() }, "refId:unknown-service"),
            (new { code = "mobility", kind = "theme", name }, "code:code-taken"),
        })
        {
            var problem = await (await admin.PostAsync("/api/v1/subscription-topics", JsonBody(body))).ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Contains(invalid, problem.Invalid);
            Assert.Equal(before, topics());
        }
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.Forbidden, (await front.PostAsync("/api/v1/subscription-topics", JsonBody(new { code = "waste", kind = "theme", name }))).StatusCode);
        var created = await admin.PostAsync("/api/v1/subscription-topics", JsonBody(new { code = "waste", kind = "theme", name }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var withdrawn = await admin.PutAsync($"/api/v1/subscription-topics/{id}", JsonBody(new { name, active = false }));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var offered = await (await app.Client().GetAsync("/api/v1/subscription-topics")).ReadJsonAsync();
        Assert.DoesNotContain(offered.EnumerateArray(), t => t.GetProperty("code").GetString() == "waste");
        Assert.Equal(["follow.subscription-topic.created", "follow.subscription-topic.changed"], app.Activities("subscription-topic", Guid.Parse(id!)));
    }
}

/// The form's refusals, on a host of their own (the public forms' rate limit counts per host).
public sealed class SubscribeFormTests(SubscriptionsApp fixture) : SubscriptionTestsBase(fixture), IClassFixture<SubscriptionsApp>
{
    [Fact]
    public async Task Each_bad_subscription_is_refused_with_its_message_and_nothing_is_stored_or_sent()
    {
        var (jar, client, token) = await OpenFormAsync("nl");
        var before = Counts();
        foreach (var (email, language, frequency, topics, field) in new[]
        {
            ((string?)null, "nl", "weekly", new[] { "mobility" }, "email"),
            ("geen-adres", "nl", "weekly", new[] { "mobility" }, "email"),
            ("iemand@example.be", "nl", "weekly", Array.Empty<string>(), "topics"),
            ("iemand@example.be", "nl", "weekly", new[] { "no-such-topic" }, "topics"),
            ("iemand@example.be", "xx", "weekly", new[] { "mobility" }, "language"),
            ("iemand@example.be", "nl", "hourly", new[] { "mobility" }, "frequency"),
        })
        {
            var response = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = Form(token, email, language, frequency, topics) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["#" + field], Html.ErrorSummaryLinks(await Html.ParseAsync(response)));
            Assert.Equal(before, Counts());
        }
        // A robot fills the hidden field: thanked, nothing stored.
        var robot = Form(token, "robot@example.be", "nl", "weekly", "mobility");
        var fields = (await robot.ReadAsStringAsync()) + "&website=http%3A%2F%2Fspam";
        var botted = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = new StringContent(fields, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded") });
        Assert.Equal(HttpStatusCode.Redirect, botted.StatusCode);
        Assert.Equal(before, Counts());
    }
}

/// The manage page, on a host of its own (the public forms' rate limit counts per host).
public sealed class SubscriptionManageTests(SubscriptionsApp fixture) : SubscriptionTestsBase(fixture), IClassFixture<SubscriptionsApp>
{
    [Fact]
    public async Task The_manage_page_changes_topics_language_and_frequency_with_a_new_consent_and_deletes_everything()
    {
        var email = $"manage-{Guid.NewGuid():N}@example.be";
        var (id, managePath) = await ConfirmedSubscriberAsync(email);
        var jar = new CookieJar();
        var client = app.Client();
        var page = await Html.ParseAsync(await jar.GetAsync(client, managePath + "?lang=en"));
        var saveAction = managePath + "?handler=save";
        var token = Html.Antiforgery(page);
        var before = Counts();
        var wrong = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, saveAction) { Content = Form(token, null, "en", "weekly") });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(before, Counts());
        var saved = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, saveAction) { Content = Form(token, null, "en", "immediate", "building-permits", "moving-house") });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var s = app.InScope(db => db.Set<Subscriber>().Include(x => x.Topics).Include(x => x.Consents).Single(x => x.Id == id));
        Assert.Equal(("en", Frequency.Immediate, 2, 3), (s.Language, s.Frequency, s.Topics.Count, s.Consents.Count));
        Assert.Equal("follow.subscriber.changed", app.Activities("subscriber", id).Last());

        var erase = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, managePath + "?handler=erase") { Content = Form(token, null, null, null) });
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.False(app.InScope(db => db.Set<Subscriber>().Any(x => x.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await jar.GetAsync(client, managePath)).StatusCode);
    }
}

/// The topic list page of communication staff.
public sealed class TopicPageTests(SubscriptionsApp fixture) : SubscriptionTestsBase(fixture), IClassFixture<SubscriptionsApp>
{
    [Fact]
    public async Task Staff_add_a_topic_in_four_languages_and_withdraw_it_and_a_name_missing_stores_nothing()
    {
        var session = await app.SignedInAsync(DemoAccounts.Admin, "fr");
        var page = await session.PageAsync("/staff/subscriptions/topics");
        var before = app.InScope(db => db.Set<SubscriptionTopic>().Count());
        var missing = await session.SubmitAsync(page, "form[novalidate]", new Dictionary<string, string>
        {
            ["code"] = "roads", ["kind"] = "theme", ["nameFr"] = "Voirie", ["nameNl"] = "Wegen", ["nameDe"] = "Straßen",
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("quatre langues", (await Html.ParseAsync(missing)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(before, app.InScope(db => db.Set<SubscriptionTopic>().Count()));
        var added = await session.SubmitAsync(page, "form[novalidate]", new Dictionary<string, string>
        {
            ["code"] = "roads", ["kind"] = "theme", ["nameFr"] = "Voirie", ["nameNl"] = "Wegen", ["nameDe"] = "Straßen", ["nameEn"] = "Roads",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var topic = app.InScope(db => db.Set<SubscriptionTopic>().Single(t => t.Code == "roads"));
        Assert.Equal("Straßen", topic.Name.De);
        var list = await session.PageAsync("/staff/subscriptions/topics");
        var withdraw = list.QuerySelectorAll("table.topics form").Single(f => f.GetAttribute("action")!.Contains(topic.Id.ToString(), StringComparison.Ordinal));
        var response = await session.SubmitAsync(list, $"form[action='{withdraw.GetAttribute("action")}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(app.InScope(db => db.Set<SubscriptionTopic>().Single(t => t.Code == "roads").Active));
        var front = await app.SignedInAsync(DemoAccounts.FrontOffice, "fr");
        Assert.NotEqual(HttpStatusCode.OK, (await front.Jar.GetAsync(front.Client, "/staff/subscriptions/topics")).StatusCode);
    }
}

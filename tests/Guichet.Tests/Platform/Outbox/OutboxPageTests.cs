using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Outbox;

public sealed class OutboxPageTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static async Task<HttpResponseMessage> RetryAsync(HttpClient client, CookieJar jar, string id, bool withToken = true)
    {
        var page = await Html.ParseAsync(await jar.GetAsync(client, "/staff/outbox?lang=en"));
        var form = new Dictionary<string, string> { ["id"] = id };
        if (withToken) form["__RequestVerificationToken"] = Html.Antiforgery(page);
        return await jar.PostFormAsync(client, "/staff/outbox?handler=retry", form);
    }

    private int RetryEvents(Guid id) => app.InScope(db => db.Set<EventLogEntry>().Include(e => e.Objects)
        .Count(e => e.Activity == "platform.outbox-message.retry-requested" && e.Objects.Any(o => o.ObjectId == id.ToString())));

    [Fact]
    public async Task Admins_see_dead_lettered_and_pending_messages_with_their_last_error()
    {
        await app.StoreFailedMailAsync("dead a1b2@example.be: Accusé", deadLettered: true, "SocketException: Connection refused");
        await app.StoreFailedMailAsync("pending c3d4@example.be: Ontvangst", deadLettered: false, "SocketException: Connection refused");
        var (client, jar) = await app.SignInAsync(DemoAccounts.Admin, language: null);

        var response = await jar.GetAsync(client, "/staff/outbox?lang=nl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Uitgaande berichten", page.QuerySelector("h1")!.TextContent);
        var tables = page.QuerySelectorAll("table");
        Assert.Equal(2, tables.Length);
        Assert.Contains("dead a1b2@example.be", tables[0].TextContent);
        Assert.Contains("pending c3d4@example.be", tables[1].TextContent);
        Assert.Contains("Connection refused", tables[0].TextContent);
        Assert.NotNull(tables[0].QuerySelector("form button[type=submit]"));
    }

    [Theory]
    [InlineData(DemoAccounts.Manager)]
    [InlineData(DemoAccounts.Editor)]
    [InlineData(DemoAccounts.FrontOffice)]
    public async Task Only_admins_may_open_the_page(string email)
    {
        var (client, jar) = await app.SignInAsync(email, language: null);
        var response = await jar.GetAsync(client, "/staff/outbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.Client().GetAsync("/staff/outbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Retry_now_makes_a_dead_lettered_message_due_again_and_records_who_asked()
    {
        var id = await app.StoreFailedMailAsync("retry e5f6@example.be: Décision", deadLettered: true, "SocketException: Connection refused");
        var (client, jar) = await app.SignInAsync(DemoAccounts.Admin, language: null);

        var response = await RetryAsync(client, jar, id.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = app.Message(id);
        Assert.Null(message.DeadLetteredAt);
        Assert.True(message.IsPending);
        Assert.Equal(0, message.Attempts);
        Assert.True(message.NextAttemptAt <= DateTimeOffset.UtcNow);
        Assert.Equal(1, RetryEvents(id));

        var after = await Html.ParseAsync(await jar.GetAsync(client, response.Headers.Location!.OriginalString + "&lang=en"));
        Assert.Contains("sent again", after.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Retry_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var id = await app.StoreFailedMailAsync("csrf a7b8@example.be: x", deadLettered: true, "SocketException: Connection refused");
        var (client, jar) = await app.SignInAsync(DemoAccounts.Admin, language: null);

        var response = await RetryAsync(client, jar, id.ToString(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(app.Message(id).DeadLetteredAt);
        Assert.Equal(0, RetryEvents(id));
    }

    [Fact]
    public async Task Retrying_an_unknown_or_already_sent_message_says_so_and_stores_nothing()
    {
        var (client, jar) = await app.SignInAsync(DemoAccounts.Admin, language: null);
        Guid sentId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            var sent = new OutboxMessage("mail", "{}", "sent c9d0", DateTimeOffset.UtcNow);
            sent.MarkSent(DateTimeOffset.UtcNow);
            db.Add(sent);
            await db.SaveChangesAsync();
            sentId = sent.Id;
        }

        foreach (var id in new[] { Guid.NewGuid().ToString(), sentId.ToString(), "not-a-guid" })
        {
            var response = await RetryAsync(client, jar, id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains("no longer waiting", page.QuerySelector("[role=alert]")!.TextContent);
        }
        Assert.NotNull(app.Message(sentId).SentAt);
        Assert.Equal(0, RetryEvents(sentId));
    }
}

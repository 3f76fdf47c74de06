using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;

namespace Guichet.Tests.Welcome.ContactForm;

public sealed class ContactFormTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static readonly Guid BulkyWaste = CatalogueDemoSeeder.StableId("service:hautrival-bulky-waste");

    private (int Contacts, int Attachments, int Mails) Counts() =>
        app.InScope(db => (db.Set<Contact>().Count(), db.Set<ContactAttachment>().Count(), db.Set<OutboxMessage>().Count()));

    private static MultipartFormDataContent Form(string token, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }
        return form;
    }

    private static Dictionary<string, string> Valid(string marker) => new()
    {
        ["service"] = BulkyWaste.ToString(), ["subject"] = "Enlèvement d'un canapé " + marker, ["message"] = "Bonjour, quand passez-vous rue des Écoles ?",
        ["name"] = "Jean Dubois", ["email"] = $"jean-{marker}@example.be",
    };

    private async Task<(CookieJar Jar, HttpClient Client, string Token)> OpenFormAsync(string query = "?lang=fr")
    {
        var jar = new CookieJar();
        var client = app.Client();
        var page = await Html.ParseAsync(await jar.GetAsync(client, "/contact" + query));
        return (jar, client, Html.Antiforgery(page));
    }

    [Fact]
    public async Task The_form_finds_the_service_and_a_message_with_a_file_becomes_a_tracked_contact()
    {
        var (jar, client, token) = await OpenFormAsync("?lang=fr&q=encombrants");
        var search = await Html.ParseAsync(await jar.GetAsync(client, "/contact?lang=fr&q=encombrants"));
        Assert.Contains(search.QuerySelectorAll("ul.choices a"), a => a.GetAttribute("href") == $"/contact?service={BulkyWaste}");

        var marker = Guid.NewGuid().ToString("N")[..8];
        var before = Counts();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\nphoto du canapé\n%%EOF");
        var sent = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/contact") { Content = Form(token, Valid(marker), ("canape.pdf", pdf)) });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal((before.Contacts + 1, before.Attachments + 1, before.Mails + 1), Counts());
        var contact = app.InScope(db => db.Set<Contact>().Single(c => c.Subject.Contains(marker)));
        Assert.Equal(ContactChannel.WebForm, contact.Channel);
        Assert.Equal(CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-cleanliness"), contact.UnitId);

        var track = await Html.ParseAsync(await jar.GetAsync(client, sent.Headers.Location!.ToString()));
        Assert.Contains("Merci", track.Body!.TextContent);
        Assert.Contains("Enlèvement d'un canapé", track.Body.TextContent);
        var mail = app.InScope(db => db.Set<OutboxMessage>().ToList()).Single(m => m.Payload.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("/contact/track/", mail.Payload);
    }

    [Fact]
    public async Task Missing_fields_a_wrong_file_type_or_an_unknown_service_are_refused_in_the_readers_language_and_store_nothing()
    {
        var (jar, client, token) = await OpenFormAsync("?lang=nl");
        var before = Counts();
        var empty = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/contact") { Content = Form(token, new() { ["email"] = "not-an-address" }) });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await Html.ParseAsync(empty);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Vul het onderwerp", summary);
        Assert.Contains("geldig e-mailadres", summary);

        var marker = Guid.NewGuid().ToString("N")[..8];
        var script = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/contact") { Content = Form(token, Valid(marker), ("foto.jpg", Encoding.UTF8.GetBytes("<script>alert(1)</script>"))) });
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        var unknown = Valid(marker);
        unknown["service"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/contact") { Content = Form(token, unknown) })).StatusCode);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Robots_and_forged_posts_store_nothing()
    {
        var (jar, client, token) = await OpenFormAsync();
        var before = Counts();
        var robot = Valid("robot");
        robot["website"] = "http://spam.example";
        Assert.Equal(HttpStatusCode.OK, (await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/contact") { Content = Form(token, robot) })).StatusCode);
        var forged = new MultipartFormDataContent();
        foreach (var (k, v) in Valid("forged")) forged.Add(new StringContent(v), k);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client().PostAsync("/contact", forged)).StatusCode);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_wrong_tracking_link_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/contact/track/" + new string('x', 43))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/contact/track/short")).StatusCode);
    }
}

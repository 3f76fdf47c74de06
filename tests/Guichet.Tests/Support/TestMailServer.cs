using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace Guichet.Tests.Support;

/// The smtp4dev server that test.sh starts (scripts/start-smtp4dev.sh): SMTP to send to, IMAP
/// and a REST API to read what arrived. Everything it receives lands in one mailbox, so tests
/// find their own mail by a unique subject or Message-ID.
public static class TestMailServer
{
    public static int SmtpPort => int.Parse(Read("GUICHET_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static int ImapPort => int.Parse(Read("GUICHET_TEST_IMAP_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static Uri WebUrl => new(Read("GUICHET_TEST_SMTP4DEV_URL"));

    public const string FromAddress = "guichet@test.guichet.example";

    /// Points a test host's mail at smtp4dev.
    public static void UseIn(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Tls", "none");
        builder.UseSetting("Mail:FromAddress", FromAddress);
        builder.UseSetting("Mail:FromName", "Guichet (tests)");
    }

    /// Reads back over IMAP the last mail whose envelope matches (it may take a moment to appear
    /// after the SMTP session ends); fails naming <paramref name="what"/> when none comes. The IMAP
    /// search of smtp4dev does not look into headers, so the envelopes are compared here.
    public static async Task<MimeMessage> FetchAsync(Func<Envelope, bool> match, string what)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var imap = new ImapClient();
            await imap.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync("tests", "tests");
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var summaries = imap.Inbox.Count == 0 ? []
                : await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.UniqueId);
            var found = summaries.LastOrDefault(m => m.Envelope is { } envelope && match(envelope));
            if (found is not null)
            {
                var message = await imap.Inbox.GetMessageAsync(found.UniqueId);
                await imap.DisconnectAsync(true);
                return message;
            }
            await imap.DisconnectAsync(true);
            if (attempt == 50) throw new InvalidOperationException($"No {what} arrived.");
            await Task.Delay(200);
        }
    }

    /// A mail as smtp4dev's REST API tells it: its headers as sent and its plain text.
    public sealed record RestMail(string Id, string Subject, IReadOnlyList<string> To, IReadOnlyList<(string Name, string Value)> Headers, string Text)
    {
        public string? Header(string name) => Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }

    /// Every mail the server holds for <paramref name="to"/>, read over the REST API, once at least
    /// <paramref name="atLeast"/> arrived (or after about ten seconds); a little more waiting lets a
    /// duplicate show up too.
    public static async Task<List<RestMail>> MailsToAsync(string to, int atLeast = 1)
    {
        using var http = new HttpClient { BaseAddress = WebUrl };
        List<System.Text.Json.JsonElement> found = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, $"/api/messages?searchTerms={Uri.EscapeDataString(to)}&pageSize=50");
            found = [.. page.GetProperty("results").EnumerateArray().Where(m => m.GetProperty("to").EnumerateArray().Any(a => string.Equals(a.GetString(), to, StringComparison.OrdinalIgnoreCase)))];
            if (found.Count >= atLeast) break;
            await Task.Delay(200);
        }
        var mails = new List<RestMail>();
        foreach (var summary in found)
        {
            var id = summary.GetProperty("id").GetString()!;
            var full = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, $"/api/messages/{id}");
            var headers = full.GetProperty("headers").EnumerateArray().Select(h => (h.GetProperty("name").GetString()!, h.GetProperty("value").GetString()!)).ToList();
            var text = await http.GetStringAsync($"/api/messages/{id}/plaintext");
            mails.Add(new RestMail(id, full.GetProperty("subject").GetString()!, [.. full.GetProperty("to").EnumerateArray().Select(a => a.GetString()!)], headers, text));
        }
        return mails;
    }

    private static string Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, or start the mail server with `eval \"$(scripts/start-smtp4dev.sh DIR)\"` first.");
}

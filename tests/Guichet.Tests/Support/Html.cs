using AngleSharp;
using AngleSharp.Dom;

namespace Guichet.Tests.Support;

public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));
    }

    /// The values a browser would post for the form <paramref name="formSelector"/> of the page (the
    /// antiforgery token included), changed by <paramref name="changes"/> (a change holding U+001F
    /// between values posts the field once per value); file inputs are left out.
    public static List<KeyValuePair<string, string>> FormValues(IDocument page, string formSelector, IDictionary<string, string> changes)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException("No form " + formSelector);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = input.GetAttribute("name");
            var type = input.GetAttribute("type");
            if (name is null || changes.ContainsKey(name) || type == "file") continue;
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked")) continue;
            var value = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
            values.Add(new(name, value));
        }
        foreach (var (name, value) in changes)
            foreach (var part in value.Split('\u001f'))
                values.Add(new(name, part));
        return values;
    }

    /// Posts the form <paramref name="formSelector"/> of the page as a browser would, to its action
    /// (or <paramref name="action"/>), with its current values changed by <paramref name="changes"/>.
    public static Task<HttpResponseMessage> SubmitAsync(CookieJar jar, HttpClient client, IDocument page, string formSelector, IDictionary<string, string> changes, string? action = null) =>
        jar.PostFormAsync(client, action ?? page.QuerySelector(formSelector)?.GetAttribute("action") ?? throw new InvalidOperationException("No form " + formSelector),
            FormValues(page, formSelector, changes));

    /// Where the links of the page's error summary lead ("#field").
    public static List<string?> ErrorSummaryLinks(IDocument page) =>
        [.. page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href"))];

    /// The antiforgery token of the first form on the page.
    public static string Antiforgery(IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token on the page.");
}

/// Keeps cookies between requests of a test client (the test server's client does not).
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = [];

    /// Another jar with the same cookies: a copy an attacker might have kept.
    public CookieJar Copy()
    {
        var copy = new CookieJar();
        foreach (var (name, value) in _cookies) copy._cookies[name] = value;
        return copy;
    }

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var v in values)
        {
            var pair = v.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            _cookies[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    public HttpRequestMessage Apply(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(Apply(request));
        Take(response);
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(HttpClient client, string url) => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

    public Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> form) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });

    /// Signs in through the real sign-in page.
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await Html.ParseAsync(await GetAsync(client, "/staff/sign-in"));
        return await PostFormAsync(client, "/staff/sign-in", new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
        });
    }
}

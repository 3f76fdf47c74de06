using System.Net;
using AngleSharp.Dom;

namespace Guichet.Tests.Support;

/// A staff member signed in through the real sign-in page (GuichetApp.SignInAsync or
/// SignedInAsync): a client and the cookies a browser would keep for it.
public sealed record StaffSession(HttpClient Client, CookieJar Jar)
{
    /// Gets a page, checks its status and parses it.
    public async Task<IDocument> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Jar.GetAsync(Client, url);
        Assert.Equal(expected, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// Posts a form of <paramref name="page"/> as a browser would, with its current values changed
    /// by <paramref name="changes"/>, to its action or to <paramref name="action"/>.
    public Task<HttpResponseMessage> SubmitAsync(IDocument page, string formSelector, IDictionary<string, string> changes, string? action = null) =>
        Html.SubmitAsync(Jar, Client, page, formSelector, changes, action);
}

using System.Net;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Complaints;

/// The customer's tracking link: it opens the complaint until it expires (410), an unknown or
/// malformed token is not found (404). A host of its own, as the test moves the clock.
public sealed class ComplaintTrackingTests(ComplaintsApp app) : IClassFixture<ComplaintsApp>
{
    [Fact]
    public async Task The_tracking_link_opens_the_complaint_until_it_expires_and_a_wrong_token_is_not_found()
    {
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var registered = await (await front.PostAsync("/api/v1/complaints", JsonBody(new
        {
            channel = "counter", customerKind = "anonymous", customerName = "Anne", address = "Place du Marché 1, 4000 Liège", language = "de",
            category = "quality", subject = "Falsche Auskunft", description = "Man hat mir das falsche Formular gegeben.",
        }))).ReadJsonAsync();
        var path = new Uri(registered.GetProperty("trackingUrl").GetString()!).AbsolutePath;
        var client = app.Client();
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(registered.GetProperty("complaint").GetProperty("number").GetString()!, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/complaint/track/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path[..^4] + "AAAA")).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(401));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(path)).StatusCode);
    }
}

using System.Net;
using Guichet.Tests.Support;

namespace Guichet.Tests.Platform.Web;

/// The API takes bearer tokens only, so a staff page must never send the signed-in browser to it:
/// every download on the staff pages is a page handler, and each one answers the signed-in reader.
public sealed class StaffDownloadsTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Theory]
    [InlineData("/staff/improve/processes")]
    [InlineData("/staff/improve/measures")]
    [InlineData("/staff/improve/measures/lead-time")]
    [InlineData("/staff/complaints/report")]
    [InlineData("/staff/satisfaction")]
    public async Task Every_download_of_a_staff_page_answers_the_signed_in_reader(string url)
    {
        var session = await app.SignedInAsync(DemoAccounts.Admin, "fr");
        var page = await session.PageAsync(url);
        Assert.Empty(page.QuerySelectorAll("main a[href^='/api/v1/']").Select(a => a.GetAttribute("href")));
        var downloads = page.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(downloads);
        foreach (var link in downloads)
        {
            var response = await session.Client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_answer_letter_of_an_unknown_complaint_is_not_found_for_the_signed_in_officer()
    {
        var session = await app.SignedInAsync(DemoAccounts.Complaints, "fr");
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/staff/complaints/{Guid.NewGuid()}?handler=answerLetter")).StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Hosting;

namespace Guichet.Tests.Welcome.Open311;

/// A host where road occupation reports are public (Welcome:Open311:PublicServices); every other
/// service keeps the default: private.
public sealed class Open311PrivacyApp : GuichetApp
{
    public const string PublicService = "hautrival-road-occupation";

    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Welcome:Open311:PublicServices:0", PublicService);
}

public sealed class Open311PrivacyTests(Open311PrivacyApp app) : IClassFixture<Open311PrivacyApp>
{
    private const string Private = "hautrival-passport";
    private const string Description = "Mon passeport expire dans deux semaines, je pars en voyage.";
    private const string Address = "Rue de la Station 12, 5000 Hautrival";

    private async Task<string> PostAsync(string serviceCode)
    {
        var key = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            var user = db.Set<StaffUser>().Single(u => u.Email == DemoAccounts.FrontOffice);
            var (token, plain) = ApiToken.Create(user.Id, "open311 app", DateTimeOffset.UtcNow, [TokenScopes.Open311], null);
            db.Add(token);
            await db.SaveChangesAsync();
            return plain;
        });
        var response = await app.Client().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["lat"] = "50.466912", ["long"] = "4.867534", ["address_string"] = Address,
            ["address_id"] = "addr-77", ["description"] = Description, ["email"] = "amelie@example.org", ["media_url"] = "https://photos.example.org/1.jpg",
            ["attribute[answer_by]"] = "email",
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var posted = JsonDocument.Parse(text).RootElement[0];
        // The app that posted gets its own request back in full.
        Assert.Equal(Description, posted.GetProperty("description").GetString());
        Assert.Equal(Address, posted.GetProperty("address").GetString());
        return posted.GetProperty("service_request_id").GetString()!;
    }

    private async Task<JsonElement> ReadAsync(string url)
    {
        var response = await app.Client().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Open311Schemas.AssertValid("requests.json", text);
        Assert.DoesNotContain("amelie@example.org", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Of(JsonElement list, string id) => list.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == id);

    private static void AssertNothingPersonal(JsonElement r, string raw)
    {
        foreach (var field in new[] { "description", "address", "address_id", "zipcode", "lat", "long", "media_url" })
            Assert.True(!r.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null, $"{field} is shown: {v}");
        Assert.DoesNotContain("passeport expire", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Rue de la Station", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("50.4669", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("photos.example.org", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_service_request_is_listed_without_free_text_address_or_position()
    {
        var id = await PostAsync(Private);

        var one = await ReadAsync($"/open311/v2/requests/{id}.json");
        var r = one[0];
        Assert.Equal(id, r.GetProperty("service_request_id").GetString());
        Assert.Equal("open", r.GetProperty("status").GetString());
        Assert.Equal(Private, r.GetProperty("service_code").GetString());
        AssertNothingPersonal(r, one.GetRawText());

        var list = await ReadAsync($"/open311/v2/requests.json?service_code={Private}");
        AssertNothingPersonal(Of(list, id), Of(list, id).GetRawText());
        var byId = await ReadAsync($"/open311/v2/requests.json?service_request_id={id}");
        AssertNothingPersonal(byId[0], byId.GetRawText());

        // Kept in full for the staff: the contact has them.
        var contact = app.InScope(db => db.Set<Contact>().Single(c => c.Id == Guid.Parse(id)));
        Assert.Equal(Description, contact.Notes);
    }

    [Fact]
    public async Task A_public_service_request_is_shown_in_full()
    {
        var id = await PostAsync(Open311PrivacyApp.PublicService);
        foreach (var r in new[] { (await ReadAsync($"/open311/v2/requests/{id}.json"))[0], Of(await ReadAsync("/open311/v2/requests.json"), id) })
        {
            Assert.Equal(Description, r.GetProperty("description").GetString());
            Assert.Equal(Address, r.GetProperty("address").GetString());
            Assert.Equal("addr-77", r.GetProperty("address_id").GetString());
            Assert.Equal(50.466912, r.GetProperty("lat").GetDouble());
            Assert.Equal(4.867534, r.GetProperty("long").GetDouble());
            Assert.Equal("https://photos.example.org/1.jpg", r.GetProperty("media_url").GetString());
        }
    }
}

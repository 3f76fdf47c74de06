using System.Text;
using System.Text.Json;

namespace Guichet.Tests.Support;

/// The JSON of the API as a client sends and reads it, and the ProblemDetails it refuses with.
/// Test files import it with `using static Guichet.Tests.Support.ApiJson;` to write `JsonBody(new { … })`.
public static class ApiJson
{
    /// A request body: the value serialized as the API reads it.
    public static StringContent JsonBody(object value) => JsonBody(JsonSerializer.Serialize(value));

    /// A request body sent as written (malformed or hand-made JSON).
    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// The refusal a response carries; fails unless it is a ProblemDetails document.
    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.ReadJsonAsync();
        var invalid = json.TryGetProperty("invalidParams", out var list)
            ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("code").GetString()!)).ToList()
            : [];
        return new Problem((int)response.StatusCode, json.GetProperty("code").GetString()!, invalid);
    }
}

/// A ProblemDetails refusal: its status, its stable code and the parameters it names.
public sealed record Problem(int Status, string Code, IReadOnlyList<(string Name, string Code)> InvalidParams)
{
    public List<string> InvalidNames => [.. InvalidParams.Select(p => p.Name)];

    public List<string> InvalidCodes => [.. InvalidParams.Select(p => p.Code)];

    /// Each invalid parameter as "name:code".
    public List<string> Invalid => [.. InvalidParams.Select(p => p.Name + ":" + p.Code)];
}

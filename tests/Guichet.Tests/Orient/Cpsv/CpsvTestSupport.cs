using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Guichet.Tests.Orient.Cpsv;

/// A Guichet host whose catalogue starts empty (no demo data), with only an admin account, to
/// import into.
public sealed class EmptyCatalogueApp : GuichetApp, IAsyncLifetime
{
    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Demo:SeedIfEmpty", "false");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await InScopeAsync(async services =>
        {
            await services.GetRequiredService<StaffAccounts>().CreateAsync(DemoAccounts.Admin, "Ada Admin", [Roles.Admin], DemoAccounts.Password, null, default);
            await services.GetRequiredService<Guichet.Platform.Data.GuichetDb>().SaveChangesAsync();
            return 0;
        });
    }
}

internal static class Cpsv
{
    public const string ExportUrl = "/api/v1/catalogue/cpsv-ap.jsonld";
    public const string ImportUrl = "/api/v1/catalogue/cpsv-ap";

    public static async Task<string> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync(ExportUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string body, string mediaType = "application/ld+json") =>
        client.PostAsync(ImportUrl, new StringContent(body, Encoding.UTF8, mediaType));

    public static JsonArray Graph(JsonNode document) => document["@graph"]!.AsArray();

    public static IEnumerable<JsonObject> OfType(JsonNode document, string type) =>
        Graph(document).Select(n => n!.AsObject()).Where(n => Types(n).Contains(type));

    public static IReadOnlyList<string> Types(JsonObject node) => node["@type"] switch
    {
        JsonArray a => [.. a.Select(t => t!.GetValue<string>())],
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    public static JsonObject Node(JsonNode document, string id) =>
        Graph(document).Single(n => n!["@id"]!.GetValue<string>() == id)!.AsObject();

    public static int IndexOf(JsonNode document, string id) =>
        Graph(document).Select((n, i) => (n, i)).Single(x => x.n!["@id"]!.GetValue<string>() == id).i;

    /// The node with this guichet:slug and type.
    public static JsonObject BySlug(JsonNode document, string type, string slug) =>
        OfType(document, type).Single(n => n["guichet:slug"]?.GetValue<string>() == slug);

    public static IEnumerable<JsonNode> Values(JsonObject node, string property) => node[property] switch
    {
        JsonArray a => a.Select(x => x!),
        null => [],
        var single => [single],
    };

    public static string? Text(JsonObject node, string property, string language) =>
        Values(node, property).FirstOrDefault(v => v["@language"]?.GetValue<string>() == language)?["@value"]?.GetValue<string>();

    public static IEnumerable<string> Refs(JsonObject node, string property) =>
        Values(node, property).Select(v => v["@id"]!.GetValue<string>());

    /// JSON with object keys and array items sorted: two documents that differ only in order are equal.
    public static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// Runs the project's SHACL validator (tests/shacl) on a JSON-LD document.
    public static async Task<(int ExitCode, string Report, string Errors)> ValidateAsync(string jsonLd)
    {
        var file = Path.Combine(Path.GetTempPath(), $"guichet-cpsv-{Guid.NewGuid():N}.jsonld");
        await File.WriteAllTextAsync(file, jsonLd);
        try
        {
            var root = Repository.Root;
            return await RunAsync("node", [Path.Combine(root, "tests", "shacl", "validate.mjs"), file], root, new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment, TimeSpan timeout, string? input = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}

using System.Text.Json.Nodes;
using Guichet.Tests.Support;

namespace Guichet.Tests.Orient.Cpsv;

/// `guichet catalogue export|import`, run as the real binary in a child process over a database
/// of its own (SQLite or PostgreSQL, as the suite runs): environment variables and the console
/// stay private to the child, so nothing leaks into the tests running in parallel.
public sealed class CatalogueCommandsTests : IAsyncLifetime
{
    private readonly List<TestDatabase> _databases = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guichet-cli-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<TestDatabase> NewDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        return database;
    }

    private static Task<(int ExitCode, string Output, string Errors)> GuichetAsync(TestDatabase database, params string[] arguments) =>
        GuichetAsync(database, new Dictionary<string, string>(), arguments);

    private static Task<(int ExitCode, string Output, string Errors)> GuichetAsync(TestDatabase database, Dictionary<string, string> environment, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        environment["Database__Provider"] = TestDatabase.Provider;
        environment["Database__ConnectionString"] = database.ConnectionString;
        environment["Data__Directory"] = database.Directory;
        environment["DOTNET_ENVIRONMENT"] = "Testing";
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        return Cpsv.RunAsync(dotnet, [Path.Combine(AppContext.BaseDirectory, "Guichet.dll"), .. arguments], AppContext.BaseDirectory, environment, TimeSpan.FromMinutes(3));
    }

    private static void Succeeded((int ExitCode, string Output, string Errors) run) =>
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Errors}");

    [Fact]
    public async Task Export_to_a_file_and_import_into_an_empty_database_gives_the_same_catalogue()
    {
        var source = await NewDatabaseAsync();
        Succeeded(await GuichetAsync(source, "seed", "--demo"));
        var first = Path.Combine(_folder, "first.jsonld");
        Succeeded(await GuichetAsync(source, "catalogue", "export", "--out", first, "--base-uri", "https://guichet.example.be"));
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(first))!;
        Assert.Equal(52, Cpsv.OfType(exported, "cpsv:PublicService").Count());
        Assert.All(Cpsv.Graph(exported).Where(n => n!["@id"]!.GetValue<string>().Contains("/id/", StringComparison.Ordinal)),
            n => Assert.StartsWith("https://guichet.example.be/id/", n!["@id"]!.GetValue<string>(), StringComparison.Ordinal));

        var target = await NewDatabaseAsync();
        var import = await GuichetAsync(target, "catalogue", "import", "--file", first);
        Succeeded(import);
        Assert.Matches(@"services\s+52\s+0\s+0", import.Output);
        Assert.Matches(@"channels\s+37\s+0\s+0", import.Output);

        var second = Path.Combine(_folder, "second.jsonld");
        Succeeded(await GuichetAsync(target, "catalogue", "export", "--out", second, "--base-uri", "https://guichet.example.be"));
        Assert.Equal(Cpsv.Canonical(exported), Cpsv.Canonical(JsonNode.Parse(await File.ReadAllTextAsync(second))));
    }

    [Fact]
    public async Task Export_writes_to_stdout_with_the_configured_or_the_default_base_uri()
    {
        var database = await NewDatabaseAsync();
        Succeeded(await GuichetAsync(database, "seed", "--demo"));

        var run = await GuichetAsync(database, "catalogue", "export");
        var configured = await GuichetAsync(database, new Dictionary<string, string> { ["Catalogue__BaseUri"] = "https://catalogue.example.be" }, "catalogue", "export");

        Succeeded(run);
        var document = JsonNode.Parse(run.Output)!;
        Assert.StartsWith("http://localhost:5080/id/service/", Cpsv.OfType(document, "cpsv:PublicService").First()["@id"]!.GetValue<string>(), StringComparison.Ordinal);
        Succeeded(configured);
        document = JsonNode.Parse(configured.Output)!;
        Assert.StartsWith("https://catalogue.example.be/id/service/", Cpsv.OfType(document, "cpsv:PublicService").First()["@id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_exit_code_2_the_errors_and_nothing_stored()
    {
        var source = await NewDatabaseAsync();
        Succeeded(await GuichetAsync(source, "seed", "--demo"));
        var run = await GuichetAsync(source, "catalogue", "export");
        Succeeded(run);
        var document = JsonNode.Parse(run.Output)!;
        var service = Cpsv.BySlug(document, "cpsv:PublicService", "hautrival-eid");
        var titles = service["dct:title"]!.AsArray();
        titles.Remove(titles.Single(t => t!["@language"]!.GetValue<string>() == "fr"));
        var file = Path.Combine(_folder, "invalid.jsonld");
        await File.WriteAllTextAsync(file, document.ToJsonString());

        var target = await NewDatabaseAsync();
        var import = await GuichetAsync(target, "catalogue", "import", "--file", file);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("nothing was stored", import.Errors, StringComparison.Ordinal);
        Assert.Contains($"@graph[{Cpsv.IndexOf(document, service["@id"]!.GetValue<string>())}].dct:title.fr  text-missing-primary-language", import.Errors, StringComparison.Ordinal);
        var after = await GuichetAsync(target, "catalogue", "export");
        Succeeded(after);
        Assert.Empty(Cpsv.Graph(JsonNode.Parse(after.Output)!));
    }

    [Fact]
    public async Task Import_without_a_file_is_a_usage_error()
    {
        var database = await NewDatabaseAsync();

        var run = await GuichetAsync(database, "catalogue", "import");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--file is required", run.Errors, StringComparison.Ordinal);
    }
}

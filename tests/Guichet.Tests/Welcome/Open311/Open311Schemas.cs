using System.Text.Json;
using Json.Schema;

namespace Guichet.Tests.Welcome.Open311;

/// The Open311 GeoReport v2 JSON Schemas (TestData/open311, copied from the reference), built
/// once with a real validator; the list schemas refer to the item schemas by relative name.
internal static class Open311Schemas
{
    private static readonly Uri Base = new("https://guichet.test/open311/");

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>();
        // Items before the lists that refer to them.
        foreach (var name in new[] { "request.json", "service.json", "service-definition.json", "requests.json", "services.json" })
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "open311", name));
            var schema = JsonSchema.FromText(text, options, new Uri(Base, name));
            options.SchemaRegistry.Register(new Uri(Base, name), schema);
            schemas[name] = schema;
        }
        return schemas;
    });

    public static void AssertValid(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schemas.Value[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{schema}: {Describe(result)}\n{json}");
    }

    private static string Describe(EvaluationResults r) =>
        string.Join("; ", (r.Details ?? []).Prepend(r).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")));
}

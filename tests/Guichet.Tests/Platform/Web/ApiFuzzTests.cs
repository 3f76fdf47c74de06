using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Platform.Data;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Web;

/// Every operation of the OpenAPI document, as an admin and anonymously, with bad input of each
/// class in its body, query and path: wrong types, nulls, huge strings, NUL characters, invalid
/// UTF-8, out-of-range numbers and dates. No answer is a 5xx, and no table gains or loses a row
/// (the journal, which records every change, included; only access events of a request that was
/// valid after all — an empty optional filter — may be added). One sample value per class and place,
/// not every combination, so that it stays a few seconds per provider.
public sealed class ApiFuzzTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private enum Bad { WrongType, Null, Huge, Nul, BadUtf8, Low, High }

    private static readonly string HugeText = new('x', 100_000);

    [Fact]
    public async Task No_operation_answers_5xx_or_stores_anything_for_bad_input()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        using var document = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var before = await RowCountsAsync();
        var lastEvent = app.InScope(db => db.Set<Guichet.Platform.EventLog.EventLogEntry>().Max(e => (long?)e.Id) ?? 0);

        var failures = new List<string>();
        var sent = 0;
        var operations = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                foreach (var request in Requests(root, path.Name, operation.Name.ToUpperInvariant(), operation.Value))
                    foreach (var bearer in new[] { token, null })
                    {
                        var status = await SendAsync(request, bearer, ++sent);
                        if (status >= 500)
                            failures.Add($"{status} {request.Method} {request.Target[..Math.Min(request.Target.Length, 160)]} ({request.What}, {(bearer is null ? "anonymous" : "admin")})");
                    }
            }

        Assert.True(operations > 40, $"Only {operations} operations found in the OpenAPI document.");
        Assert.Empty(failures);
        var after = await RowCountsAsync();
        // An empty optional filter (the Null class in a query) can make a valid list request: its
        // access event (who saw which data) is right to be there. Anything else is a stored change.
        var recorded = app.InScope(db => db.Set<Guichet.Platform.EventLog.EventLogEntry>().Where(e => e.Id > lastEvent).Select(e => new { e.Activity, e.Kind }).ToList());
        var accessOnly = recorded.All(e => e.Kind == Guichet.Platform.EventLog.EventKind.Access);
        var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value)
            .Where(t => !(accessOnly && t.Key.StartsWith("platform_event_log", StringComparison.Ordinal)))
            // The limiter counts every anonymous post, bad or not: that is its job, not a stored change.
            .Where(t => t.Key != "platform_rate_counters")
            .Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value}").ToList();
        Assert.True(changed.Count == 0, "Rows changed: " + string.Join(", ", changed) + "; events recorded: " + string.Join(", ", recorded.Select(e => e.Activity)));
    }

    private sealed record FuzzRequest(string Method, string Target, string What, byte[]? Body, string? ContentType);

    private static IEnumerable<FuzzRequest> Requests(JsonElement root, string template, string method, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        var inPath = parameters.Where(x => x.GetProperty("in").GetString() == "path").ToList();
        var inQuery = parameters.Where(x => x.GetProperty("in").GetString() == "query").ToList();

        string PathWith(Func<JsonElement, string> value)
        {
            var path = template;
            foreach (var x in inPath) path = path.Replace("{" + x.GetProperty("name").GetString() + "}", value(x), StringComparison.Ordinal);
            return path;
        }

        var validPath = PathWith(x => Uri.EscapeDataString(Valid(Schema(root, x))));
        foreach (var bad in Enum.GetValues<Bad>())
        {
            // A NUL in the path is refused by the server's URL decoder before any endpoint (Kestrel: 400).
            if (inPath.Count > 0 && bad != Bad.Nul)
                yield return new(method, PathWith(x => QueryValue(Schema(root, x), bad)), $"path {bad}", null, null);
            if (inQuery.Count > 0)
                yield return new(method, validPath + "?" + string.Join('&', inQuery.Select(x => x.GetProperty("name").GetString() + "=" + QueryValue(Schema(root, x), bad))),
                    $"query {bad}", null, null);
        }

        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) yield break;
        foreach (var media in content.EnumerateObject())
        {
            var schema = media.Value.TryGetProperty("schema", out var s) ? Resolve(root, s) : default;
            if (media.Name.Contains("json", StringComparison.Ordinal))
            {
                foreach (var bad in Enum.GetValues<Bad>())
                {
                    var json = bad == Bad.BadUtf8 ? Value(root, schema, Bad.Nul, 0) : Value(root, schema, bad, 0);
                    var bytes = Encoding.UTF8.GetBytes(json?.ToJsonString() ?? "null");
                    if (bad == Bad.BadUtf8) bytes = WithInvalidUtf8(bytes);
                    yield return new(method, validPath, $"json {bad}", bytes, "application/json");
                }
                yield return new(method, validPath, "json array", "[]"u8.ToArray(), "application/json");
                yield return new(method, validPath, "json null", "null"u8.ToArray(), "application/json");
                yield return new(method, validPath, "json truncated", "{\"a\":"u8.ToArray(), "application/json");
            }
            else if (media.Name is "application/x-www-form-urlencoded" or "multipart/form-data")
            {
                var names = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props)
                    ? props.EnumerateObject().Select(x => x.Name).ToList() : ["file", "description"];
                foreach (var bad in new[] { Bad.Nul, Bad.Huge, Bad.High, Bad.BadUtf8 })
                {
                    var value = QueryValue(default, bad);
                    yield return new(method, validPath, $"form {bad}",
                        Encoding.ASCII.GetBytes(string.Join('&', names.Select(n => n + "=" + value))), "application/x-www-form-urlencoded");
                }
            }
        }
    }

    /// The NUL escapes of a JSON text replaced by a byte sequence that is not UTF-8.
    private static byte[] WithInvalidUtf8(byte[] json)
    {
        var parts = Encoding.UTF8.GetString(json).Split("\\u0000");
        var output = new List<byte>(Encoding.UTF8.GetBytes(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            output.AddRange([0xC3, 0x28]);
            output.AddRange(Encoding.UTF8.GetBytes(part));
        }
        return [.. output];
    }

    private static JsonElement Schema(JsonElement root, JsonElement parameter) =>
        parameter.TryGetProperty("schema", out var s) ? Resolve(root, s) : default;

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var i = 0; i < 5 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var r))
            {
                var name = r.GetString()!.Split('/')[^1];
                schema = root.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }
            else if (schema.TryGetProperty("oneOf", out var one) || schema.TryGetProperty("anyOf", out one))
                schema = one.EnumerateArray().FirstOrDefault(x => !(x.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            else break;
        }
        return schema;
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var t))
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : "string";
        if (t.ValueKind == JsonValueKind.String) return t.GetString()!;
        return t.EnumerateArray().Select(x => x.GetString()!).FirstOrDefault(x => x != "null") ?? "string";
    }

    private static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    private static string Valid(JsonElement schema) => (TypeOf(schema), FormatOf(schema)) switch
    {
        (_, "uuid") => Guid.NewGuid().ToString(),
        ("integer" or "number", _) => "1",
        ("boolean", _) => "true",
        (_, "date") => "2026-12-01",
        _ => "x",
    };

    /// A bad value of the class as it goes into a URL (escaped).
    private static string QueryValue(JsonElement schema, Bad bad) => bad switch
    {
        Bad.WrongType => TypeOf(schema) is "string" && FormatOf(schema) is null ? "%7B%7D" : "not-a-" + TypeOf(schema),
        Bad.Null => "",
        Bad.Huge => HugeText,
        Bad.Nul => "a%00b",
        Bad.BadUtf8 => "a%C3%28b",
        Bad.Low => TypeOf(schema) is "integer" or "number" ? "-99999999999999999999" : "0001-01-01",
        Bad.High => TypeOf(schema) is "integer" or "number" ? "99999999999999999999" : "9999-12-31",
        _ => "x",
    };

    /// A JSON value of the class for the schema; objects get every property bad at once.
    private static JsonNode? Value(JsonElement root, JsonElement schema, Bad bad, int depth)
    {
        schema = Resolve(root, schema);
        var type = TypeOf(schema);
        var format = FormatOf(schema);
        if (bad == Bad.Null) return depth == 0 && type == "object" ? Object(root, schema, bad, depth) : null;
        switch (type)
        {
            case "object":
                if (bad == Bad.WrongType && depth > 0) return JsonValue.Create("x");
                return depth > 2 ? new JsonObject() : Object(root, schema, bad, depth);
            case "array":
                if (bad == Bad.WrongType) return JsonValue.Create("x");
                var item = schema.TryGetProperty("items", out var items) ? items : default;
                return new JsonArray(Value(root, item, bad, depth + 1));
            case "integer" or "number":
                return bad switch
                {
                    Bad.WrongType => JsonValue.Create("x"),
                    Bad.Low => JsonValue.Create(-1e20),
                    Bad.High or Bad.Huge => JsonValue.Create(1e20),
                    _ => JsonValue.Create(-1),
                };
            case "boolean":
                return bad == Bad.WrongType ? JsonValue.Create("x") : JsonValue.Create(true);
            default:
                return bad switch
                {
                    Bad.WrongType => JsonValue.Create(12345),
                    Bad.Huge => JsonValue.Create(HugeText),
                    Bad.Nul => JsonValue.Create("a\0b"),
                    Bad.Low => JsonValue.Create(format == "date-time" ? "0001-01-01T00:00:00Z" : "0001-01-01"),
                    Bad.High => JsonValue.Create(format == "date-time" ? "9999-12-31T23:59:59Z" : "9999-12-31"),
                    _ => JsonValue.Create("x"),
                };
        }
    }

    private static JsonObject Object(JsonElement root, JsonElement schema, Bad bad, int depth)
    {
        var o = new JsonObject();
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props))
            foreach (var prop in props.EnumerateObject())
                o[prop.Name] = Value(root, prop.Value, bad, depth + 1);
        else if (bad != Bad.Null)
            o["fr"] = Value(root, default, bad, depth + 1); // a localized text or a free-form object
        return o;
    }

    /// Sends one request straight to the test server, from an address of its own so that the
    /// per-address limits of the public forms do not hide what the endpoint would do.
    private async Task<int> SendAsync(FuzzRequest request, string? bearer, int n)
    {
        var query = request.Target.IndexOf('?', StringComparison.Ordinal);
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
            c.Request.Method = request.Method;
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = PathString.FromUriComponent(query < 0 ? request.Target : request.Target[..query]);
            if (query >= 0) c.Request.QueryString = new QueryString(request.Target[query..]);
            c.Request.Headers.Accept = "application/json";
            if (bearer is not null) c.Request.Headers.Authorization = "Bearer " + bearer;
            if (request.Body is not null)
            {
                c.Request.ContentType = request.ContentType;
                c.Request.ContentLength = request.Body.Length;
                c.Request.Body = new MemoryStream(request.Body);
            }
        });
        return context.Response.StatusCode;
    }

    /// The number of rows of every table of the model, except the data-protection keys (a key is
    /// made on first use, whatever the request).
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => !t.Contains("data_protection", StringComparison.OrdinalIgnoreCase)).Distinct().Order().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var counts = new Dictionary<string, long>();
            foreach (var table in tables)
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

using System.Text;

namespace Guichet.Orient.Cpsv;

/// `guichet catalogue export [--out FILE] [--base-uri URI]` and `guichet catalogue import --file FILE`.
/// Exit codes: 0 done, 2 bad usage or invalid document (nothing stored).
internal static class CatalogueCommands
{
    public const string DefaultBaseUri = "http://localhost:5080";

    public static async Task<int> RunAsync(string[] words, IReadOnlyDictionary<string, string> options, IServiceProvider services,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        switch (words)
        {
            case ["catalogue", "export"]:
            {
                var baseUri = options.GetValueOrDefault("base-uri") is { Length: > 0 } given ? given
                    : services.GetRequiredService<IOptions<CpsvOptions>>().Value.BaseUri is { Length: > 0 } configured ? configured
                    : DefaultBaseUri;
                if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    await error.WriteLineAsync($"guichet: --base-uri must be an absolute http(s) URI, not '{baseUri}'.");
                    return 2;
                }
                await PrepareAsync(services, ct);
                var document = await services.GetRequiredService<CpsvExport>().ExportAsync(baseUri, ct);
                if (options.GetValueOrDefault("out") is { Length: > 0 } file)
                {
                    await File.WriteAllTextAsync(file, document, new UTF8Encoding(false), ct);
                    await error.WriteLineAsync($"Catalogue exported to {file}.");
                }
                else
                {
                    await output.WriteAsync(document);
                    await output.WriteLineAsync();
                }
                return 0;
            }

            case ["catalogue", "import"]:
            {
                if (options.GetValueOrDefault("file") is not { Length: > 0 } file)
                {
                    await error.WriteLineAsync("guichet: --file is required.");
                    return 2;
                }
                if (!File.Exists(file))
                {
                    await error.WriteLineAsync($"guichet: no file {file}.");
                    return 2;
                }
                await PrepareAsync(services, ct);
                var result = await services.GetRequiredService<CpsvImport>().ImportAsync(await File.ReadAllBytesAsync(file, ct), "system:cli", ct);
                if (result.Value is not { } summary)
                {
                    await error.WriteLineAsync($"guichet: {file} cannot be imported; nothing was stored. {result.InvalidParams.Count} error(s):");
                    foreach (var e in result.InvalidParams)
                        await error.WriteLineAsync($"  {e.Name}  {e.Code}  {e.Reason}");
                    return 2;
                }
                await output.WriteLineAsync("Catalogue imported (created / updated / unchanged):");
                await output.WriteLineAsync(Line("organisations", summary.Organisations));
                await output.WriteLineAsync(Line("units", summary.Units));
                await output.WriteLineAsync(Line("channels", summary.Channels));
                await output.WriteLineAsync(Line("services", summary.Services));
                return 0;
            }

            default:
                await error.WriteLineAsync("guichet: use `catalogue export [--out FILE] [--base-uri URI]` or `catalogue import --file FILE`.");
                return 2;
        }
    }

    private static string Line(string what, CpsvImportCounts c) => $"  {what,-14} {c.Created,5} {c.Updated,5} {c.Unchanged,5}";

    /// The same schema step as the web host's start-up, so that the commands work on a new database.
    private static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<DatabaseOptions>().MigrateOnStart)
            await DataModule.MigrateAsync(services.GetRequiredService<GuichetDb>(), ct);
    }
}

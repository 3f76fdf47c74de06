namespace Guichet.Bench;

internal sealed record BenchOptions(string Scenario, int Services, int Cases, string Provider, int Seconds, string? OutOption, string PostgresServer, string AppDll,
    int Slots = 10_000, int Clients = 500, int Calls = 200)
{
    /// The report file of the search scenario (the cases scenario writes one per provider).
    public string Out => OutOption ?? "bench/out/search.md";

    public static BenchOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            args.FirstOrDefault(a => !a.StartsWith('-')) ?? "",
            Int("services", 100000),
            Int("cases", 1_000_000),
            Get("provider") ?? "both",
            Int("seconds", 20),
            Get("out"),
            Environment.GetEnvironmentVariable("GUICHET_BENCH_PG") ?? "Host=127.0.0.1;Port=55433;Username=guichet;Database=postgres",
            Get("app") ?? Path.Combine(AppContext.BaseDirectory, "Guichet.dll"),
            Int("slots", 10_000),
            Int("clients", 500),
            Int("calls", 200));
    }
}

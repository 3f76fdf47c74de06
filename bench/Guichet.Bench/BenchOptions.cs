namespace Guichet.Bench;

internal sealed record BenchOptions(string Scenario, int Services, int Seconds, string Out, string PostgresServer, string AppDll)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new BenchOptions(
            args.FirstOrDefault(a => !a.StartsWith('-')) ?? "",
            int.Parse(Get("services", "100000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("seconds", "20"), System.Globalization.CultureInfo.InvariantCulture),
            Get("out", "bench/out/search.md"),
            Environment.GetEnvironmentVariable("GUICHET_BENCH_PG") ?? "Host=127.0.0.1;Port=55433;Username=guichet;Database=postgres",
            Get("app", Path.Combine(AppContext.BaseDirectory, "Guichet.dll")));
    }
}

using Guichet.Bench;

// Benchmarks of Guichet, each against a baseline measured in the same run on the same data.
// Usage: dotnet run -c Release --project bench/Guichet.Bench -- search [--services 100000] [--seconds 20]
// (bench/run.sh starts the PostgreSQL server and passes GUICHET_BENCH_PG.)
var options = BenchOptions.Parse(args);
return options.Scenario switch
{
    "search" => await SearchBench.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Guichet.Bench search [--services N] [--seconds S] [--out FILE]");
    return 2;
}

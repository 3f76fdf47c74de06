using Guichet.Bench;

// Benchmarks of Guichet, each against a baseline measured in the same run on the same data.
// Usage: bench/run.sh search [--services 100000] [--seconds 20]
//        bench/run.sh cases [--cases 1000000] [--seconds 20] [--provider postgres|sqlite|both]
//        bench/run.sh appointments [--slots 10000] [--clients 500] [--provider postgres|sqlite|both]
//        bench/run.sh queue [--seconds 20] [--calls 200] [--provider postgres|sqlite|both]
//        bench/run.sh improve [--cases 1000000] [--provider postgres|sqlite|both]
// (bench/run.sh starts the PostgreSQL server and passes GUICHET_BENCH_PG.)
var options = BenchOptions.Parse(args);
return options.Scenario switch
{
    "search" => await SearchBench.RunAsync(options),
    "cases" => await CasesBench.RunAsync(options),
    "appointments" => await AppointmentsBench.RunAsync(options),
    "queue" => await QueueBench.RunAsync(options),
    "improve" => await ImproveBench.RunAsync(options),
    "results" => await ResultsPage.RebuildAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Guichet.Bench search [--services N] [--seconds S] [--out FILE]");
    Console.Error.WriteLine("       Guichet.Bench cases [--cases N] [--seconds S] [--provider postgres|sqlite|both]");
    Console.Error.WriteLine("       Guichet.Bench appointments [--slots N] [--clients N] [--provider postgres|sqlite|both]");
    Console.Error.WriteLine("       Guichet.Bench queue [--seconds S] [--calls N] [--provider postgres|sqlite|both]");
    Console.Error.WriteLine("       Guichet.Bench improve [--cases N] [--provider postgres|sqlite|both]");
    Console.Error.WriteLine("       Guichet.Bench results   (rewrites bench/RESULTS.md from bench/out/ and bench/cases-findings.md)");
    return 2;
}

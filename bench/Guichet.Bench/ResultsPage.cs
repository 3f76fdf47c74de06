using System.Text;

namespace Guichet.Bench;

/// bench/RESULTS.md: the latest report of each scenario (from bench/out/), with how to run it.
internal static class ResultsPage
{
    public static async Task<int> RebuildAsync()
    {
        await UpdateAsync();
        return 0;
    }

    public static async Task UpdateAsync()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark results");
        sb.AppendLine();
        sb.AppendLine("The latest run of each scenario, copied from `bench/out/` by the benchmark itself. Every number is measured against a");
        sb.AppendLine("baseline (the same work written by hand with the bare driver) in the same run, on the same data, on the machine named in");
        sb.AppendLine("each section: the app, the database and the load generator share it, so absolute numbers are those of a small machine.");
        sb.AppendLine();
        sb.AppendLine($"Machine of the last run: {Machine.Describe()}.");
        sb.AppendLine();
        sb.AppendLine("## Case files (issue 4)");
        sb.AppendLine();
        sb.AppendLine("`bench/run.sh cases [--cases 1000000] [--seconds 20] [--provider postgres|sqlite|both]` — generates the cases in a fresh");
        sb.AppendLine("database (a private PostgreSQL with default durability that run.sh starts, or a SQLite file in a temporary folder),");
        sb.AppendLine("starts the app on it, measures, and writes `bench/out/cases-<provider>.md` and this page.");
        sb.AppendLine();
        // What the numbers say about the app, written by hand after a run (kept across runs).
        if (File.Exists("bench/cases-findings.md"))
        {
            sb.AppendLine(Demote(await File.ReadAllTextAsync("bench/cases-findings.md")));
            sb.AppendLine();
        }
        foreach (var provider in new[] { "postgres", "sqlite" })
        {
            var file = $"bench/out/cases-{provider}.md";
            if (File.Exists(file)) sb.AppendLine(Demote(await File.ReadAllTextAsync(file)));
            else sb.AppendLine($"### Case files on {provider}: not run yet (`bench/run.sh cases --provider {provider}`).");
            sb.AppendLine();
        }
        sb.AppendLine("## Search (Orient)");
        sb.AppendLine();
        sb.AppendLine("`bench/run.sh search [--services 100000] [--seconds 20]` — writes `bench/out/search.md`.");
        sb.AppendLine();
        if (File.Exists("bench/out/search.md")) sb.AppendLine(Demote(await File.ReadAllTextAsync("bench/out/search.md")));
        else sb.AppendLine("No search run in this checkout yet: run `bench/run.sh search` to fill this section.");
        await File.WriteAllTextAsync("bench/RESULTS.md", sb.ToString());
    }

    /// A report's headings one level down, to sit under this page's sections.
    private static string Demote(string report) =>
        string.Join('\n', report.TrimEnd().Split('\n').Select(l => l.StartsWith('#') ? "#" + l : l));
}

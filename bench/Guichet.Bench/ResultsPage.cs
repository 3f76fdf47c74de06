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
        // The Welcome section as it stands (its runs may come from another checkout), then this checkout's reports.
        var old = File.Exists(Page) ? await File.ReadAllTextAsync(Page) : "";
        var welcome = Section(old.Split('\n'), "## " + WelcomeHeading, "## ");
        var page = sb.ToString().TrimEnd() + "\n\n" + (welcome is { } w ? string.Join('\n', old.Split('\n')[w.Start..w.End]).TrimEnd() + "\n" : "");
        // The Improve section as it stands (written by `bench/run.sh improve`).
        if (Section(old.Split('\n'), "## " + ImproveHeading, "## ") is { } i) page = page.TrimEnd() + "\n\n" + string.Join('\n', old.Split('\n')[i.Start..i.End]).TrimEnd() + "\n";
        await File.WriteAllTextAsync(Page, await WithWelcomeReportsAsync(page));
    }

    public const string ImproveHeading = "Improve: process mining (issue 10)";

    /// Puts the latest `improve` report into its section of bench/RESULTS.md (in place of the
    /// previous one); the rest of the page stays as it is.
    public static async Task UpdateImproveAsync(string report)
    {
        var page = File.Exists(Page) ? await File.ReadAllTextAsync(Page) : "# Benchmark results\n";
        var lines = page.Split('\n');
        var section = "## " + ImproveHeading + "\n\n`bench/run.sh improve [--cases 1000000] [--provider postgres|sqlite|both]` — generates the journal with the case generator " +
            "(about ten events a case, of which about four are process events on the case), times DFG + variants of one case type over one year through " +
            "LiveJournal and ProcessMap next to a hand-written SQL query computing the same directly-follows counts, and the import of a generated " +
            "BPI Challenge 2012-shaped XES. Writes `bench/out/improve.md` and this section.\n\n" + Demote(report).TrimEnd() + "\n";
        page = Section(lines, "## " + ImproveHeading, "## ") is { } s
            ? string.Join('\n', lines[..s.Start]).TrimEnd() + "\n\n" + section + (s.End < lines.Length ? "\n" + string.Join('\n', lines[s.End..]) : "")
            : page.TrimEnd() + "\n\n" + section;
        await File.WriteAllTextAsync(Page, page);
    }

    private const string Page = "bench/RESULTS.md";
    private const string WelcomeHeading = "Welcome: appointments and the counter queue (issue 3)";

    /// Puts the Welcome scenarios' latest reports (bench/out/appointments-*.md, queue-*.md) into
    /// their section of bench/RESULTS.md, each in place of its previous run; the rest of the page
    /// (hand-written notes included) stays as it is.
    public static async Task UpdateWelcomeAsync()
    {
        var page = File.Exists(Page) ? await File.ReadAllTextAsync(Page) : "# Benchmark results\n";
        await File.WriteAllTextAsync(Page, await WithWelcomeReportsAsync(page));
    }

    private static async Task<string> WithWelcomeReportsAsync(string page)
    {
        var lines = page.TrimEnd().Split('\n').ToList();
        if (Section(lines, "## " + WelcomeHeading, "## ") is null)
        {
            lines.AddRange([
                "",
                "## " + WelcomeHeading,
                "",
                "`bench/run.sh appointments [--slots 10000] [--clients 500] [--provider postgres|sqlite|both]` — an appointment release rush: about",
                "`--slots` seats in the horizon, `--clients` clients booking at once until no seat is left, against the same reads and rows written",
                "with the bare driver by as many clients; then the double bookings read back from the database. Writes `bench/out/appointments-<provider>.md`.",
                "",
                "`bench/run.sh queue [--seconds 20] [--calls 200] [--provider postgres|sqlite|both]` — kiosk tickets per second at 1 and 16 clients",
                "against bare inserts of the same rows, and the delay from a desk's call-next to the call on the display board's stream. Writes",
                "`bench/out/queue-<provider>.md`.",
            ]);
        }
        foreach (var (file, heading) in new[]
        {
            ("bench/out/appointments-postgres.md", "### Appointment release rush on PostgreSQL"),
            ("bench/out/appointments-sqlite.md", "### Appointment release rush on SQLite"),
            ("bench/out/queue-postgres.md", "### Counter queue on PostgreSQL"),
            ("bench/out/queue-sqlite.md", "### Counter queue on SQLite"),
        })
        {
            if (!File.Exists(file)) continue;
            var report = Demote(await File.ReadAllTextAsync(file)).Split('\n').Append("").ToList();
            var welcome = Section(lines, "## " + WelcomeHeading, "## ")!.Value;
            var old = Section(lines[welcome.Start..welcome.End], heading, "### ", "## ");
            if (old is { } o)
            {
                lines.RemoveRange(welcome.Start + o.Start, o.End - o.Start);
                lines.InsertRange(welcome.Start + o.Start, report);
            }
            else
            {
                while (lines[welcome.End - 1].Length == 0) welcome = (welcome.Start, welcome.End - 1);
                lines.InsertRange(welcome.End, ["", .. report]);
            }
        }
        return string.Join('\n', lines).TrimEnd() + "\n";
    }

    /// The lines [Start, End) of the part whose heading starts with `heading`, up to the next line
    /// starting with one of `ends` (or the end).
    private static (int Start, int End)? Section(IReadOnlyList<string> lines, string heading, params string[] ends)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith(heading, StringComparison.Ordinal)) continue;
            var j = i + 1;
            while (j < lines.Count && !ends.Any(e => lines[j].StartsWith(e, StringComparison.Ordinal))) j++;
            return (i, j);
        }
        return null;
    }

    /// A report's headings one level down, to sit under this page's sections.
    private static string Demote(string report) =>
        string.Join('\n', report.TrimEnd().Split('\n').Select(l => l.StartsWith('#') ? "#" + l : l));
}

using System.Diagnostics;

namespace Guichet.Bench;

/// A closed-loop load: N workers each send the next query as soon as the previous answered,
/// for a fixed time after a warm-up; latencies of every request are kept.
internal static class Load
{
    public sealed record Result(string Name, int Clients, int Requests, int Errors, double Seconds, double P50, double P95, double P99)
    {
        public double PerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(string name, int clients, TimeSpan warmup, TimeSpan duration, IReadOnlyList<string> queries, Func<int, string, Task<bool>> send)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var measuring = false;
        var stop = false;
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            var i = w * 7919;
            while (!Volatile.Read(ref stop))
            {
                var q = queries[i++ % queries.Count];
                var started = Stopwatch.GetTimestamp();
                var ok = await send(w, q);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!Volatile.Read(ref measuring)) continue;
                if (ok) mine.Add(ms); else Interlocked.Increment(ref errors);
            }
        })).ToArray();
        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Result(name, clients, all.Length, errors, seconds, P(0.50), P(0.95), P(0.99));
    }
}

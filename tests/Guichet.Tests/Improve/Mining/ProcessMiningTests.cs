using Guichet.Improve.Mining;

namespace Guichet.Tests.Improve.Mining;

public sealed class ProcessMiningTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// Three cases: a-b-c (twice) and a-b-b-c, b done by another unit than a; hours apart.
    private static MiningLog Sample()
    {
        var log = new MiningLogBuilder();
        foreach (var (id, gapB) in new[] { ("1", 1), ("2", 3) })
        {
            log.Add(id, "a", T0, "front");
            log.Add(id, "b", T0.AddHours(gapB), "back");
            log.Add(id, "c", T0.AddHours(gapB + 2), "back");
        }
        // Given out of order: the builder sorts each case by time.
        log.Add("3", "c", T0.AddHours(10), "back");
        log.Add("3", "a", T0, "front");
        log.Add("3", "b", T0.AddHours(2), "back");
        log.Add("3", "b", T0.AddHours(5), "back");
        return log.Build();
    }

    [Fact]
    public void The_directly_follows_graph_counts_each_edge_with_its_median_and_p90_time()
    {
        var map = ProcessMap.Of(Sample());

        Assert.Equal((3, 10, 2), (map.Cases, map.Events, map.TotalVariants));
        var ab = Assert.Single(map.Edges, e => e.From == "a" && e.To == "b");
        Assert.Equal(3, ab.Frequency);
        Assert.Equal(2 * 3600, ab.MedianSeconds); // 1 h, 2 h, 3 h
        Assert.Equal(2.8 * 3600, ab.P90Seconds!.Value, 6);
        Assert.Equal(3, Assert.Single(map.Edges, e => e.From is null && e.To == "a").Frequency);
        Assert.Equal(3, Assert.Single(map.Edges, e => e.From == "c" && e.To is null).Frequency);
        Assert.Null(map.Edges.Single(e => e.From is null).MedianSeconds);
        Assert.Equal(1, Assert.Single(map.Edges, e => e.From == "b" && e.To == "b").Frequency);
        Assert.Equal(5, map.Edges.Count); // start→a, a→b, b→c, b→b, c→end
        Assert.Equal(4, map.Nodes.Single(n => n.Activity == "b").Frequency);
        Assert.Equal(3, map.Nodes.Single(n => n.Activity == "b").Cases);
    }

    [Fact]
    public void Variants_are_counted_with_their_coverage_most_frequent_first()
    {
        var map = ProcessMap.Of(Sample());

        Assert.Collection(map.Variants,
            v => { Assert.Equal(["a", "b", "c"], v.Activities); Assert.Equal(2, v.Cases); Assert.Equal(66.67, v.Coverage); Assert.Equal(4 * 3600, v.MedianCaseSeconds); },
            v => { Assert.Equal(["a", "b", "b", "c"], v.Activities); Assert.Equal(1, v.Cases); Assert.Equal(33.33, v.Coverage); });
    }

    [Fact]
    public void The_path_filter_keeps_the_most_frequent_variants_then_the_frequent_edges()
    {
        var byVariants = ProcessMap.Of(Sample(), new PathFilter(VariantCoverage: 60));
        Assert.Equal((2, 6, 3, 10), (byVariants.Cases, byVariants.Events, byVariants.TotalCases, byVariants.TotalEvents));
        Assert.Single(byVariants.Variants);
        Assert.DoesNotContain(byVariants.Edges, e => e.From == "b" && e.To == "b");

        var byEdges = ProcessMap.Of(Sample(), new PathFilter(EdgeShare: 50));
        Assert.Equal(3, byEdges.Cases);
        Assert.Equal(4, byEdges.Edges.Count); // b→b (1 of at most 3) is below half
        Assert.DoesNotContain(byEdges.Edges, e => e.From == "b" && e.To == "b");
    }

    [Fact]
    public void Bottlenecks_rank_edges_and_hand_overs_by_median_time()
    {
        var map = ProcessMap.Of(Sample());

        Assert.Equal(("b", "b", 3.0 * 3600), (map.Bottlenecks[0].From, map.Bottlenecks[0].To, map.Bottlenecks[0].MedianSeconds));
        Assert.Equal(("a", "b"), (map.Bottlenecks[1].From, map.Bottlenecks[1].To)); // 1, 2, 3 h; ties by name
        var bc = map.Bottlenecks[2]; // 2 h, 2 h, 5 h
        Assert.Equal(("b", "c", 2.0 * 3600), (bc.From, bc.To, bc.MedianSeconds));
        Assert.Equal(4.4 * 3600, bc.P90Seconds!.Value, 6);
        var handover = Assert.Single(map.Handovers);
        Assert.Equal(("front", "back", 3), (handover.FromUnit, handover.ToUnit, handover.Frequency));
        Assert.Equal(2 * 3600, handover.MedianSeconds);
    }

    [Fact]
    public void Rework_counts_the_cases_that_repeat_an_activity_and_the_repetitions()
    {
        var log = new MiningLogBuilder();
        foreach (var a in new[] { "x", "y", "x", "x", "y" }) log.Add("1", a, T0, null);
        foreach (var a in new[] { "x", "z", "x" }) log.Add("2", a, T0, null);
        var map = ProcessMap.Of(log.Build());

        Assert.Collection(map.Rework,
            r => Assert.Equal(new MapRework("x", 2, 3), r),
            r => Assert.Equal(new MapRework("y", 1, 1), r));
        Assert.Empty(map.Handovers);
    }

    [Fact]
    public void An_empty_selection_is_an_empty_map_not_an_error()
    {
        var map = ProcessMap.Of(MiningLog.Empty);
        Assert.Equal((0, 0), (map.Cases, map.Events));
        Assert.Empty(map.Edges);
        Assert.Empty(map.Variants);
    }

    [Fact]
    public void A_selection_of_cases_maps_only_those()
    {
        var map = ProcessMap.Of(Sample(), cases: [2]);
        Assert.Equal((1, 4), (map.Cases, map.Events));
        Assert.Equal(100, Assert.Single(map.Variants).Coverage);
    }
}

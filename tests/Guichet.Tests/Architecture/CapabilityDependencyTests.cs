using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using NetArchTest.Rules;

namespace Guichet.Tests.Architecture;

/// Dependencies between capabilities (Guichet.Stage.Capability), Razor pages included: a compiled
/// .cshtml is a type of the namespace AspNetCoreGeneratedDocument, so namespace rules alone would
/// not see what a page uses; here each page counts in the capability of the folder it sits in.
public sealed class CapabilityDependencyTests
{
    private static readonly Assembly App = typeof(Program).Assembly;
    private static readonly string[] Stages = ["Orient", "Welcome", "Deliver", "Follow", "Improve"];

    /// Deliberate two-way links between capabilities of one stage, each with its reason (docs/architecture.md).
    /// The case page, which shows every part of a case, is its own capability (Deliver.CaseFile) so
    /// that Cases does not depend on its parts; what is left are real two-way rules of the domain.
    private static readonly Dictionary<(string, string), string> Deliberate = new()
    {
        [("Deliver.Cases", "Deliver.StatusPage")] = "opening a case makes its status link (in the same transaction); the status page reads the case",
        [("Deliver.Requests", "Deliver.StatusPage")] = "a request's mail carries a status link; the status page takes the customer's answer to the request",
        [("Welcome.Contacts", "Welcome.MailIntake")] = "a contact's thread is the intake's messages; the intake registers contacts through the one intake",
        [("Welcome.Appointments", "Welcome.Queue")] = "check-in issues a ticket; the queue calls due appointments first (IQueuePriorityFeed)",
    };

    /// The capability a type belongs to: its namespace's first two parts under Guichet, or for a
    /// compiled page, the folder of its .cshtml ("/Deliver/Cases/Pages/Cases.cshtml" → Deliver.Cases).
    internal static string? CapabilityOf(Type type)
    {
        if (type.Namespace == "AspNetCoreGeneratedDocument")
        {
            var path = type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "Identifier")?.Value
                ?? App.GetCustomAttributes<RazorCompiledItemAttribute>().FirstOrDefault(a => a.Type == type)?.Identifier;
            var parts = path?.Trim('/').Split('/');
            return parts is { Length: >= 3 } && Stages.Contains(parts[0]) ? parts[0] + "." + parts[1] : null;
        }
        var ns = type.Namespace?.Split('.');
        return ns is { Length: >= 3 } && ns[0] == "Guichet" && Stages.Contains(ns[1]) ? ns[1] + "." + ns[2] : null;
    }

    internal static Dictionary<string, List<Type>> Capabilities() =>
        App.GetTypes().Select(t => (Type: t, Capability: CapabilityOf(t))).Where(x => x.Capability is not null)
            .GroupBy(x => x.Capability!).ToDictionary(g => g.Key, g => g.Select(x => x.Type).ToList());

    [Fact]
    public void Compiled_pages_are_seen_in_the_capability_of_their_folder()
    {
        var pages = App.GetTypes().Where(t => t.Namespace == "AspNetCoreGeneratedDocument" && t.Name.StartsWith("Deliver_", StringComparison.Ordinal)
            && t.Name != "Deliver__ViewImports").ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.StartsWith("Deliver.", CapabilityOf(p)));
    }

    /// The capabilities whose types (classes and compiled pages) use a type of the namespace.
    private static HashSet<string> UsersOf(string ns)
    {
        var result = Types.InAssembly(App).That().HaveDependencyOnAny(ns).GetTypes();
        return [.. result.Select(t => ByName.GetValueOrDefault(t.FullName.Replace('/', '+'))).OfType<string>()];
    }

    private static readonly Dictionary<string, string> ByName = App.GetTypes()
        .Select(t => (Name: t.FullName ?? "", Capability: CapabilityOf(t.IsNested ? Outermost(t) : t)))
        .Where(x => x.Capability is not null).ToDictionary(x => x.Name, x => x.Capability!);

    private static Type Outermost(Type t) => t.DeclaringType is { } d ? Outermost(d) : t;

    [Fact]
    public void Pages_follow_the_stage_order_too()
    {
        var failures = new List<string>();
        for (var i = 1; i < Stages.Length; i++)
        {
            var users = UsersOf("Guichet." + Stages[i]);
            failures.AddRange(users.Where(c => Array.IndexOf(Stages, c.Split('.')[0]) < i));
        }
        Assert.True(failures.Count == 0, "Capabilities (pages included) that use a later stage: " + string.Join(", ", failures.Distinct()));
    }

    [Fact]
    public void Capabilities_of_a_stage_do_not_depend_on_each_other_both_ways_unless_deliberate()
    {
        var edges = new HashSet<(string From, string To)>();
        foreach (var to in Capabilities().Keys)
            foreach (var from in UsersOf("Guichet." + to).Where(f => f != to && f.Split('.')[0] == to.Split('.')[0]))
                edges.Add((from, to));
        var cycles = edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From))).ToList();
        var unexplained = cycles.Where(c => !Deliberate.ContainsKey(c)).Select(c => $"{c.From} <-> {c.To}").ToList();
        Assert.True(unexplained.Count == 0, "Two-way dependencies between capabilities: " + string.Join("; ", unexplained));
        var gone = Deliberate.Keys.Where(k => !cycles.Contains(k)).Select(k => $"{k.Item1} <-> {k.Item2}").ToList();
        Assert.True(gone.Count == 0, "Listed as deliberate but no longer there (remove from the list): " + string.Join("; ", gone));
    }
}

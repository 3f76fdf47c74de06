using System.Reflection;
using System.Text.RegularExpressions;
using Guichet.Platform.Data;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Architecture;

/// Every capability of every stage has the same inner shape (docs/architecture.md, "One capability
/// shape"): its domain types and use cases at its root with its module ({Capability}Module.cs,
/// which registers its services and maps its endpoints), its HTTP endpoints in Api/, its Razor
/// pages in Pages/ (staff pages in Pages/Staff/), its demo data in Demo/, each entity's EF
/// configuration in the entity's own file. A stage's root holds only what its capabilities share:
/// the stage module, the activity catalogue and shared rules (Deliver's case clock).
public sealed partial class CapabilityShapeTests
{
    private static readonly Assembly App = typeof(Program).Assembly;
    private static readonly string[] Stages = ["Orient", "Welcome", "Deliver", "Follow", "Improve"];
    private static readonly string[] CodeFolders = ["Api", "Pages", "Demo"];
    private static readonly string Source = Path.Combine(Repository.Root, "src", "Guichet");

    /// The capability folders: each folder right under a stage that holds code.
    private static IEnumerable<(string Stage, string Capability, string Folder)> CapabilityFolders() =>
        from stage in Stages
        let stageFolder = Path.Combine(Source, stage)
        where Directory.Exists(stageFolder)
        from folder in Directory.GetDirectories(stageFolder)
        where CodeFiles(folder).Any()
        select (stage, Path.GetFileName(folder), folder);

    private static IEnumerable<string> CodeFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Source, path).Replace('\\', '/');

    [Fact]
    public void The_source_tree_is_found_and_has_the_three_built_stages()
    {
        var capabilities = CapabilityFolders().Select(c => c.Stage + "." + c.Capability).ToList();
        Assert.Contains("Orient.Catalogue", capabilities);
        Assert.Contains("Welcome.Queue", capabilities);
        Assert.Contains("Deliver.Cases", capabilities);
    }

    [Fact]
    public void Every_stage_has_its_module_and_its_activity_catalogue_at_its_root()
    {
        var missing = Stages.Where(s => Directory.Exists(Path.Combine(Source, s)))
            .SelectMany(s => new[] { $"Guichet.{s}.{s}Module", $"Guichet.{s}.{s}Activities" })
            .Where(name => App.GetType(name) is null).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_capability_has_its_module()
    {
        var missing = CapabilityFolders()
            .Where(c => App.GetType($"Guichet.{c.Stage}.{c.Capability}.{c.Capability}Module") is not { IsAbstract: true, IsSealed: true }
                || !File.Exists(Path.Combine(c.Folder, c.Capability + "Module.cs")))
            .Select(c => $"{c.Stage}/{c.Capability}/{c.Capability}Module.cs").ToList();
        Assert.True(missing.Count == 0, "Capabilities without their module (a static class in {Capability}Module.cs): " + string.Join(", ", missing));
    }

    [Fact]
    public void Code_sits_at_the_capability_root_or_in_Api_Pages_or_Demo()
    {
        var misplaced = CapabilityFolders().SelectMany(c => CodeFiles(c.Folder)
                .Select(f => Path.GetRelativePath(c.Folder, f).Replace('\\', '/'))
                .Where(r => r.Contains('/') && !CodeFolders.Contains(r.Split('/')[0]))
                .Select(r => $"{c.Stage}/{c.Capability}/{r}"))
            .ToList();
        Assert.True(misplaced.Count == 0, "Code outside the capability shape: " + string.Join(", ", misplaced));
    }

    [Fact]
    public void Namespaces_follow_the_folders()
    {
        var wrong = new List<string>();
        foreach (var file in CapabilityFolders().SelectMany(c => CodeFiles(c.Folder)).Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                     .Concat(Stages.Where(s => Directory.Exists(Path.Combine(Source, s))).SelectMany(s => Directory.GetFiles(Path.Combine(Source, s), "*.cs"))))
        {
            var expected = "Guichet." + Path.GetDirectoryName(Relative(file))!.Replace('/', '.');
            var declared = FileScopedNamespace().Match(File.ReadAllText(file));
            if (!declared.Success || declared.Groups[1].Value != expected)
                wrong.Add($"{Relative(file)} ({(declared.Success ? declared.Groups[1].Value : "no namespace")}, expected {expected})");
        }
        Assert.True(wrong.Count == 0, "Namespaces that do not follow their folder: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Razor_pages_of_the_stages_sit_in_a_Pages_folder()
    {
        var pages = App.GetTypes().Where(t => t.Namespace == "AspNetCoreGeneratedDocument")
            .Select(t => t.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute>()
                .FirstOrDefault(m => m.Key == "Identifier")?.Value)
            .OfType<string>()
            .Where(p => Stages.Contains(p.Trim('/').Split('/')[0]))
            .ToList();
        Assert.NotEmpty(pages);
        var misplaced = pages.Where(p => !p.Contains("/Pages/", StringComparison.Ordinal) && !p.EndsWith("/_ViewImports.cshtml", StringComparison.Ordinal)).ToList();
        Assert.True(misplaced.Count == 0, "Pages outside Pages/: " + string.Join(", ", misplaced));

        var models = App.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && Stages.Contains(t.Namespace?.Split('.').ElementAtOrDefault(1)))
            .Where(t => t.Namespace?.Contains(".Pages", StringComparison.Ordinal) != true).Select(t => t.FullName).ToList();
        Assert.True(models.Count == 0, "Page models outside a Pages namespace: " + string.Join(", ", models));
    }

    [Fact]
    public void Endpoints_are_mapped_in_Api_and_demo_data_sits_in_Demo()
    {
        var stageTypes = App.GetTypes().Where(t => Stages.Contains(t.Namespace?.Split('.').ElementAtOrDefault(1)) && t.Namespace!.StartsWith("Guichet.", StringComparison.Ordinal)).ToList();

        // A class that maps endpoints: a static Map…Api(this WebApplication/IEndpointRouteBuilder).
        var mappers = stageTypes.Where(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Any(m => m.Name.StartsWith("Map", StringComparison.Ordinal) && m.Name.EndsWith("Api", StringComparison.Ordinal) && !t.Name.EndsWith("Module", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(mappers);
        var misplacedApis = mappers.Where(t => !t.Namespace!.EndsWith(".Api", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.True(misplacedApis.Count == 0, "Endpoint maps outside Api/: " + string.Join(", ", misplacedApis));

        var seeders = stageTypes.Where(t => typeof(IDemoSeeder).IsAssignableFrom(t) && !t.IsInterface).ToList();
        Assert.NotEmpty(seeders);
        var misplacedSeeders = seeders.Where(t => !t.Namespace!.EndsWith(".Demo", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.True(misplacedSeeders.Count == 0, "Demo seeders outside Demo/: " + string.Join(", ", misplacedSeeders));
    }

    [Fact]
    public void Each_entity_is_configured_for_EF_in_its_own_file()
    {
        var configurations = App.GetTypes().Where(t => !t.IsAbstract && t.Namespace?.StartsWith("Guichet.", StringComparison.Ordinal) == true
                && t.Namespace != "Guichet.Platform.Data.Migrations")
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Configuration: t, Entity: i.GetGenericArguments()[0])))
            .ToList();
        Assert.NotEmpty(configurations);

        var files = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).StartsWith("obj/", StringComparison.Ordinal) && !Relative(f).StartsWith("bin/", StringComparison.Ordinal)
                && !Relative(f).StartsWith("Platform/Data/Migrations/", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);
        string? FileDeclaring(Type t) => files.FirstOrDefault(f => Regex.IsMatch(f.Value,
            $@"^(internal|public)\s+(sealed\s+|abstract\s+|static\s+|partial\s+)*(class|record|struct|record struct)\s+{t.Name}\b", RegexOptions.Multiline)).Key;

        var wrong = new List<string>();
        foreach (var (configuration, entity) in configurations)
        {
            if (configuration.Namespace != entity.Namespace)
                wrong.Add($"{configuration.FullName} configures {entity.FullName} from another namespace");
            else if (FileDeclaring(configuration) is { } a && FileDeclaring(entity) is { } b && a != b)
                wrong.Add($"{configuration.Name} is in {Relative(a)}, {entity.Name} in {Relative(b)}");
        }
        Assert.True(wrong.Count == 0, "EF configuration away from its entity: " + string.Join("; ", wrong));
    }

    [Fact]
    public void Stage_pages_do_not_use_the_demo_loader_or_the_command_line()
    {
        var pages = App.GetTypes().Where(t => t.Namespace == "AspNetCoreGeneratedDocument" && CapabilityDependencyTests.CapabilityOf(t) is not null);
        var offending = NetArchTest.Rules.Types.InAssembly(App).That().HaveDependencyOnAny("Guichet.Demo", "Guichet.Cli").GetTypes()
            .Select(t => t.FullName).Intersect(pages.Select(p => p.FullName)).ToList();
        Assert.True(offending.Count == 0, "Pages that use Guichet.Demo or Guichet.Cli: " + string.Join(", ", offending));
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}

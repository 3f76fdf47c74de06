using NetArchTest.Rules;

namespace Guichet.Tests.Architecture;

/// The tree tells the domain: Platform stands under every stage and knows none of them, and a
/// stage does not reach into a later one.
public sealed class ModuleBoundaryTests
{
    private static readonly System.Reflection.Assembly App = typeof(Program).Assembly;

    [Theory]
    [InlineData("Guichet.Platform", new[] { "Guichet.Orient", "Guichet.Welcome", "Guichet.Deliver", "Guichet.Follow", "Guichet.Improve", "Guichet.Demo", "Guichet.Cli" })]
    [InlineData("Guichet.Orient", new[] { "Guichet.Welcome", "Guichet.Deliver", "Guichet.Follow", "Guichet.Improve", "Guichet.Demo", "Guichet.Cli" })]
    [InlineData("Guichet.Welcome", new[] { "Guichet.Deliver", "Guichet.Follow", "Guichet.Improve", "Guichet.Demo", "Guichet.Cli" })]
    [InlineData("Guichet.Deliver", new[] { "Guichet.Follow", "Guichet.Improve", "Guichet.Demo", "Guichet.Cli" })]
    [InlineData("Guichet.Follow", new[] { "Guichet.Improve", "Guichet.Demo", "Guichet.Cli" })]
    [InlineData("Guichet.Improve", new[] { "Guichet.Demo", "Guichet.Cli" })]
    public void A_layer_does_not_depend_on_what_stands_on_it(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(App).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", (result.FailingTypes?.Select(t => t.FullName) ?? [])));
    }

    /// Later stages ask the catalogue through CatalogueDirectory (or the search), never its tables.
    [Theory]
    [InlineData("Guichet.Welcome")]
    [InlineData("Guichet.Deliver")]
    [InlineData("Guichet.Follow")]
    [InlineData("Guichet.Improve")]
    public void Later_stages_do_not_read_the_catalogue_tables(string stage)
    {
        var result = Types.InAssembly(App).That().ResideInNamespace(stage).ShouldNot().HaveDependencyOnAny(
            "Guichet.Orient.Catalogue.PublicService", "Guichet.Orient.Catalogue.Organisation", "Guichet.Orient.Catalogue.Unit",
            "Guichet.Orient.Catalogue.Channel", "Guichet.Orient.Catalogue.CatalogueWork",
            "Guichet.Orient.Catalogue.ServiceRequest", "Guichet.Orient.Catalogue.EditorScope", "Guichet.Orient.Catalogue.OpeningHoursOutlook",
            "Guichet.Orient.Catalogue.Pages", "Guichet.Orient.Catalogue.Api").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", (result.FailingTypes?.Select(t => t.FullName) ?? [])));
    }

    [Fact]
    public void Domain_entities_are_not_public()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("Guichet").And().DoNotHaveName("Program")
            .And().DoNotResideInNamespace("Guichet.Platform.Data.Migrations")
            .And().AreNotNested()
            .Should().NotBePublic().GetResult();
        Assert.True(result.IsSuccessful, "Public types: " + string.Join(", ", (result.FailingTypes?.Select(t => t.FullName) ?? [])));
    }
}

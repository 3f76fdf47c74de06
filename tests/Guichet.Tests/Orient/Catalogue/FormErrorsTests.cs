using System.Globalization;
using Guichet.Orient.Catalogue.Pages.Staff;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Guichet.Platform.Web.Forms;

namespace Guichet.Tests.Orient.Catalogue;

public sealed class FormErrorsTests
{
    [Theory]
    [InlineData("evidence[1].fr", "evidence-1-fr")]
    [InlineData("legalResources[0].title.nl", "legalResources-0-title-nl")]
    [InlineData("periods[2].hours[13].opens", "periods-2-hours-13-opens")]
    [InlineData("name.de", "name-de")]
    public void Field_ids_follow_the_api_paths(string field, string id) => Assert.Equal(id, FieldErrors.Id(field));

    [Fact]
    public void Errors_are_named_and_worded_in_the_users_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr-BE");
        try
        {
            var errors = StaffPage.Errors(new Texts());
            errors.Add([
                new InvalidParam("evidence[1].fr", "text-missing-primary-language", "..."),
                new InvalidParam("periods[0].hours[2]", "opening-hours-overlap", "..."),
                new InvalidParam("periods[2].from", "opening-hours-invalid-month-day", "..."),
                new InvalidParam("slug", "no-such-code", "..."),
            ], name => name == "periods[0].hours[2]" ? name + ".opens" : name);

            Assert.Equal("Document 2 – français : Ce texte est obligatoire dans la langue principale de l'organisation.", errors.Summary["evidence-1-fr"]);
            Assert.StartsWith("Horaire hebdomadaire habituel – Plage 3 : ", errors.Summary["periods-0-hours-2-opens"]);
            Assert.StartsWith("Période saisonnière 2 – Du : ", errors.Summary["periods-2-from"]);
            Assert.Equal("Cette valeur n'est pas valable.", errors["slug"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

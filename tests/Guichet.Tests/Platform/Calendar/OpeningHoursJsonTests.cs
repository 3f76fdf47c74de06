using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Platform.Calendar;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class OpeningHoursJsonTests
{
    private const string Sample = """
        {
          "closedOnPublicHolidays": true,
          "periods": [
            { "name": null, "from": null, "to": null,
              "hours": [
                { "day": "monday", "opens": "08:30", "closes": "12:00" },
                { "day": "thursday", "opens": "08:30", "closes": "12:00" },
                { "day": "thursday", "opens": "13:00", "closes": "19:00" } ] },
            { "name": { "fr": "Horaire d'été", "nl": "Zomeruren", "de": "Sommerzeiten", "en": "Summer hours" },
              "from": "07-01", "to": "08-31",
              "hours": [ { "day": "monday", "opens": "09:00", "closes": "12:00" } ] }
          ],
          "closures": [
            { "from": "2026-12-24", "to": "2026-12-24",
              "reason": { "fr": "Veille de Noël", "nl": "Kerstavond", "de": "Heiligabend", "en": "Christmas Eve" } }
          ],
          "specialOpenings": [
            { "date": "2026-12-19", "opens": "09:00", "closes": "12:00", "reason": null }
          ]
        }
        """;

    [Fact]
    public void The_sample_document_round_trips_unchanged()
    {
        var hours = JsonSerializer.Deserialize<OpeningHours>(Sample)!;

        var written = JsonSerializer.Serialize(hours);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Sample), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void The_sample_document_reads_into_the_model()
    {
        var hours = JsonSerializer.Deserialize<OpeningHours>(Sample)!;

        Assert.True(hours.ClosedOnPublicHolidays);
        Assert.Equal(2, hours.Periods.Count);
        Assert.Null(hours.Periods[0].From);
        Assert.Equal(new OpeningSlot("thursday", "13:00", "19:00"), hours.Periods[0].Hours[2]);
        Assert.Equal(Summer, hours.Periods[1].Name);
        Assert.Equal(new OpeningClosure("2026-12-24", "2026-12-24", ChristmasEve), hours.Closures[0]);
        Assert.Equal(new SpecialOpening("2026-12-19", "09:00", "12:00", null), hours.SpecialOpenings[0]);
        Assert.Empty(hours.Validate());
    }

    [Fact]
    public void Hours_built_in_code_write_the_documented_names()
    {
        var written = JsonNode.Parse(JsonSerializer.Serialize(TownHall()))!;

        Assert.Equal(["closedOnPublicHolidays", "periods", "closures", "specialOpenings"], written.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "from", "to", "hours"], written["periods"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["day", "opens", "closes"], written["periods"]![0]!["hours"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["from", "to", "reason"], written["closures"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["date", "opens", "closes", "reason"], written["specialOpenings"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("07-01", (string?)written["periods"]![1]!["from"]);
        Assert.Equal("Zomeruren", (string?)written["periods"]![1]!["name"]!["nl"]);
    }

    [Fact]
    public void A_missing_flag_means_closed_on_public_holidays()
    {
        var hours = JsonSerializer.Deserialize<OpeningHours>("""{ "periods": [] }""")!;

        Assert.True(hours.ClosedOnPublicHolidays);
    }

    [Fact]
    public void Web_serializer_options_read_and_write_the_same_document()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize<OpeningHours>(Sample, options), options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Sample), JsonNode.Parse(written)), written);
    }
}

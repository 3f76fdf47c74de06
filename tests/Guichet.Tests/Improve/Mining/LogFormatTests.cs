using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Guichet.Improve.Mining;
using Guichet.Platform.Web;
using Json.Schema;
using Microsoft.VisualBasic.FileIO;

namespace Guichet.Tests.Improve.Mining;

/// The reference logs (TestData/Mining, copied from the shared reference) read with known answers
/// or counted independently here; the exports validated against the XES schema and the OCEL 2.0 schema.
public sealed class LogFormatTests
{
    internal static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Mining", name);

    private static ImportedLog Read(Result<ImportedLog> result)
    {
        Assert.True(result.Ok, result.Code + " " + result.Title);
        return result.Value!;
    }

    [Fact]
    public void The_running_example_has_6_cases_42_events_8_activities_6_variants_and_16_edges()
    {
        using var file = File.OpenRead(PathOf("running-example.xes"));
        var log = Read(XesLog.Read(file));
        var map = ProcessMap.Of(log.ToMiningLog());

        Assert.Equal((6, 42, 8, 6), (map.Cases, map.Events, map.Nodes.Count, map.Variants.Count));
        Assert.Equal(16, map.Edges.Count(e => e.From is not null && e.To is not null));
        Assert.Equal(100, map.Variants.Sum(v => v.Coverage), 1);
    }

    [Fact]
    public void Road_traffic_counts_match_the_file()
    {
        var doc = XDocument.Load(PathOf("roadtraffic100traces.xes"));
        XNamespace ns = doc.Root!.Name.Namespace;
        static string? Key(XElement e, string key) => e.Elements().FirstOrDefault(a => (string?)a.Attribute("key") == key)?.Attribute("value")?.Value;
        var traces = doc.Root.Elements(ns + "trace").ToList();
        var events = traces.SelectMany(t => t.Elements(ns + "event")).ToList();
        var sequences = traces.Select(t => string.Join("|", t.Elements(ns + "event")
            .OrderBy(e => DateTimeOffset.Parse(Key(e, "time:timestamp")!, CultureInfo.InvariantCulture)).Select(e => Key(e, "concept:name")))).ToList();

        using var file = File.OpenRead(PathOf("roadtraffic100traces.xes"));
        var log = Read(XesLog.Read(file));
        var map = ProcessMap.Of(log.ToMiningLog());

        Assert.Equal(traces.Count, map.Cases);
        Assert.Equal(events.Count, map.Events);
        Assert.Equal(events.Select(e => Key(e, "concept:name")).Distinct().Count(), map.Nodes.Count);
        Assert.Equal(sequences.Distinct().Count(), map.Variants.Count);
        Assert.Equal(sequences.GroupBy(s => s).Max(g => g.Count()), map.Variants[0].Cases);
    }

    [Fact]
    public void Receipt_csv_counts_match_the_file()
    {
        var rows = new List<string[]>();
        using (var parser = new TextFieldParser(PathOf("receipt.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
        {
            parser.SetDelimiters(",");
            while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        }
        var header = rows[0].ToList();
        var data = rows.Skip(1).ToList();
        var (c, a) = (header.IndexOf("case:concept:name"), header.IndexOf("concept:name"));

        using var file = File.OpenRead(PathOf("receipt.csv"));
        var log = Read(CsvLog.Read(file, new CsvMapping()));
        var map = ProcessMap.Of(log.ToMiningLog());

        Assert.Equal(data.Count, map.Events);
        Assert.Equal(data.Select(r => r[c]).Distinct().Count(), map.Cases);
        Assert.Equal(data.Select(r => r[a]).Distinct().Count(), map.Nodes.Count);
    }

    [Fact]
    public void An_ocel_log_is_flattened_on_the_object_type_chosen_as_the_case()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(PathOf("ocel20_example.jsonocel")));
        var typeOf = json.RootElement.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("type").GetString()!);
        foreach (var caseType in typeOf.Values.Distinct())
        {
            var pairs = json.RootElement.GetProperty("events").EnumerateArray()
                .SelectMany(e => e.GetProperty("relationships").EnumerateArray()
                    .Select(r => r.GetProperty("objectId").GetString()!).Where(id => typeOf.GetValueOrDefault(id) == caseType).Distinct()
                    .Select(id => (Event: e.GetProperty("id").GetString(), Object: id, Type: e.GetProperty("type").GetString()))).ToList();

            using var file = File.OpenRead(PathOf("ocel20_example.jsonocel"));
            var log = Read(OcelLog.Read(file, caseType));
            var map = ProcessMap.Of(log.ToMiningLog());

            Assert.Equal(pairs.Count, map.Events);
            Assert.Equal(pairs.Select(p => p.Object).Distinct().Count(), map.Cases);
            Assert.Equal(pairs.Select(p => p.Type).Distinct().Count(), map.Nodes.Count);
        }
    }

    [Theory]
    [InlineData("xes", "<log><trace><event><string key=\"concept:name\" value=\"a\"/>", "mining-log-malformed")]
    [InlineData("xes", "<html><body/></html>", "mining-log-not-xes")]
    [InlineData("xes", "not xml at all", "mining-log-malformed")]
    [InlineData("xes", "<log><trace><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>", "mining-log-timestamp-missing")]
    [InlineData("xes", "<log><trace><event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"yesterday\"/></event></trace></log>", "mining-log-timestamp-missing")]
    [InlineData("xes", "<!DOCTYPE log [<!ENTITY x \"y\">]><log/>", "mining-log-malformed")]
    [InlineData("ocel", "{\"events\": [", "mining-log-malformed")]
    [InlineData("ocel", "[1, 2]", "mining-log-not-ocel")]
    [InlineData("ocel", "{\"objects\": [], \"events\": {}}", "mining-log-not-ocel")]
    [InlineData("ocel", "{\"objects\": [{\"id\": \"o1\", \"type\": \"order\"}], \"events\": [{\"id\": \"e1\", \"type\": \"x\", \"relationships\": [{\"objectId\": \"o1\"}]}]}", "mining-log-timestamp-missing")]
    [InlineData("ocel", "{\"objects\": [{\"id\": \"o1\", \"type\": \"order\"}, {\"id\": \"i1\", \"type\": \"item\"}], \"events\": []}", "mining-log-object-type-unknown")]
    [InlineData("csv", "case,activity\n1,a\n", "mining-log-column-missing")]
    [InlineData("csv", "case:concept:name,concept:name,time:timestamp\n1,a,not a date\n", "mining-log-timestamp-missing")]
    [InlineData("csv", "case:concept:name,concept:name,time:timestamp\n1,\"a,2026-01-01\n", "mining-log-malformed")]
    [InlineData("csv", "", "mining-log-empty")]
    public void A_bad_file_is_refused_with_a_code(string format, string content, string code)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var result = format switch
        {
            "xes" => XesLog.Read(stream),
            "ocel" => OcelLog.Read(stream, null),
            _ => CsvLog.Read(stream, new CsvMapping()),
        };
        Assert.False(result.Ok);
        Assert.Equal(code, result.Code);
        Assert.Equal(422, result.Status);
    }

    internal static void AssertValidXes(byte[] xes)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, PathOf("xes-ieee-1849-2016.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using (var reader = XmlReader.Create(new MemoryStream(xes), settings)) while (reader.Read()) { }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = Encoding.UTF8.GetString(xes);
        foreach (var prefix in new[] { "concept", "time", "lifecycle", "org" })
            Assert.Contains($"prefix=\"{prefix}\"", text);
    }

    internal static void AssertValidOcel(byte[] json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(PathOf("schema_ocel2.json")));
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
    }

    [Fact]
    public void A_log_written_as_xes_is_valid_and_reads_back_the_same()
    {
        using var file = File.OpenRead(PathOf("running-example.xes"));
        var log = Read(XesLog.Read(file));
        using var written = new MemoryStream();
        XesLog.Write(written, log.Events.GroupBy(e => e.Case));

        AssertValidXes(written.ToArray());
        var again = Read(XesLog.Read(new MemoryStream(written.ToArray())));
        Assert.Equal(log.Events.Count, again.Events.Count);
        Assert.Equal(ProcessMap.Of(log.ToMiningLog()).Variants.Select(v => string.Join(">", v.Activities)),
            ProcessMap.Of(again.ToMiningLog()).Variants.Select(v => string.Join(">", v.Activities)));
    }

    [Fact]
    public void A_log_written_as_ocel_is_valid_against_the_schema_and_reads_back_the_same()
    {
        using var file = File.OpenRead(PathOf("running-example.xes"));
        var log = Read(XesLog.Read(file));
        using var written = new MemoryStream();
        OcelLog.Write(written, log.Events);

        AssertValidOcel(written.ToArray());
        AssertValidOcel(File.ReadAllBytes(PathOf("ocel20_example.jsonocel"))); // the validator accepts the reference
        var again = Read(OcelLog.Read(new MemoryStream(written.ToArray()), "case"));
        Assert.Equal((42, 6), (again.Events.Count, again.CaseCount));
    }
}

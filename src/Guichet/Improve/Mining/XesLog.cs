using System.Text;
using System.Xml;

namespace Guichet.Improve.Mining;

/// XES (IEEE 1849-2016): read as a stream (a 262,000-event log is never held as a tree), written
/// with the concept, time, lifecycle and org extensions declared.
internal static class XesLog
{
    public const int MaxEvents = 5_000_000;

    public static Result<ImportedLog> Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, IgnoreProcessingInstructions = true };
        var events = new List<LogEvent>();
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "log") return Result<ImportedLog>.Refused(LogRefusals.NotXes);
            var traces = 0;
            string? caseId = null;
            Pending? current = null;
            var eventDepth = -1;
            var traceDepth = -1;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.LocalName == "event" && xml.Depth == eventDepth)
                    {
                        var where = $"trace {traces}, event {events.Count + 1}, line {((IXmlLineInfo)xml).LineNumber}";
                        if (string.IsNullOrWhiteSpace(current!.Activity)) return Result<ImportedLog>.Refused(LogRefusals.ActivityMissing(where));
                        if (current.Time is not { } time) return Result<ImportedLog>.Refused(LogRefusals.TimestampMissing(where));
                        if (events.Count >= MaxEvents) return Result<ImportedLog>.Refused(LogRefusals.TooLarge(MaxEvents));
                        events.Add(new LogEvent(caseId ?? $"trace-{traces}", current.Activity!, time, current.Lifecycle, current.Resource, current.Group));
                        current = null;
                        eventDepth = -1;
                    }
                    else if (xml.LocalName == "trace" && xml.Depth == traceDepth) { traceDepth = -1; caseId = null; }
                    continue;
                }
                if (xml.NodeType != XmlNodeType.Element) continue;
                switch (xml.LocalName)
                {
                    case "trace" when traceDepth < 0 && eventDepth < 0:
                        traces++;
                        traceDepth = xml.Depth;
                        caseId = null; // the name comes first in every writer we know; events before it get trace-N
                        if (xml.IsEmptyElement) traceDepth = -1;
                        break;
                    case "event" when eventDepth < 0:
                        current = new Pending();
                        eventDepth = xml.Depth;
                        if (xml.IsEmptyElement)
                            return Result<ImportedLog>.Refused(LogRefusals.TimestampMissing($"trace {traces}, line {((IXmlLineInfo)xml).LineNumber}"));
                        break;
                    default:
                        var key = xml.GetAttribute("key");
                        var value = xml.GetAttribute("value");
                        if (key is null) break;
                        // Only the attributes directly on the event or the trace (not inside lists).
                        if (current is not null && xml.Depth == eventDepth + 1)
                        {
                            switch (key)
                            {
                                case "concept:name": current.Activity = value; break;
                                case "time:timestamp":
                                    current.Time = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
                                    break;
                                case "lifecycle:transition": current.Lifecycle = value; break;
                                case "org:resource": current.Resource = value; break;
                                case "org:group": current.Group = value; break;
                            }
                        }
                        else if (current is null && traceDepth >= 0 && xml.Depth == traceDepth + 1 && key == "concept:name")
                        {
                            caseId = value;
                        }
                        break;
                }
            }
            return new ImportedLog("xes", events);
        }
        catch (XmlException e)
        {
            return Result<ImportedLog>.Refused(LogRefusals.Malformed($"line {e.LineNumber}, position {e.LinePosition}"));
        }
    }

    private sealed class Pending
    {
        public string? Activity;
        public DateTimeOffset? Time;
        public string? Lifecycle;
        public string? Resource;
        public string? Group;
    }

    /// The log as XES: one trace per case in the order given, events in time order.
    public static void Write(Stream stream, IEnumerable<IGrouping<string, LogEvent>> cases)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("log");
        xml.WriteAttributeString("xes.version", "1849.2016");
        xml.WriteAttributeString("xes.features", "");
        foreach (var (name, prefix) in new[] { ("Concept", "concept"), ("Time", "time"), ("Lifecycle", "lifecycle"), ("Organizational", "org") })
        {
            xml.WriteStartElement("extension");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("prefix", prefix);
            xml.WriteAttributeString("uri", $"http://www.xes-standard.org/{prefix}.xesext");
            xml.WriteEndElement();
        }
        xml.WriteStartElement("global");
        xml.WriteAttributeString("scope", "trace");
        Attribute(xml, "string", "concept:name", "name");
        xml.WriteEndElement();
        xml.WriteStartElement("global");
        xml.WriteAttributeString("scope", "event");
        Attribute(xml, "string", "concept:name", "name");
        Attribute(xml, "date", "time:timestamp", "1970-01-01T00:00:00.000+00:00");
        Attribute(xml, "string", "lifecycle:transition", "complete");
        xml.WriteEndElement();
        xml.WriteStartElement("classifier");
        xml.WriteAttributeString("name", "Activity");
        xml.WriteAttributeString("keys", "concept:name");
        xml.WriteEndElement();
        Attribute(xml, "string", "concept:name", "Guichet");
        foreach (var trace in cases)
        {
            xml.WriteStartElement("trace");
            Attribute(xml, "string", "concept:name", trace.Key);
            foreach (var e in trace.OrderBy(e => e.Time))
            {
                xml.WriteStartElement("event");
                Attribute(xml, "string", "concept:name", e.Activity);
                Attribute(xml, "date", "time:timestamp", e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                Attribute(xml, "string", "lifecycle:transition", e.Lifecycle ?? "complete");
                if (e.Resource is { Length: > 0 }) Attribute(xml, "string", "org:resource", e.Resource);
                if (e.Unit is { Length: > 0 }) Attribute(xml, "string", "org:group", e.Unit);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Attribute(XmlWriter xml, string type, string key, string value)
    {
        xml.WriteStartElement(type);
        xml.WriteAttributeString("key", key);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}

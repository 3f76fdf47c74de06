using System.Xml;

namespace Guichet.Improve.Processes;

/// A step as the BPMN file names it: its label in the reader's language and its lane (unit) name.
internal sealed record BpmnStep(ProcessStep Step, string Label, string Lane);

/// The declared flow as BPMN 2.0 XML (OMG, 2011) with its diagram, so that it opens in a BPMN
/// modeler (bpmn.io, Camunda Modeler, Signavio): one pool for the service, one lane per unit, a
/// start event (the receipt), a task per step in order with its activity and norm in its
/// documentation, an exclusive gateway around each optional step with a bypass, an end event.
internal static class ProcessBpmn
{
    private const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private const string Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private const string Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private const string DiBase = "http://www.omg.org/spec/DD/20100524/DI";

    private const int LaneHeight = 140, PoolLabel = 30, TaskWidth = 120, TaskHeight = 80, Gap = 50, Event = 36, Gateway = 50;

    private sealed record Node(string Id, string Kind, string? Name, string Lane, int X, int Width, int Height, string? Documentation = null);
    private sealed record Flow(string Id, string From, string To, bool Bypass = false);

    public static byte[] Write(string processName, string ownerLane, IReadOnlyList<BpmnStep> steps, string startLabel, string endLabel, Func<ProcessStep, string> documentation)
    {
        var lanes = new List<string> { ownerLane };
        foreach (var s in steps) if (!lanes.Contains(s.Lane)) lanes.Add(s.Lane);

        var nodes = new List<Node>();
        var flows = new List<Flow>();
        var x = PoolLabel + 40;
        nodes.Add(new Node("StartEvent_1", "startEvent", startLabel, ownerLane, x, Event, Event));
        x += Event + Gap;
        var previous = "StartEvent_1";
        void Connect(string to, bool bypass = false)
        {
            flows.Add(new Flow($"Flow_{flows.Count + 1}", previous, to, bypass));
            previous = to;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var (step, label, lane) = (steps[i].Step, steps[i].Label, steps[i].Lane);
            var task = $"Task_{i + 1}";
            if (step.Optional)
            {
                var split = $"Gateway_{i + 1}_split";
                var join = $"Gateway_{i + 1}_join";
                nodes.Add(new Node(split, "exclusiveGateway", null, lane, x, Gateway, Gateway));
                Connect(split);
                x += Gateway + Gap;
                nodes.Add(new Node(task, "task", label, lane, x, TaskWidth, TaskHeight, documentation(step)));
                Connect(task);
                x += TaskWidth + Gap;
                nodes.Add(new Node(join, "exclusiveGateway", null, lane, x, Gateway, Gateway));
                Connect(join);
                flows.Add(new Flow($"Flow_{flows.Count + 1}", split, join, Bypass: true));
                x += Gateway + Gap;
            }
            else
            {
                nodes.Add(new Node(task, "task", label, lane, x, TaskWidth, TaskHeight, documentation(step)));
                Connect(task);
                x += TaskWidth + Gap;
            }
        }
        nodes.Add(new Node("EndEvent_1", "endEvent", endLabel, steps.Count > 0 ? steps[^1].Lane : ownerLane, x, Event, Event));
        Connect("EndEvent_1");
        var poolWidth = x + Event + 40;

        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            w.WriteStartElement("bpmn", "definitions", Model);
            w.WriteAttributeString("xmlns", "bpmndi", null, Di);
            w.WriteAttributeString("xmlns", "dc", null, Dc);
            w.WriteAttributeString("xmlns", "di", null, DiBase);
            w.WriteAttributeString("id", "Definitions_1");
            w.WriteAttributeString("targetNamespace", "urn:guichet:declared-process");
            w.WriteAttributeString("exporter", "Guichet");
            w.WriteAttributeString("exporterVersion", "1");

            w.WriteStartElement("bpmn", "collaboration", Model);
            w.WriteAttributeString("id", "Collaboration_1");
            w.WriteStartElement("bpmn", "participant", Model);
            w.WriteAttributeString("id", "Participant_1");
            w.WriteAttributeString("name", processName);
            w.WriteAttributeString("processRef", "Process_1");
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("bpmn", "process", Model);
            w.WriteAttributeString("id", "Process_1");
            w.WriteAttributeString("name", processName);
            w.WriteAttributeString("isExecutable", "false");
            w.WriteStartElement("bpmn", "laneSet", Model);
            w.WriteAttributeString("id", "LaneSet_1");
            for (var l = 0; l < lanes.Count; l++)
            {
                w.WriteStartElement("bpmn", "lane", Model);
                w.WriteAttributeString("id", $"Lane_{l + 1}");
                w.WriteAttributeString("name", lanes[l]);
                foreach (var node in nodes.Where(n => n.Lane == lanes[l])) w.WriteElementString("bpmn", "flowNodeRef", Model, node.Id);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            foreach (var node in nodes)
            {
                w.WriteStartElement("bpmn", node.Kind, Model);
                w.WriteAttributeString("id", node.Id);
                if (node.Name is not null) w.WriteAttributeString("name", node.Name);
                if (node.Documentation is not null) w.WriteElementString("bpmn", "documentation", Model, node.Documentation);
                foreach (var f in flows.Where(f => f.To == node.Id)) w.WriteElementString("bpmn", "incoming", Model, f.Id);
                foreach (var f in flows.Where(f => f.From == node.Id)) w.WriteElementString("bpmn", "outgoing", Model, f.Id);
                w.WriteEndElement();
            }
            foreach (var f in flows)
            {
                w.WriteStartElement("bpmn", "sequenceFlow", Model);
                w.WriteAttributeString("id", f.Id);
                w.WriteAttributeString("sourceRef", f.From);
                w.WriteAttributeString("targetRef", f.To);
                w.WriteEndElement();
            }
            w.WriteEndElement(); // process

            // The diagram: the pool, its lanes top to bottom, each node centred in its lane.
            w.WriteStartElement("bpmndi", "BPMNDiagram", Di);
            w.WriteAttributeString("id", "BPMNDiagram_1");
            w.WriteStartElement("bpmndi", "BPMNPlane", Di);
            w.WriteAttributeString("id", "BPMNPlane_1");
            w.WriteAttributeString("bpmnElement", "Collaboration_1");
            Shape(w, "Participant_1", 0, 0, poolWidth, LaneHeight * lanes.Count, horizontal: true);
            for (var l = 0; l < lanes.Count; l++) Shape(w, $"Lane_{l + 1}", PoolLabel, l * LaneHeight, poolWidth - PoolLabel, LaneHeight, horizontal: true);
            var centre = new Dictionary<string, (int X, int Y, int W, int H)>();
            foreach (var node in nodes)
            {
                var y = lanes.IndexOf(node.Lane) * LaneHeight + (LaneHeight - node.Height) / 2;
                centre[node.Id] = (node.X, y, node.Width, node.Height);
                Shape(w, node.Id, node.X, y, node.Width, node.Height, horizontal: null);
            }
            foreach (var f in flows)
            {
                var (a, b) = (centre[f.From], centre[f.To]);
                w.WriteStartElement("bpmndi", "BPMNEdge", Di);
                w.WriteAttributeString("id", f.Id + "_di");
                w.WriteAttributeString("bpmnElement", f.Id);
                if (f.Bypass)
                {
                    // Under the optional task: down from the split, across, up into the join.
                    var below = a.Y + a.H + 25;
                    Waypoint(w, a.X + a.W / 2, a.Y + a.H);
                    Waypoint(w, a.X + a.W / 2, below);
                    Waypoint(w, b.X + b.W / 2, below);
                    Waypoint(w, b.X + b.W / 2, b.Y + b.H);
                }
                else
                {
                    Waypoint(w, a.X + a.W, a.Y + a.H / 2);
                    if (a.Y + a.H / 2 != b.Y + b.H / 2)
                    {
                        var middle = (a.X + a.W + b.X) / 2;
                        Waypoint(w, middle, a.Y + a.H / 2);
                        Waypoint(w, middle, b.Y + b.H / 2);
                    }
                    Waypoint(w, b.X, b.Y + b.H / 2);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement(); // definitions
        }
        return buffer.ToArray();
    }

    private static void Shape(XmlWriter w, string element, int x, int y, int width, int height, bool? horizontal)
    {
        w.WriteStartElement("bpmndi", "BPMNShape", Di);
        w.WriteAttributeString("id", element + "_di");
        w.WriteAttributeString("bpmnElement", element);
        if (horizontal is true) w.WriteAttributeString("isHorizontal", "true");
        w.WriteStartElement("dc", "Bounds", Dc);
        w.WriteAttributeString("x", x.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("y", y.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Waypoint(XmlWriter w, int x, int y)
    {
        w.WriteStartElement("di", "waypoint", DiBase);
        w.WriteAttributeString("x", x.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("y", y.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }
}

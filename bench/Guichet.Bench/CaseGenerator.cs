using System.Globalization;
using Guichet.Deliver;
using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Calendar;
using Guichet.Platform.EventLog;

namespace Guichet.Bench;

/// Where generated rows go: a PostgreSQL COPY or SQLite prepared INSERTs. Values are the ones
/// the app would store (the sink converts them as EF's mapping does for its database).
internal interface ICaseSink
{
    void Case(Case c);
    void PartyNumber(long id, Guid caseId, string number);
    void Event(long id, DateTimeOffset at, DateTimeOffset occurredAt, string kind, string actor, string activity, string attributes);
    void EventObject(long eventId, string objectType, string objectId, string qualifier);
}

internal sealed record GenerationStats(int Cases, long Events, long EventObjects, long PartyNumbers, int Closed, int Suspended, int MaxPerYear, int Years)
{
    public List<Guid> SampleCaseIds { get; } = [];
    public List<string> SampleNumbers { get; } = [];
}

/// Generates case files as they would have come about through the app: each case is built with
/// the app's own model (constructor, MoveTo, Suspend, Resume, Extend, Assign, MarkComplete,
/// Touch for the due date), and every change leaves the event the app records for it, with the
/// same activity (the catalogue's), kind, business time, attributes and objects (by role, the
/// customers as the app's pseudonyms). Cases arrive evenly over the past ~15 years (numbers
/// "YYYY-NNNNN" per year); the event log is written in time order across cases, as it grows in
/// production, with bounded memory (events wait in a queue until no later case can precede them).
internal sealed class CaseGenerator(IReadOnlyList<CaseType> types, WorkingCalendar calendar, Guid caseHandlerId, Guid frontOfficeId, DateTimeOffset now, BenchJournal journal)
{
    /// Share of each case type among the cases (parking cards are common, building permits less so).
    private static readonly Dictionary<string, double> Weights = new()
    {
        ["residents-parking-card"] = 0.40, ["municipal-tax-objection"] = 0.25, ["building-permit"] = 0.20, ["integration-income"] = 0.15,
    };

    private static readonly string[] FirstNames = ["Jean", "Marie", "Luc", "Sophie", "Pierre", "Anne", "Marc", "Nathalie", "Philippe", "Isabelle", "Thomas", "Julie", "Nicolas", "Sarah", "Kevin", "Laura", "Jan", "Els", "Pieter", "An", "Koen", "Lies", "Stefan", "Heike", "Mohamed", "Fatima", "Youssef", "Amina", "Giuseppe", "Ana"];
    private static readonly string[] LastNames = ["Dupont", "Lambert", "Martin", "Dubois", "Leroy", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Renard", "Simon", "Laurent", "Lejeune", "Collin", "Schmitz", "Müller", "Kessler", "El Amrani", "Benali", "Rossi", "Da Silva", "Nowak", "François", "Lemaire"];
    private static readonly string[] Streets = ["rue de la Station", "rue du Moulin", "place Communale", "rue de l'Église", "chemin des Prés", "avenue des Tilleuls", "rue Haute", "rue Basse", "rue du Centre", "allée des Érables", "rue de Namur", "route de Marche", "rue des Écoles", "rue du Château", "rue Saint-Martin"];
    private static readonly string[] Companies = ["Architectes Associés", "Bureau d'études Meuse", "Construct SA", "Immo Ardennes", "Cabinet Renard & Fils", "Notaires Lambert", "Avocats Collin", "Toitures Wallonnes", "Menuiserie Leroy", "Garage du Centre"];

    private readonly Random random = new(20261130);

    public GenerationStats Generate(int count, ICaseSink sink, long firstEventId, long firstPartyNumberId, Guid sampleUnitId, int sampleSize)
    {
        var people = Pool(600_000 * (long)Math.Max(count, 1) / 1_000_000 + 1000, PersonNumber);
        var companies = Pool(40_000 * (long)Math.Max(count, 1) / 1_000_000 + 100, CompanyNumber);
        var byCode = types.ToDictionary(t => t.Code);
        var picks = Weights.Select(w => (Type: byCode[w.Key], w.Value)).ToList();
        var handlers = types.SelectMany(t => t.Content.UnitIds).Distinct().ToDictionary(u => u, u =>
        {
            var ids = Enumerable.Range(0, 8).Select(_ => NewGuid()).ToList();
            if (types.First(t => t.Code == "building-permit").Content.UnitIds[0] == u) ids.Add(caseHandlerId);
            return ids;
        });
        var intake = Enumerable.Range(0, 5).Select(_ => NewGuid()).Append(frontOfficeId).ToList();

        var today = BrusselsTime.LocalDate(now);
        var start = new DateTimeOffset(today.Year - 14, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Leave the last days free so that cases received today can be added by the benchmark.
        var step = (now.AddDays(-2) - start).Ticks / Math.Max(count, 1);
        var perYear = new Dictionary<int, int>();
        var pending = new PriorityQueue<PendingEvent, long>();
        long nextEvent = firstEventId, nextPartyNumber = firstPartyNumberId, events = 0, objects = 0, partyNumbers = 0;
        int closed = 0, suspended = 0, seen = 0;
        var stats = new List<Guid>();
        var sampleNumbers = new List<string>();

        void Emit(PendingEvent e)
        {
            var id = nextEvent++;
            sink.Event(id, e.At, e.OccurredAt, BenchJournal.Kind(e.Activity), e.Actor, e.Activity.Code, e.Attributes);
            foreach (var o in e.Objects) sink.EventObject(id, o.Type, o.Id, o.Role);
            events++;
            objects += e.Objects.Length;
        }

        for (var i = 0; i < count; i++)
        {
            var t0 = start.AddTicks(step * i + random.NextInt64(Math.Max(step / 2, 1)));
            while (pending.TryPeek(out var first, out var at) && at <= t0.UtcTicks) Emit(pending.Dequeue());

            var received = BrusselsTime.LocalDate(t0);
            var type = Pick(picks);
            var unit = type.Content.UnitIds[0];
            var year = received.Year;
            var n = perYear[year] = perYear.GetValueOrDefault(year) + 1;
            var number = year.ToString(CultureInfo.InvariantCulture) + "-" + n.ToString("D5", CultureInfo.InvariantCulture);
            var parties = Parties(type, people, companies);
            var language = random.NextDouble() switch { < 0.88 => "fr", < 0.94 => "nl", _ => "de" };
            var completeAtReceipt = type.Content.Clock.StartsAt == Deliver.ClockStart.Receipt || random.NextDouble() < 0.6;
            var c = new Case(NewGuid(), number, type, unit, language, Subject(type), received, completeAtReceipt, parties, t0);
            c.Touch(type, received, calendar, t0);

            var caseObjects = journal.CaseObjects(c.Id, c.UnitId, parties);
            var history = Simulate(c, type, t0, received, intake[random.Next(intake.Count)], handlers[unit]);
            sink.Case(c);
            foreach (var number2 in parties.Select(p => p.Number).OfType<string>().Distinct())
            {
                sink.PartyNumber(nextPartyNumber++, c.Id, number2);
                partyNumbers++;
            }
            if (c.IsClosed) closed++;
            if (c.IsSuspended) suspended++;
            foreach (var (at, occurredAt, actor, activity, attributes, only) in history)
                pending.Enqueue(new PendingEvent(at, occurredAt, actor, activity, attributes, only ?? caseObjects), at.UtcTicks);

            // Reservoir samples of the benchmark user's unit: cases to open, and parties to look up.
            if (c.UnitId == sampleUnitId)
            {
                seen++;
                var slot = seen <= sampleSize ? seen - 1 : random.Next(seen);
                if (slot < sampleSize)
                {
                    var partyNumber = parties.Select(p => p.Number).OfType<string>().FirstOrDefault();
                    if (seen <= sampleSize) { stats.Add(c.Id); sampleNumbers.Add(partyNumber ?? ""); }
                    else { stats[slot] = c.Id; sampleNumbers[slot] = partyNumber ?? ""; }
                }
            }
        }
        while (pending.Count > 0) Emit(pending.Dequeue());

        var result = new GenerationStats(count, events, objects, partyNumbers, closed, suspended, perYear.Count == 0 ? 0 : perYear.Values.Max(), perYear.Count);
        result.SampleCaseIds.AddRange(stats);
        result.SampleNumbers.AddRange(sampleNumbers.Where(s => s.Length > 0));
        return result;
    }

    private sealed record PendingEvent(DateTimeOffset At, DateTimeOffset OccurredAt, string Actor, Activity Activity, string Attributes, BenchObject[] Objects);

    /// One event of a case's life; Objects null: the case's own (itself, its unit, its customers).
    private sealed record Step(DateTimeOffset At, DateTimeOffset OccurredAt, string Actor, Activity Activity, string Attributes, BenchObject[]? Objects);

    /// The life of one case up to now: what happened to it, in order, each change applied with
    /// the app's model and recorded with the attributes and business time the app records.
    private List<Step> Simulate(Case c, CaseType type, DateTimeOffset t0, DateOnly received, Guid intakeActor, List<Guid> handlers)
    {
        var history = new List<Step>();
        var handler = handlers[random.Next(handlers.Count)];
        var staff = "staff:" + handler;
        var day = received;
        var last = t0;

        void Record(DateTimeOffset at, string actor, Activity activity, Dictionary<string, object?>? attributes, DateTimeOffset? occurredAt = null, BenchObject[]? objects = null) =>
            history.Add(new Step(at, occurredAt ?? at, actor, activity, BenchJournal.Attributes(attributes), objects));

        // The next working moment minDays..maxDays later, if it is not in the future.
        bool Next(int minDays, int maxDays)
        {
            var d = day.AddDays(random.Next(minDays, maxDays + 1));
            var at = new DateTimeOffset(d.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 9 * 60));
            if (at <= last) at = last.AddMinutes(random.Next(1, 30));
            if (at > now) return false;
            day = DateOnly.FromDateTime(at.UtcDateTime);
            last = at;
            return true;
        }

        // As CaseWork.ChangeAsync: the due date after the change, and a change dated "on" a day happened then.
        void Change(Activity activity, Dictionary<string, object?> attributes)
        {
            c.Touch(type, day, calendar, last);
            attributes["dueOn"] = c.DueOn;
            Record(last, staff, activity, attributes, attributes.TryGetValue("on", out var on) && on is DateOnly d ? EventLog.OccurredOn(d, last) : null);
        }

        void Move(string to)
        {
            var from = c.Status;
            if (c.MoveTo(type, to, last) is { } refused) throw new InvalidOperationException($"{from} -> {to}: {refused.Code}");
            Change(DeliverActivities.StatusChanged, new() { ["from"] = from, ["to"] = to, ["closed"] = c.IsClosed });
        }

        Record(t0, "staff:" + intakeActor, DeliverActivities.CaseOpened, new Dictionary<string, object?>
        {
            ["number"] = c.Number, ["caseType"] = type.Code, ["caseTypeVersion"] = type.Version, ["status"] = c.Status,
            ["unit"] = c.UnitId, ["language"] = c.Language, ["receivedOn"] = received, ["dueOn"] = c.DueOn, ["contact"] = null,
        }, EventLog.OccurredOn(received, t0));

        var fate = random.NextDouble();
        var decided = fate < 0.25;
        var withdrawn = fate is >= 0.25 and < 0.30;
        var stage = random.NextDouble() switch { < 0.15 => "received", < 0.70 => "in-review", _ => "awaiting-decision" };

        void Life()
        {
            if (c.CompleteOn is null && random.NextDouble() < 0.85 && Next(3, 40))
            {
                c.MarkComplete(day);
                Change(DeliverActivities.CaseCompleted, new() { ["on"] = day });
            }
            if (withdrawn && random.NextDouble() < 0.5)
            {
                if (Next(1, 20)) Move("closed-withdrawn");
                return;
            }
            if (!decided && !withdrawn && stage == "received") return;
            if (!Next(1, 7)) return;
            Move("in-review");
            if (random.NextDouble() < 0.4 && Next(0, 3))
            {
                var to = handlers[random.Next(handlers.Count)];
                c.Assign(type, c.UnitId, to);
                Change(DeliverActivities.CaseAssigned, new() { ["unit"] = (Guid?)c.UnitId, ["handler"] = (Guid?)to });
            }
            if (type.Content.SuspensionReasons.Count > 0 && random.NextDouble() < 0.25)
            {
                if (!Next(2, 15)) return;
                var reason = type.Content.SuspensionReasons[0].Code;
                c.Suspend(type, reason, day);
                Change(DeliverActivities.CaseSuspended, new() { ["reason"] = reason, ["on"] = day });
                // Some open cases are still waiting for the document.
                if ((!decided && !withdrawn && stage == "in-review" && random.NextDouble() < 0.3) || !Next(3, 30)) return;
                c.Resume(day);
                Change(DeliverActivities.CaseResumed, new() { ["on"] = day });
            }
            if (type.Content.ExtensionDays is { } days && random.NextDouble() < 0.08 && Next(1, 10))
            {
                const string reason = "Avis complémentaire nécessaire";
                c.Extend(type, reason, last);
                Change(DeliverActivities.CaseExtended, new() { ["days"] = (int?)days, ["reason"] = reason });
            }
            if (withdrawn)
            {
                if (Next(5, 40)) Move("closed-withdrawn");
                return;
            }
            if (!decided && stage == "in-review") return;
            if (!Next(10, 40)) return;
            Move("awaiting-decision");
            if (!decided || !Next(5, 20)) return;
            var from = c.Status;
            c.MoveTo(type, "decided", last);
            c.Touch(type, day, calendar, last);
            var outcome = random.NextDouble() switch { < 0.8 => "granted", < 0.95 => "refused", _ => type.Content.Outcomes.Count > 2 ? "partiallyGranted" : "refused" };
            var channel = random.NextDouble() < 0.6 ? "email" : "post";
            var notifiedOn = channel == "email" ? day : calendar.AddWorkingDays(day, 3);
            Record(last, staff, DeliverActivities.DecisionIssued, new Dictionary<string, object?>
            {
                ["outcome"] = outcome, ["channel"] = channel, ["notifiedOn"] = notifiedOn,
                ["appealDeadline"] = calendar.NextWorkingDayOnOrAfter(notifiedOn.AddDays(type.Content.Appeal.DeadlineDays)), ["from"] = from, ["to"] = "decided",
            });
            // As DecisionWork: by post, notified in the same transaction on the presumed day of
            // receipt; by e-mail, when the outbox dispatcher sent the mail (naming its message).
            if (channel == "post")
                Record(last, staff, DeliverActivities.DecisionNotified, new() { ["channel"] = "post", ["notifiedOn"] = notifiedOn }, BrusselsTime.ToInstant(notifiedOn, TimeOnly.MinValue));
            else
                Record(last.AddSeconds(random.Next(1, 30)), "system:outbox", DeliverActivities.DecisionNotified, new() { ["channel"] = "email", ["notifiedOn"] = notifiedOn, ["attempts"] = 1 }, null,
                    [new("case", c.Id.ToString(), Role.Subject), new("unit", c.UnitId.ToString(), Role.Unit), new("outbox-message", NewGuid().ToString(), Role.Message)]);
        }
        Life();

        // Views by staff (each one recorded, as the app does), spread over the case's active life.
        var end = last.AddDays(60) < now ? last.AddDays(60) : now;
        var views = random.Next(3, 11);
        for (var v = 0; v < views; v++)
        {
            var at = t0.AddTicks(random.NextInt64(Math.Max((end - t0).Ticks, 1)));
            Record(at, v % 3 == 0 ? "staff:" + handlers[random.Next(handlers.Count)] : staff, DeliverActivities.CaseViewed, null);
        }
        // In the order recorded (a stable sort: events of one instant keep their order).
        history = [.. history.OrderBy(h => h.At)];
        for (var k = 1; k < history.Count; k++)
            if (history[k].At <= history[k - 1].At) history[k] = history[k] with { At = history[k - 1].At.AddTicks(1), OccurredAt = history[k].OccurredAt == history[k].At ? history[k - 1].At.AddTicks(1) : history[k].OccurredAt };
        return history;
    }

    private CaseType Pick(List<(CaseType Type, double Weight)> picks)
    {
        var x = random.NextDouble();
        foreach (var (type, weight) in picks)
        {
            if (x < weight) return type;
            x -= weight;
        }
        return picks[^1].Type;
    }

    private List<CaseParty> Parties(CaseType type, string[] people, string[] companies)
    {
        var parties = new List<CaseParty>();
        var street = $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 200)}, 5395 Hautrival";
        var applicantIsCompany = type.Code != "integration-income" && random.NextDouble() < 0.12;
        parties.Add(applicantIsCompany
            ? new CaseParty(PartyRole.Applicant, PartyKind.Company, Companies[random.Next(Companies.Length)], companies[random.Next(companies.Length)], Email(), Phone(), street)
            : new CaseParty(PartyRole.Applicant, PartyKind.Person, PersonName(), people[random.Next(people.Length)], Email(), Phone(), street));
        if (random.NextDouble() < (type.Code == "building-permit" ? 0.6 : 0.1))
            parties.Add(random.NextDouble() < 0.7
                ? new CaseParty(PartyRole.Representative, PartyKind.Company, Companies[random.Next(Companies.Length)], companies[random.Next(companies.Length)], Email(), Phone(), null)
                : new CaseParty(PartyRole.Representative, PartyKind.Person, PersonName(), people[random.Next(people.Length)], Email(), null, null));
        return parties;
    }

    private string PersonName() => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    private string? Email() => random.NextDouble() < 0.6 ? $"contact{random.Next(1_000_000)}@example.be" : null;

    private string? Phone() => random.NextDouble() < 0.4 ? $"+32 4{random.Next(70, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}" : null;

    private string Subject(CaseType type) => type.Code switch
    {
        "building-permit" => $"{(random.Next(4) switch { 0 => "Construction d'une habitation", 1 => "Extension", 2 => "Véranda", _ => "Transformation d'une grange" })}, {Streets[random.Next(Streets.Length)]} {random.Next(1, 200)}",
        "residents-parking-card" => $"Carte de riverain, {Streets[random.Next(Streets.Length)]}",
        "integration-income" => "Demande de revenu d'intégration",
        _ => $"Réclamation taxe {(random.Next(3) switch { 0 => "immondices", 1 => "secondes résidences", _ => "égouts" })} exercice {2012 + random.Next(15)}",
    };

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as Guid.NewGuid()
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private string[] Pool(long size, Func<string> make)
    {
        var set = new HashSet<string>();
        while (set.Count < size) set.Add(make());
        return [.. set];
    }

    /// A valid Belgian national number: YYMMDD, a serial (odd for men, even for women), and the
    /// check 97 - (the nine digits mod 97), the nine digits prefixed by 2 for births from 2000.
    public string PersonNumber()
    {
        var year = random.Next(1935, 2008);
        var body = (year % 100) * 10_000_000L + random.Next(1, 13) * 100_000L + random.Next(1, 29) * 1000L + random.Next(1, 998);
        var check = 97 - (int)(((year >= 2000 ? 2_000_000_000L : 0) + body) % 97);
        var number = body.ToString("D9", CultureInfo.InvariantCulture) + check.ToString("D2", CultureInfo.InvariantCulture);
        return PartyNumbers.Normalize(PartyKind.Person, number, out _) ?? throw new InvalidOperationException($"invalid national number {number}");
    }

    /// A valid enterprise number: 0 and seven digits, then 97 - (those eight digits mod 97).
    public string CompanyNumber()
    {
        var body = random.Next(2_000_000, 10_000_000);
        var number = body.ToString("D8", CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", CultureInfo.InvariantCulture);
        return PartyNumbers.Normalize(PartyKind.Company, number, out _) ?? throw new InvalidOperationException($"invalid enterprise number {number}");
    }
}

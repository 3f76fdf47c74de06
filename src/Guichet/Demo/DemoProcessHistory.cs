using System.Security.Cryptography;
using Guichet.Deliver.Advice;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Cases;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using Guichet.Deliver;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Files;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;
using Guichet.Welcome.ContactForm;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;
using Guichet.Welcome;

namespace Guichet.Demo;

/// What the demo history loaded: counts for the console, and per activity for whoever asks.
internal sealed record DemoHistory(int Cases, int Contacts, int Events, IReadOnlyDictionary<string, int> Activities, TimeSpan Took);

/// A process history for the demo, so that a first start shows a process and not empty pages:
/// the last 120 days of Hautrival's customer process. Contacts come in by every channel and are
/// answered, routed, referred or called back; some become case files of the demo case types,
/// which go through requests to the customer (the clock stops and runs again), advice between
/// units, status changes, a motivated decision notified by post or e-mail, sometimes an appeal.
///
/// Deterministic (a fixed seed; days counted back from today). Every step goes through the
/// entities' own methods and records its journal event at the simulated time, as the use case
/// would have (At = when it was recorded, OccurredAt = its business time), so the rows and the
/// journal tell the same story. A step that would fall after now has not happened yet: those
/// cases and contacts are still open, some of them overdue. Mails were "sent" as they went: their
/// outbox messages are marked sent, so the demo mails nobody.
internal sealed class DemoProcessHistory(GuichetDb db, EventLog eventLog, WorkingCalendar calendar, TimeProvider time, CatalogueDirectory catalogue,
    Texts texts, PublicUrls urls, IOptions<ContactNorms> norms, IOptions<AdviceOptions> adviceOptions, IOptions<StatusLinkOptions> links)
{
    /// Configuration switch (default on); the test host turns it off.
    public const string Setting = "Demo:ProcessHistory";

    public const int Days = 120;
    private const int CasePlans = 330, ContactPlans = 430, StoriesPerSave = 60;
    private const string MissingDocument = "missing-document";
    /// A letter is deemed received on the third working day after posting (as DecisionWork says).
    private const int PostalDelayWorkingDays = 3;

    private readonly Random _random = new(19_910_729);
    private readonly Dictionary<string, int> _activities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _contents = [];
    private readonly Dictionary<string, byte[]> _pdfs = [];
    private DateTimeOffset _now;
    private DateTimeOffset _last; // the last event of the story being told: its events are recorded in order
    private int _events, _cases, _contacts;
    private string _front = "", _handler = "", _manager = "";
    private Guid _frontUnit, _handlerId;
    private LocalizedText _sender = new();

    private sealed record Profile(
        double Requests, double Rework, double Advice, string[] AdviceUnits, double Extension, double Withdrawal,
        (int Min, int Max) Review, (int Min, int Max) Decision, double Stall, double Appeal, AppealKind AppealKind,
        (DecisionOutcome Outcome, int Weight)[] Outcomes, bool Assign, bool Architect,
        (ContactChannel? Channel, int Weight)[] Channels);

    /// How each demo case type lives: how often its customers are asked for something (and asked
    /// again), which units give advice, how long each stage takes (in working days), how often a
    /// case stalls (its delays 2.5 times longer: these become the overdue ones), the outcomes and
    /// how cases come in (a null channel: a paper file typed in, without a contact).
    private static readonly Dictionary<string, (int Weight, Profile Profile)> Profiles = new(StringComparer.Ordinal)
    {
        ["building-permit"] = (30, new Profile(0.35, 0.25, 0.8, ["hautrival/hautrival-environment", "hautrival/hautrival-public-works"], 0.15, 0.04,
            (1, 4), (25, 45), 0.15, 0.12, AppealKind.Appeal,
            [(DecisionOutcome.Granted, 60), (DecisionOutcome.Refused, 15), (DecisionOutcome.PartiallyGranted, 20), (DecisionOutcome.Inadmissible, 5)], true, true,
            [(ContactChannel.Counter, 25), (ContactChannel.Email, 20), (ContactChannel.Letter, 15), (ContactChannel.WebForm, 10), (null, 30)])),
        ["residents-parking-card"] = (35, new Profile(0.25, 0.1, 0, [], 0, 0.03,
            (0, 2), (3, 9), 0.12, 0.03, AppealKind.Objection,
            [(DecisionOutcome.Granted, 88), (DecisionOutcome.Refused, 12)], false, false,
            [(ContactChannel.Counter, 40), (ContactChannel.WebForm, 25), (ContactChannel.Email, 15), (null, 20)])),
        ["integration-income"] = (20, new Profile(0.6, 0.15, 0, [], 0, 0.05,
            (0, 3), (10, 19), 0.15, 0.08, AppealKind.Appeal,
            [(DecisionOutcome.Granted, 65), (DecisionOutcome.Refused, 35)], false, false,
            [(ContactChannel.Counter, 60), (ContactChannel.Email, 10), (ContactChannel.Letter, 10), (null, 20)])),
        ["municipal-tax-objection"] = (15, new Profile(0.2, 0.05, 0.5, ["hautrival/hautrival-secretariat"], 0.2, 0.06,
            (2, 10), (25, 80), 0.1, 0.1, AppealKind.Appeal,
            [(DecisionOutcome.Granted, 25), (DecisionOutcome.Refused, 50), (DecisionOutcome.PartiallyGranted, 15), (DecisionOutcome.Inadmissible, 10)], false, false,
            [(ContactChannel.Letter, 45), (ContactChannel.Email, 20), (ContactChannel.Counter, 5), (null, 30)])),
    };

    private static readonly string[] ReferralServices =
        ["famisud-family-allowances", "famisud-birth-allowance", "fpo-retirement-pension", "fpo-pension-estimate", "div-vehicle-registration", "wpa-class1-environmental-permit", "fps-personal-income-tax-return"];

    private static readonly (string Name, string Email)[] Architects =
        [("Atelier d'architecture Bastin", "atelier.bastin@example.org"), ("Bureau Mottet & Jadot", "contact@mottet-jadot.example.net"), ("Archi Condroz SRL", "projets@archicondroz.example.com")];

    private enum Reply { Answered, Routed, Referred, CallBack }

    private sealed record CasePlan(CaseType Type, Profile Profile, DemoCustomer Customer, string Language, string Subject, ContactChannel? Channel,
        DateTimeOffset ReceivedAt, DateTimeOffset RegisteredAt, DateTimeOffset? RoutedAt, DateTimeOffset OpenAt)
    {
        public string Number { get; set; } = "";
    }

    private sealed record ContactPlan(ContactChannel Channel, DemoCustomer Customer, bool Identified, CatalogueDirectory.OwnServiceEntry? Service,
        CatalogueDirectory.ServiceEntry? Referral, Reply Reply, DateTimeOffset ReceivedAt, DateTimeOffset RegisteredAt, string Language, string Subject);

    public async Task<DemoHistory> LoadAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        _now = time.GetUtcNow();
        var today = BrusselsTime.LocalDate(_now);
        var first = today.AddDays(-Days);

        var staff = await db.Set<StaffUser>().AsNoTracking().ToDictionaryAsync(u => u.Email, ct);
        var front = staff["frontoffice@guichet.demo"];
        _front = "staff:" + front.Id;
        _frontUnit = front.UnitId ?? Guid.Empty;
        _handlerId = staff["casehandler@guichet.demo"].Id;
        _handler = "staff:" + _handlerId;
        _manager = "staff:" + staff["manager@guichet.demo"].Id;

        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToDictionaryAsync(t => t.Code, ct);
        var services = (await catalogue.PublishedOwnServicesAsync(null, ct)).Where(s => s.OrganisationSlug == "hautrival" && s.UnitId is not null).ToList();
        var referrals = new List<CatalogueDirectory.ServiceEntry>();
        foreach (var slug in ReferralServices)
            if (await catalogue.PublishedServiceAsync(CatalogueDemoSeeder.StableId("service:" + slug), ct) is { } entry) referrals.Add(entry);
        _sender = (await catalogue.ProviderOfAsync(services[0].Id, ct))?.OrganisationName ?? _sender;

        var people = DemoPeople.Make(_random, 330, 30);
        var cases = PlanCases(types, people, first, today);
        var contacts = PlanContacts(services, referrals, people, first, today);

        // Numbers in the order the cases were opened, from the app's own counter (so the next case
        // opened for real takes the next number).
        foreach (var plan in cases.Where(p => p.OpenAt < _now).OrderBy(p => p.OpenAt))
            plan.Number = await CaseNumberCounter.NextAsync(db, BrusselsTime.LocalDate(plan.ReceivedAt).Year, ct);

        var stories = cases.Select(p => (p.ReceivedAt, Tell: (Action)(() => CaseStory(p))))
            .Concat(contacts.Select(p => (p.ReceivedAt, Tell: (Action)(() => ContactStory(p)))))
            .OrderBy(s => s.ReceivedAt).ToList();
        // Every record is new (Added): nothing for the change tracker to compare at each save.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < stories.Count; i++)
        {
            _last = DateTimeOffset.MinValue;
            stories[i].Tell();
            if ((i + 1) % StoriesPerSave == 0 || i == stories.Count - 1)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = detect;
        return new DemoHistory(_cases, _contacts, _events, _activities, time.GetElapsedTime(started));
    }

    // --- planning: who comes when, by which channel ------------------------------------------

    private List<CasePlan> PlanCases(Dictionary<string, CaseType> types, IReadOnlyList<DemoCustomer> people, DateOnly first, DateOnly today)
    {
        var plans = new List<CasePlan>();
        var kinds = Profiles.Where(p => types.ContainsKey(p.Key)).Select(p => (p.Key, p.Value.Weight)).ToArray();
        for (var i = 0; i < CasePlans; i++)
        {
            var code = Weighted(kinds);
            var type = types[code];
            var profile = Profiles[code].Profile;
            var channel = Weighted(profile.Channels);
            var companies = code is "building-permit" or "municipal-tax-objection";
            var needsEmail = channel is ContactChannel.Email or ContactChannel.WebForm;
            var customer = Customer(people, c => (companies || c.Kind == PartyKind.Person) && (!needsEmail || c.Email is not null));
            var language = customer.Language is "nl" or "de" ? customer.Language : "fr";
            var day = first.AddDays(_random.Next(0, Days + 1));
            DateTimeOffset received, registered, open;
            DateTimeOffset? routed = null;
            switch (channel)
            {
                case ContactChannel.Counter:
                    received = registered = Office(calendar.NextWorkingDayOnOrAfter(day));
                    open = OfficeLater(received, 0, 2);
                    break;
                case ContactChannel.Email or ContactChannel.WebForm:
                    received = AnyTime(day);
                    registered = received.AddMinutes(_random.Next(1, 6));
                    if (channel == ContactChannel.Email) routed = OfficeLater(registered, 0, 1);
                    open = OfficeLater(routed ?? registered, 0, 3);
                    break;
                case ContactChannel.Letter:
                    received = Morning(calendar.NextWorkingDayOnOrAfter(day));
                    registered = OfficeLater(received, 0, 2);
                    if (_random.NextDouble() < 0.5) routed = OfficeLater(registered, 0, 1);
                    open = OfficeLater(routed ?? registered, 0, 4);
                    break;
                default: // a paper file, typed in some days after it arrived: business time is the day received
                    received = registered = Morning(calendar.NextWorkingDayOnOrAfter(day));
                    open = OfficeLater(received, 1, 8);
                    break;
            }
            var subject = DemoWording.CaseSubject(_random, code, language, customer, BrusselsTime.LocalDate(received));
            plans.Add(new CasePlan(type, profile, customer, language, subject, channel, received, registered, routed, open));
        }
        return plans;
    }

    private List<ContactPlan> PlanContacts(List<CatalogueDirectory.OwnServiceEntry> services, List<CatalogueDirectory.ServiceEntry> referrals,
        IReadOnlyList<DemoCustomer> people, DateOnly first, DateOnly today)
    {
        var plans = new List<ContactPlan>();
        (ContactChannel, int)[] channels = [(ContactChannel.Counter, 30), (ContactChannel.Phone, 30), (ContactChannel.Email, 17), (ContactChannel.WebForm, 13), (ContactChannel.Letter, 10)];
        for (var i = 0; i < ContactPlans; i++)
        {
            var channel = Weighted(channels);
            var reply = channel switch
            {
                ContactChannel.Counter => Weighted<Reply>([(Reply.Answered, 70), (Reply.Routed, 12), (Reply.Referred, 10), (Reply.CallBack, 8)]),
                ContactChannel.Phone => Weighted<Reply>([(Reply.Answered, 55), (Reply.CallBack, 25), (Reply.Routed, 10), (Reply.Referred, 10)]),
                ContactChannel.Letter => Weighted<Reply>([(Reply.Answered, 45), (Reply.Routed, 45), (Reply.Referred, 10)]),
                _ => Weighted<Reply>([(Reply.Answered, 52), (Reply.Routed, 38), (Reply.Referred, 10)]),
            };
            var needsEmail = channel is ContactChannel.Email or ContactChannel.WebForm;
            var customer = Customer(people, c => !needsEmail || c.Email is not null);
            var identified = channel switch
            {
                ContactChannel.Counter => _random.NextDouble() < 0.75,
                ContactChannel.Phone => _random.NextDouble() < 0.5,
                ContactChannel.Letter => _random.NextDouble() < 0.6,
                _ => false, // the intake and the web form know an address, not a number
            };
            var day = first.AddDays(_random.Next(0, Days + 1));
            var received = channel switch
            {
                ContactChannel.Counter or ContactChannel.Phone => Office(calendar.NextWorkingDayOnOrAfter(day)),
                ContactChannel.Letter => Morning(calendar.NextWorkingDayOnOrAfter(day)),
                _ => AnyTime(day),
            };
            var registered = channel switch
            {
                ContactChannel.Letter => OfficeLater(received, 0, 2),
                ContactChannel.Email or ContactChannel.WebForm => received.AddMinutes(_random.Next(1, 6)),
                _ => received,
            };
            var language = customer.Language;
            // "Not ours": the front office does not know the service; the subject is the other body's.
            var referral = reply == Reply.Referred ? DemoPeople.Pick(_random, referrals) : null;
            var service = referral is null ? DemoPeople.Pick(_random, services) : null;
            var name = (referral?.Name ?? service!.Name).Resolve(language, "fr").Text;
            plans.Add(new ContactPlan(channel, customer, identified, service, referral, reply, received, registered, language, DemoWording.ContactSubject(_random, name, language)));
        }
        return plans;
    }

    // --- a contact that is answered, routed, referred or called back --------------------------

    private void ContactStory(ContactPlan p)
    {
        var serviceId = p.Service?.Id;
        var unitId = p.Service?.UnitId;
        // The intake does not know the service; the front office routes the mail.
        if (p.Channel == ContactChannel.Email && p.Reply != Reply.Answered) (serviceId, unitId) = (null, null);
        var contact = Receive(p.Channel, p.ReceivedAt, p.RegisteredAt, p.Customer, p.Identified, serviceId, unitId, p.Language, p.Subject);
        if (contact is null) return;
        var t = p.RegisteredAt;
        bool Next(DateTimeOffset when)
        {
            if (when >= _now) return false;
            t = when;
            return true;
        }
        var atOnce = p.Channel is ContactChannel.Counter or ContactChannel.Phone; // decided during the visit or the call
        var unit = p.Service?.UnitId ?? _frontUnit;
        switch (p.Reply)
        {
            case Reply.Answered:
                if (Next(atOnce ? t : OfficeLater(t, 0, p.Channel == ContactChannel.Letter ? 9 : 3))) Answer(contact, t, _front);
                break;
            case Reply.Referred:
                if (Next(atOnce ? t : OfficeLater(t, 0, 2))) Refer(contact, p.Referral!, t, _front);
                break;
            case Reply.CallBack:
                if (!Next(t)) break;
                PromiseCallBack(contact, unit, t, _front);
                // Mostly on time, sometimes late; a few are forgotten (overdue when recent).
                if (_random.NextDouble() < 0.08 || !Next(OfficeLater(t, 0, _random.NextDouble() < 0.8 ? 1 : 4))) break;
                CalledBack(contact, t, _handler);
                break;
            case Reply.Routed:
                if (!Next(atOnce ? t : OfficeLater(t, 0, 1))) break;
                Route(contact, unit, t, _front);
                if (_random.NextDouble() < 0.05 || !Next(OfficeLater(t, 1, _random.NextDouble() < 0.85 ? 5 : 12))) break;
                Answer(contact, t, _handler);
                break;
        }
    }

    /// A contact registered through its channel: the front office (counter, phone, letter), the
    /// mail intake (with its message and acknowledgement) or the web form (the same, and a link to
    /// follow it). Null when it is registered after now.
    private Contact? Receive(ContactChannel channel, DateTimeOffset receivedAt, DateTimeOffset registeredAt, DemoCustomer who, bool identified,
        Guid? serviceId, Guid? unitId, string language, string subject)
    {
        if (registeredAt >= _now) return null;
        var kind = !identified ? CustomerKind.Anonymous : who.Kind == PartyKind.Person ? CustomerKind.Person : CustomerKind.Company;
        var (actor, byUnit) = channel switch
        {
            ContactChannel.Email => ("system:mail-intake", (Guid?)null),
            ContactChannel.WebForm => ("customer", null),
            _ => (_front, _frontUnit),
        };
        var representation = channel == ContactChannel.Counter && _random.NextDouble() < 0.05
            ? new Representation(DemoPeople.Pick(_random, new[] { "Claire Renard", "Marc Halleux", "Nadia Benali" }), DemoPeople.Pick(_random, new[] { RepresentativeRole.Parent, RepresentativeRole.Other, RepresentativeRole.Guardian }))
            : null;
        var respondBy = calendar.AddWorkingDays(BrusselsTime.LocalDate(receivedAt), norms.Value.ResponseDaysFor(channel));
        var contact = new Contact(channel, receivedAt, kind, identified ? who.Number : null, who.Name,
            channel is ContactChannel.Email or ContactChannel.WebForm || _random.NextDouble() < 0.3 ? who.Email : null,
            channel is ContactChannel.Phone or ContactChannel.Counter ? who.Phone : null,
            channel == ContactChannel.Letter ? who.Address : null,
            representation, language, subject, serviceId, unitId, null, respondBy, actor, byUnit);
        db.Add(contact);
        _contacts++;
        var attributes = new Dictionary<string, object?>
        {
            ["channel"] = EnumCodes.Code(channel), ["service"] = serviceId, ["unit"] = unitId, ["respondBy"] = respondBy,
            ["representation"] = representation?.Role.ToString(), ["receivedOn"] = BrusselsTime.LocalDate(receivedAt),
        };
        var culture = Culture(language);
        if (channel == ContactChannel.Email)
        {
            var messageId = MailMessage.NewMessageId("example.org");
            attributes["messageId"] = messageId;
            db.Add(new ContactMessage(contact.Id, MessageDirection.In, messageId, who.Email, subject, DemoWording.Message(subject, language), registeredAt));
            Record(registeredAt, actor, WelcomeActivities.ContactReceived, ContactObjects(contact), attributes, receivedAt);
            var ackSubject = string.Format(culture, texts.Get(language, "mailintake.ack.subject"), subject);
            var ackBody = string.Format(culture, texts.Get(language, "mailintake.ack.body"), Date(respondBy, language));
            db.Add(new ContactMessage(contact.Id, MessageDirection.Out, MailMessage.NewMessageId("guichet.demo"), "noreply@guichet.invalid", ackSubject, ackBody, registeredAt));
            MailSent(registeredAt, who.Email!, who.Name, ackSubject, ackBody, "contact-acknowledgement", new EventLogObject("contact", contact.Id.ToString(), Role.Contact));
        }
        else if (channel == ContactChannel.WebForm)
        {
            attributes["attachments"] = 0;
            db.Add(new ContactMessage(contact.Id, MessageDirection.In, MailMessage.NewMessageId("web.guichet"), who.Email, subject, DemoWording.Message(subject, language), registeredAt));
            var token = ContactLink.Add(db, contact.Id, registeredAt);
            Record(registeredAt, actor, WelcomeActivities.ContactReceived, ContactObjects(contact), attributes, receivedAt);
            MailSent(registeredAt, who.Email!, who.Name,
                string.Format(culture, texts.Get(language, "contactform.mail.subject"), subject),
                string.Format(culture, texts.Get(language, "contactform.mail.body"), subject, Date(respondBy, language), urls.Absolute(ContactLink.PathFor(token))),
                "contact-acknowledgement", new EventLogObject("contact", contact.Id.ToString(), Role.Contact));
        }
        else Record(registeredAt, actor, WelcomeActivities.ContactReceived, ContactObjects(contact), attributes, receivedAt);
        return contact;
    }

    private int WorkingDaysSince(Contact c, DateTimeOffset at) => calendar.WorkingDaysBetween(BrusselsTime.LocalDate(c.ReceivedAt), BrusselsTime.LocalDate(at));

    private void Answer(Contact c, DateTimeOffset at, string actor)
    {
        c.Answer(at, WorkingDaysSince(c, at));
        Record(at, actor, WelcomeActivities.ContactAnswered, ContactObjects(c),
            new() { ["unit"] = c.UnitId, ["service"] = c.ServiceId, ["responseWorkingDays"] = c.ResponseWorkingDays });
    }

    private void Route(Contact c, Guid unit, DateTimeOffset at, string actor)
    {
        c.RouteTo(unit);
        Record(at, actor, WelcomeActivities.ContactRouted, ContactObjects(c),
            new() { ["unit"] = c.UnitId, ["service"] = c.ServiceId, ["responseWorkingDays"] = c.ResponseWorkingDays });
    }

    private void Refer(Contact c, CatalogueDirectory.ServiceEntry to, DateTimeOffset at, string actor)
    {
        c.Refer(to.Id, at, WorkingDaysSince(c, at));
        Record(at, actor, WelcomeActivities.ContactReferred, ContactObjects(c),
            new() { ["unit"] = c.UnitId, ["service"] = c.ServiceId, ["responseWorkingDays"] = c.ResponseWorkingDays, ["referredTo"] = to.Provider.OrganisationId });
        if (c.Email is not { } email) return;
        // The referral as ContactRegister mails it: the competent body and how to reach it.
        var language = c.Language;
        var fallback = to.Provider.PrimaryLanguage;
        var organisation = to.Provider.OrganisationName.Resolve(language, fallback).Text;
        var lines = new List<string> { string.Format(Culture(language), texts.Get(language, "contacts.referral.body"), c.Subject, to.Name.Resolve(language, fallback).Text, organisation), "" };
        foreach (var point in to.ContactPoints)
            lines.AddRange(new[] { "- " + point.Name.Resolve(language, fallback).Text, point.Address, point.Phone, point.Email, point.Url }.OfType<string>());
        MailSent(at, email, c.CustomerName, string.Format(Culture(language), texts.Get(language, "contacts.referral.subject"), organisation), string.Join("\n", lines),
            "referral", new EventLogObject("contact", c.Id.ToString(), Role.Contact));
    }

    private void PromiseCallBack(Contact c, Guid unit, DateTimeOffset at, string actor)
    {
        c.PromiseCallBack(unit, calendar.AddWorkingDays(BrusselsTime.LocalDate(at), norms.Value.CallBackWorkingDays));
        Record(at, actor, WelcomeActivities.CallBackPromised, ContactObjects(c), new() { ["unit"] = c.UnitId, ["service"] = c.ServiceId, ["callBackBy"] = c.CallBackBy });
    }

    private void CalledBack(Contact c, DateTimeOffset at, string actor)
    {
        var late = BrusselsTime.LocalDate(at) > c.CallBackBy;
        c.CalledBack(at, WorkingDaysSince(c, at));
        Record(at, actor, WelcomeActivities.CalledBack, ContactObjects(c), new() { ["late"] = late });
    }

    // --- a case file, from its contact (if any) to its decision and appeal ----------------------

    private void CaseStory(CasePlan p)
    {
        Contact? contact = null;
        if (p.Channel is { } channel)
        {
            var serviceId = channel == ContactChannel.Email ? (Guid?)null : p.Type.ServiceId;
            var unitId = channel == ContactChannel.Email ? (Guid?)null : p.Type.Content.UnitIds[0];
            var identified = channel is ContactChannel.Counter or ContactChannel.Letter;
            contact = Receive(channel, p.ReceivedAt, p.RegisteredAt, p.Customer, identified, serviceId, unitId, p.Language, p.Subject);
            if (contact is null) return;
            if (p.RoutedAt is { } routed)
            {
                if (routed >= _now) return;
                Route(contact, p.Type.Content.UnitIds[0], routed, _front);
            }
        }
        if (p.OpenAt >= _now) return; // still waiting in the unit's inbox

        var type = p.Type;
        var profile = p.Profile;
        var t = p.OpenAt;
        bool Next(DateTimeOffset when)
        {
            if (when >= _now) return false;
            t = when;
            return true;
        }
        DateOnly Day() => BrusselsTime.LocalDate(t);

        var receivedOn = BrusselsTime.LocalDate(p.ReceivedAt);
        var complete = type.Content.Clock.StartsAt == ClockStart.Receipt || _random.NextDouble() < 0.3;
        var who = p.Customer;
        var parties = new List<CaseParty> { new(PartyRole.Applicant, who.Kind, who.Name, who.Number, who.Email, who.Phone, who.Address) };
        if (profile.Architect && _random.NextDouble() < 0.5)
        {
            var (name, email) = DemoPeople.Pick(_random, Architects);
            parties.Add(new CaseParty(PartyRole.Representative, PartyKind.Company, name, null, email, null, null));
        }
        var c = new Case(NewGuid(), p.Number, type, type.Content.UnitIds[0], p.Language, p.Subject, receivedOn, complete, parties, t);
        void Touch() => c.Touch(type, Day(), calendar, t);
        Touch();
        db.Add(c);
        db.Add(new CasePartyNumber(c.Id, who.Number));
        _cases++;
        var statusToken = CaseStatusLink.Add(db, c.Id, t, links.Value);
        if (contact is not null)
        {
            contact.OpenedCase(c.Id, c.Number, t, WorkingDaysSince(contact, t));
            Record(t, _handler, WelcomeActivities.ContactCaseOpened, [.. ContactObjects(contact), new EventLogObject("case", c.Id.ToString(), Role.Case)],
                new() { ["case"] = c.Number, ["responseWorkingDays"] = contact.ResponseWorkingDays });
        }
        Record(t, _handler, DeliverActivities.CaseOpened,
            [.. CaseObjects(c), .. contact is null ? Array.Empty<EventLogObject>() : [new EventLogObject("contact", contact.Id.ToString(), Role.Contact)]],
            new()
            {
                ["number"] = c.Number, ["caseType"] = type.Code, ["caseTypeVersion"] = type.Version, ["status"] = c.Status, ["unit"] = c.UnitId,
                ["language"] = c.Language, ["receivedOn"] = receivedOn, ["dueOn"] = c.DueOn, ["contact"] = contact?.Id,
            },
            EventLog.OccurredOn(receivedOn, t));
        var culture = Culture(c.Language);
        if (who.Email is { } to)
            MailSent(t, to, who.Name, string.Format(culture, texts.Get(c.Language, "deliver.mail.ack.subject"), c.Number),
                string.Format(culture, texts.Get(c.Language, "deliver.mail.ack.body"), c.Number, c.Subject, urls.Absolute(StatusLinkOptions.PathFor(statusToken)), Sender(c.Language)),
                "case-acknowledgement", new EventLogObject("case", c.Id.ToString(), Role.Case));
        if (profile.Architect)
        {
            if (!Next(t.AddMinutes(_random.Next(3, 25)))) return;
            AddDocument(c, t, _handler, DocumentKind.Application, "application", "Formulaire de demande (annexe 4 du CoDT)");
        }
        if (profile.Assign)
        {
            if (!Next(OfficeLater(t, 0, 1))) return;
            Check(c.Assign(type, c.UnitId, _handlerId));
            Touch();
            Record(t, _handler, DeliverActivities.CaseAssigned, CaseObjects(c), new() { ["unit"] = c.UnitId, ["handler"] = _handlerId, ["dueOn"] = c.DueOn });
        }

        void Move(string status)
        {
            var from = c.Status;
            Check(c.MoveTo(type, status, t));
            Touch();
            Record(t, _handler, DeliverActivities.StatusChanged, CaseObjects(c), new() { ["from"] = from, ["to"] = status, ["closed"] = c.IsClosed, ["dueOn"] = c.DueOn });
        }

        var stall = _random.NextDouble() < profile.Stall ? 2.5 : 1.0;
        if (!Next(OfficeLater(t, profile.Review.Min, Scale(profile.Review.Max, stall)))) return;
        Move("in-review");
        if (_random.NextDouble() < profile.Withdrawal)
        {
            if (Next(OfficeLater(t, 2, 12))) Move("closed-withdrawn");
            return;
        }

        // Asking the customer; an answer that does not do is asked again (rework).
        bool AskAndAnswer(string what, string file)
        {
            if (!Next(OfficeLater(t, 0, 3))) return false;
            var request = new CustomerRequest(c.Id, what, Day().AddDays(15), t, _handler);
            db.Add(request);
            var suspended = !c.IsSuspended && c.Suspend(type, MissingDocument, Day()) is null;
            Touch();
            var part = new EventLogObject("customer-request", request.Id.ToString(), Role.Part);
            Record(t, _handler, DeliverActivities.RequestAsked, [.. CaseObjects(c), part], new() { ["dueOn"] = request.DueOn });
            if (suspended)
                Record(t, _handler, DeliverActivities.CaseSuspended, CaseObjects(c),
                    new() { ["reason"] = MissingDocument, ["on"] = Day(), ["request"] = request.Id, ["dueOn"] = c.DueOn });
            var link = CaseStatusLink.Add(db, c.Id, t, links.Value);
            if (who.Email is { } email)
                MailSent(t, email, who.Name, string.Format(culture, texts.Get(c.Language, "deliver.mail.request.subject"), c.Number),
                    string.Format(culture, texts.Get(c.Language, "deliver.mail.request.body"), c.Number, what, Date(request.DueOn, c.Language), urls.Absolute(StatusLinkOptions.PathFor(link)), Sender(c.Language)),
                    "customer-request", new EventLogObject("case", c.Id.ToString(), Role.Case), part);
            else if (Next(t.AddMinutes(_random.Next(2, 15))))
                Record(t, _handler, DeliverActivities.RequestLetterPrinted, [.. CaseObjects(c), part]);
            // A few customers never answer: the request stays open and the clock stopped.
            if (_random.NextDouble() < 0.06 || !Next(CustomerLater(t, 2, Scale(18, stall)))) return false;
            var document = AddDocument(c, t, "customer", DocumentKind.Evidence, "evidence", file);
            request.Answer(document.Id, t);
            var resumed = c.Suspensions.Any(s => s.Until is null && s.Reason == MissingDocument) && c.Resume(Day()) is null;
            Touch();
            Record(t, "customer", DeliverActivities.RequestAnswered, [.. CaseObjects(c), part, new EventLogObject("document", document.Id.ToString(), Role.Part)],
                new() { ["document"] = document.Id });
            if (resumed)
                Record(t, "customer", DeliverActivities.CaseResumed, CaseObjects(c), new() { ["on"] = Day(), ["request"] = request.Id, ["dueOn"] = c.DueOn });
            return true;
        }

        if (!complete || _random.NextDouble() < profile.Requests)
        {
            var what = DemoWording.Request(_random, type.Code, c.Language);
            if (!AskAndAnswer(what, what)) return;
            if (_random.NextDouble() < profile.Rework && !AskAndAnswer(DemoWording.AskedAgain(what, c.Language), what)) return;
        }
        if (!complete)
        {
            if (!Next(OfficeLater(t, 0, 2))) return;
            Check(c.MarkComplete(Day()));
            Touch();
            Record(t, _handler, DeliverActivities.CaseCompleted, CaseObjects(c), new() { ["on"] = Day(), ["dueOn"] = c.DueOn }, EventLog.OccurredOn(Day(), t));
        }

        if (_random.NextDouble() < profile.Advice)
        {
            if (!Next(OfficeLater(t, 0, 4))) return;
            var asked = CatalogueDemoSeeder.StableId("unit:" + DemoPeople.Pick(_random, profile.AdviceUnits));
            var days = adviceOptions.Value.WorkingDaysFor(c.UnitId, asked);
            var advice = new AdviceRequest(c.Id, c.Number, c.UnitId, asked, DemoWording.AdviceQuestion(type.Code), Day(), calendar.AddWorkingDays(Day(), days), t, _handler);
            db.Add(advice);
            var askedUnit = new EventLogObject("unit", asked.ToString(), Role.AskedUnit);
            Record(t, _handler, DeliverActivities.AdviceRequested, [.. CaseObjects(c), askedUnit], new() { ["advice"] = advice.Id, ["dueOn"] = advice.DueOn, ["workingDays"] = days });
            var late = _random.NextDouble() < 0.25 * stall;
            if (!Next(late ? OfficeLater(Office(advice.DueOn), 1, 8) : OfficeLater(t, 1, days))) return;
            advice.Give(DemoPeople.Pick(_random, DemoWording.AdviceAnswers), Day(), t, _manager);
            Record(t, _manager, DeliverActivities.AdviceGiven, [new EventLogObject("case", c.Id.ToString(), Role.Subject), askedUnit],
                new() { ["advice"] = advice.Id, ["dueOn"] = advice.DueOn, ["kept"] = advice.Kept(Day()) });
        }

        if (_random.NextDouble() < 0.15)
        {
            if (!Next(OfficeLater(t, 0, 3))) return;
            db.Add(new CaseNote(c.Id, _handler, DemoPeople.Pick(_random, DemoWording.Notes), t));
            Record(t, _handler, DeliverActivities.NoteAdded, CaseObjects(c));
        }

        if (type.Content.ExtensionDays is { } extension && _random.NextDouble() < profile.Extension * stall)
        {
            if (!Next(OfficeLater(t, 1, 5))) return;
            var reason = DemoWording.ExtensionReason(c.Language);
            Check(c.Extend(type, reason, t));
            Touch();
            Record(t, _handler, DeliverActivities.CaseExtended, CaseObjects(c), new() { ["days"] = extension, ["reason"] = reason, ["dueOn"] = c.DueOn });
        }

        // The decision comes some working days after the clock started (later for a stalled case).
        var clockStart = Office(calendar.NextWorkingDayOnOrAfter(c.CompleteOn ?? c.ReceivedOn));
        var ready = OfficeLater(clockStart, Scale(profile.Decision.Min, stall), Scale(profile.Decision.Max, stall));
        if (!Next(ready > t ? ready : OfficeLater(t, 1, 3))) return;
        Move("awaiting-decision");
        if (!Next(OfficeLater(t, 1, 4))) return;

        var outcome = Weighted(profile.Outcomes.Where(o => type.Content.Outcomes.Contains(o.Outcome)).ToArray());
        var byEmail = who.Email is not null && _random.NextDouble() < 0.85;
        var sentOn = Day();
        var notifiedOn = byEmail ? sentOn : calendar.AddWorkingDays(sentOn, PostalDelayWorkingDays);
        var appeal = new AppealBlock(type.Content.Appeal.Body[c.Language] ?? "", type.Content.Appeal.Form[c.Language] ?? "", type.Content.Appeal.DeadlineDays, type.Content.Appeal.Address[c.Language] ?? "");
        var deadline = calendar.NextWorkingDayOnOrAfter(notifiedOn.AddDays(appeal.DeadlineDays));
        var decision = new Decision(c.Id, outcome, DemoWording.FactualGrounds(outcome, c.Language), DemoWording.LegalGrounds(type, c.Language), appeal, c.Language,
            byEmail ? NotificationChannel.Email : NotificationChannel.Post, sentOn, notifiedOn, deadline, t, _manager);
        db.Add(decision);
        var before = c.Status;
        var decided = type.Content.Statuses.First(s => s.Decision && type.AllowsMove(before, s.Code));
        Check(c.MoveTo(type, decided.Code, t, byDecision: true));
        Touch();
        Record(t, _manager, DeliverActivities.DecisionIssued, CaseObjects(c), new()
        {
            ["outcome"] = EnumCodes.Code(outcome), ["channel"] = EnumCodes.Code(decision.Channel), ["notifiedOn"] = notifiedOn, ["appealDeadline"] = deadline,
            ["from"] = before, ["to"] = decided.Code,
        });
        if (byEmail)
        {
            var (message, sentAt) = Mail(t, who.Email!, who.Name, string.Format(culture, texts.Get(c.Language, "deliver.letter.mail.subject"), c.Number),
                string.Format(culture, texts.Get(c.Language, "deliver.letter.mail.body"), c.Number, c.Subject, Date(deadline, c.Language), Sender(c.Language)));
            Record(sentAt, "system:outbox", DeliverActivities.DecisionNotified,
                [new EventLogObject("case", c.Id.ToString(), Role.Subject), new EventLogObject("unit", c.UnitId.ToString(), Role.Unit), new EventLogObject("outbox-message", message.Id.ToString(), Role.Message)],
                new() { ["channel"] = "email", ["notifiedOn"] = notifiedOn });
        }
        else
            Record(t, _manager, DeliverActivities.DecisionNotified, CaseObjects(c), new() { ["channel"] = "post", ["notifiedOn"] = notifiedOn },
                BrusselsTime.ToInstant(notifiedOn, TimeOnly.MinValue));

        var appealShare = profile.Appeal * outcome switch { DecisionOutcome.Refused => 3, DecisionOutcome.Granted => 0.3, _ => 1.5 };
        if (_random.NextDouble() < appealShare)
        {
            var lodgedOn = _random.NextDouble() < 0.85 ? notifiedOn.AddDays(_random.Next(3, appeal.DeadlineDays)) : deadline.AddDays(_random.Next(1, 10));
            // Registered when the appellant's copy reaches the municipality.
            if (!Next(OfficeLater(BrusselsTime.ToInstant(lodgedOn, new TimeOnly(9, 0)), 1, 5))) return;
            var reference = _random.NextDouble() < 0.5 ? string.Create(CultureInfo.InvariantCulture, $"R/{lodgedOn.Year}/{_random.Next(100, 999)}") : null;
            var lodged = new LodgedAppeal(decision, profile.AppealKind, lodgedOn, appeal.Body, reference, DemoWording.AppealSummary(c.Language), t, _manager);
            db.Add(lodged);
            Record(t, _manager, DeliverActivities.AppealLodged, CaseObjects(c), new() { ["kind"] = EnumCodes.Code(profile.AppealKind), ["lodgedOn"] = lodgedOn, ["late"] = lodged.Late });
        }
    }

    private CaseDocument AddDocument(Case c, DateTimeOffset at, string actor, DocumentKind kind, string kindCode, string title)
    {
        if (!_pdfs.TryGetValue(title, out var bytes)) _pdfs[title] = bytes = DemoWording.Pdf(title);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (_contents.Add(sha)) db.Add(new CaseDocumentContent(sha, bytes));
        var document = new CaseDocument(c.Id, kind, FileTypes.SafeName(title, FileTypes.Pdf), FileTypes.Pdf, bytes.Length, sha, actor, at);
        db.Add(document);
        Record(at, actor, DeliverActivities.DocumentAdded, [.. CaseObjects(c), new EventLogObject("document", document.Id.ToString(), Role.Part)],
            new() { ["kind"] = kindCode, ["mediaType"] = document.MediaType, ["size"] = bytes.Length, ["sha256"] = sha });
        return document;
    }

    // --- the journal and the outbox ---------------------------------------------------------------

    /// One journal entry; within a story the entries keep the order they were told in (an entry
    /// recorded in the same instant as the one before comes a tick later, as in a real transaction).
    private void Record(DateTimeOffset at, string actor, Activity activity, IEnumerable<EventLogObject> objects,
        Dictionary<string, object?>? attributes = null, DateTimeOffset? occurredAt = null)
    {
        if (at <= _last) at = _last.AddTicks(10);
        _last = at;
        db.Add(new EventLogEntry(at, occurredAt ?? at, actor, activity, objects, attributes));
        _activities[activity.Code] = _activities.GetValueOrDefault(activity.Code) + 1;
        _events++;
    }

    /// A mail queued at <paramref name="queuedAt"/> and accepted by the mail server seconds later.
    private (OutboxMessage Message, DateTimeOffset SentAt) Mail(DateTimeOffset queuedAt, string to, string? name, string subject, string body)
    {
        var mail = new MailMessage { To = [new MailAddress(to, name)], Subject = subject, TextBody = body };
        var message = new OutboxMessage(MailOutbox.Kind, JsonSerializer.Serialize(mail, JsonColumn.Options), mail.Describe(), queuedAt);
        var sentAt = queuedAt.AddSeconds(_random.Next(2, 20));
        if (sentAt >= _now) sentAt = queuedAt + (_now - queuedAt) / 2;
        message.MarkSent(sentAt);
        db.Add(message);
        return (message, sentAt);
    }

    private void MailSent(DateTimeOffset queuedAt, string to, string? name, string subject, string body, string purpose, params EventLogObject[] about)
    {
        var (message, sentAt) = Mail(queuedAt, to, name, subject, body);
        Record(sentAt, "system:outbox", PlatformActivities.MailSent, [.. about, new EventLogObject("outbox-message", message.Id.ToString(), Role.Message)],
            new() { ["purpose"] = purpose, ["attempts"] = message.Attempts });
    }

    /// The case in the journal, as the case use cases name it: itself, its unit, its customers (pseudonyms).
    private EventLogObject[] CaseObjects(Case c) =>
        [new EventLogObject("case", c.Id.ToString(), Role.Subject), new EventLogObject("unit", c.UnitId.ToString(), Role.Unit),
            .. c.Parties.Select(p => p.Number).OfType<string>().Distinct().Select(eventLog.Customer)];

    /// The contact in the journal, as the register names it.
    private EventLogObject[] ContactObjects(Contact c)
    {
        var objects = new List<EventLogObject> { new("contact", c.Id.ToString(), Role.Subject) };
        if (c.CustomerNumber is { } n) objects.Add(eventLog.Customer(n));
        if (c.UnitId is { } u) objects.Add(new("unit", u.ToString(), Role.Unit));
        if (c.ServiceId is { } s) objects.Add(new("service", s.ToString(), Role.Service));
        return [.. objects];
    }

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null) throw new InvalidOperationException("The demo history broke a rule of the case: " + refusal.Code);
    }

    // --- time, chance and words ---------------------------------------------------------------

    private DateTimeOffset At(DateOnly day, int fromMinute, int toMinute) =>
        BrusselsTime.ToInstant(day, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(_random.Next(fromMinute, toMinute))));

    /// A moment of office hours on that day.
    private DateTimeOffset Office(DateOnly day) => At(day, 8 * 60 + 30, 16 * 60 + 30);

    /// When the post arrives.
    private DateTimeOffset Morning(DateOnly day) => At(day, 8 * 60, 10 * 60);

    /// When people write: any day, mostly not at night.
    private DateTimeOffset AnyTime(DateOnly day) => At(day, 6 * 60, 23 * 60);

    /// A moment of office hours 0 to n working days after <paramref name="from"/> (0: later the
    /// same working day when there is time left, else the next one).
    private DateTimeOffset OfficeLater(DateTimeOffset from, int minDays, int maxDays)
    {
        var n = _random.Next(minDays, Math.Max(minDays, maxDays) + 1);
        var day = BrusselsTime.LocalDate(from);
        if (n == 0 && calendar.IsWorkingDay(day))
        {
            var later = from.AddMinutes(_random.Next(10, 150));
            if (BrusselsTime.LocalDate(later) == day && BrusselsTime.ToLocal(later).TimeOfDay <= new TimeSpan(17, 0, 0)) return later;
            n = 1;
        }
        var at = Office(n == 0 ? calendar.NextWorkingDayOnOrAfter(day) : calendar.AddWorkingDays(day, n));
        return at > from ? at : from.AddMinutes(_random.Next(10, 60));
    }

    /// When a customer answers: some days later, any day, in the morning or the evening.
    private DateTimeOffset CustomerLater(DateTimeOffset from, int minDays, int maxDays)
    {
        var at = At(BrusselsTime.LocalDate(from).AddDays(_random.Next(minDays, maxDays + 1)), 7 * 60, 22 * 60);
        return at > from ? at : from.AddHours(2);
    }

    private static int Scale(int days, double factor) => (int)Math.Round(days * factor);

    private T Weighted<T>(IReadOnlyList<(T Item, int Weight)> choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (item, weight) in choices)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        return choices[^1].Item;
    }

    private DemoCustomer Customer(IReadOnlyList<DemoCustomer> people, Func<DemoCustomer, bool> fits)
    {
        while (true)
        {
            var c = people[_random.Next(people.Count)];
            if (fits(c)) return c;
        }
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as Guid.NewGuid makes them
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private string Sender(string language) => _sender.Resolve(language, "fr").Text;

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Languages.CultureName(language));

    private static string Date(DateOnly d, string language) => d.ToString("d MMMM yyyy", Culture(language));
}

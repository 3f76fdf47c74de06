using Guichet.Orient.Catalogue;
using Guichet.Platform.Identifiers;
using Guichet.Platform.Mail;

namespace Guichet.Welcome.Contacts;

internal sealed record RegisterContactRequest(
    string? Channel, DateTimeOffset? ReceivedAt, string? CustomerKind, string? CustomerNumber, string? CustomerName, string? Email, string? Phone, string? Address,
    RepresentationRequest? OnBehalfOf, string? Language, string? Subject, Guid? ServiceId, Guid? UnitId, string? Notes);

internal sealed record RepresentationRequest(string? Name, string? Role);

/// What became of a contact: answered, routed (unitId), referred (serviceId of another body,
/// sent by e-mail when the customer has an address), or a call-back promised (unitId).
internal sealed record OutcomeRequest(string? Outcome, Guid? UnitId, Guid? ServiceId, string? Notes);

/// The register's stable refusals, the same through the API and the pages.
internal static class ContactRefusals
{
    public static readonly Refusal Closed = new(409, "contact-closed", "This contact has already been answered, referred or given a call-back.");
    public static readonly Refusal NoCallBackPromised = new(409, "no-call-back-promised", "No call-back is promised on this contact.");
}

/// The use cases of the contact register: each validates, then changes the contact, records the
/// event and puts any mail in the outbox, in one SaveChanges.
internal sealed class ContactRegister(GuichetDb db, EventLog eventLog, CatalogueDirectory catalogue, WorkingCalendar calendar, TimeProvider time,
    IOptions<ContactNorms> norms, Platform.Outbox.Outbox outbox, Texts texts)
{
    private DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    /// Registers a contact: the one intake of every channel (counter, phone, letter, e-mail, web
    /// form, Open311). With <paramref name="outcome"/>, also what came of it there and then (a phone
    /// call answered or routed during the call): both are checked first and saved together, the
    /// outcome's problems named "outcome.*". <paramref name="alsoWrong"/>: problems the caller found
    /// in its own fields (a page's file, a date), reported with these; nothing is stored then.
    /// <paramref name="alongWith"/>: the channel's own records of the contact (its message, files,
    /// tracking link, acknowledgement), added to the same transaction. <paramref name="actor"/>: who
    /// registers it when it is not a signed-in user ("customer" for the web form, the intake's name);
    /// <paramref name="attributes"/>: what the channel adds to the journal event.
    public async Task<Result<Contact>> RegisterAsync(ClaimsPrincipal user, RegisterContactRequest r, CancellationToken ct,
        Action<Contact>? alongWith = null, OutcomeRequest? outcome = null, IEnumerable<InvalidParam>? alsoWrong = null,
        string? actor = null, IReadOnlyDictionary<string, object?>? attributes = null)
    {
        actor ??= EventLog.ActorOf(user);
        var errors = new List<InvalidParam>();
        var channel = EnumCodes.Read<ContactChannel>(r.Channel, "channel", errors);
        var kind = EnumCodes.Read<CustomerKind>(r.CustomerKind ?? "anonymous", "customerKind", errors);
        string? number = null;
        if (!string.IsNullOrWhiteSpace(r.CustomerNumber))
        {
            if (kind == CustomerKind.Person)
                number = NationalNumber.TryParse(r.CustomerNumber, out var n, out var e) ? n.Digits : Error(errors, "customerNumber", e!, "Not a valid Belgian national number.");
            else if (kind == CustomerKind.Company)
                number = EnterpriseNumber.TryParse(r.CustomerNumber, out var n, out var e) ? n.Digits : Error(errors, "customerNumber", e!, "Not a valid Belgian enterprise number.");
            else errors.Add(new("customerNumber", "anonymous-has-no-number", "An anonymous customer has no number."));
        }
        if (kind == CustomerKind.Company && string.IsNullOrWhiteSpace(r.CustomerName) && number is null)
            errors.Add(new("customerName", "required", "The company's name or enterprise number."));
        Text(r.CustomerName, "customerName", 200, errors);
        Text(r.Phone, "phone", 50, errors);
        Text(r.Address, "address", 500, errors);
        if (r.Email is { Length: > 0 } email && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
            errors.Add(new("email", "invalid-email", "Not an e-mail address."));
        Representation? onBehalfOf = null;
        if (r.OnBehalfOf is { } rep)
        {
            var role = EnumCodes.Read<RepresentativeRole>(rep.Role, "onBehalfOf.role", errors);
            if (string.IsNullOrWhiteSpace(rep.Name)) errors.Add(new("onBehalfOf.name", "required", "Who acts for the customer."));
            else Text(rep.Name, "onBehalfOf.name", 200, errors);
            if (role is { } ro && !string.IsNullOrWhiteSpace(rep.Name)) onBehalfOf = new Representation(rep.Name.Trim(), ro);
        }
        var language = r.Language ?? "fr";
        if (!Languages.IsSupported(language)) errors.Add(new("language", "unknown-language", "Use fr, nl, de or en."));
        if (string.IsNullOrWhiteSpace(r.Subject)) errors.Add(new("subject", "required", "What the contact is about."));
        else Text(r.Subject, "subject", Contact.MaxSubject, errors);
        Text(r.Notes, "notes", Contact.MaxNotes, errors);
        var now = time.GetUtcNow();
        var receivedAt = (r.ReceivedAt ?? now).ToUniversalTime(); // instants are stored in UTC (PostgreSQL accepts nothing else)
        if (receivedAt > now.AddMinutes(5)) errors.Add(new("receivedAt", "date-in-future", "A contact cannot be received in the future."));
        Guid? unitId = r.UnitId;
        if (r.ServiceId is { } serviceId)
        {
            var service = await catalogue.PublishedServiceAsync(serviceId, ct);
            if (service is null) errors.Add(new("serviceId", "unknown-service", "No published service of the catalogue has this id."));
            else unitId ??= service.External ? null : service.UnitId;
        }
        if (r.UnitId is { } u && await catalogue.UnitAsync(u, ct) is null) errors.Add(new("unitId", "unknown-id", "No unit has this id."));
        var (decided, referral) = outcome is null ? (null, null) : await CheckOutcomeAsync(outcome, "outcome.", errors, ct);
        if (alsoWrong is not null) errors.AddRange(alsoWrong);
        if (errors.Count > 0) return Result<Contact>.Invalid(errors);

        var received = BrusselsTime.LocalDate(receivedAt);
        var respondBy = calendar.AddWorkingDays(received, norms.Value.ResponseDaysFor(channel!.Value));
        var contact = new Contact(channel.Value, receivedAt, kind!.Value, number, Trim(r.CustomerName), Trim(r.Email), Trim(r.Phone), Trim(r.Address), onBehalfOf,
            language, r.Subject!.Trim(), r.ServiceId, unitId, Trim(r.Notes), respondBy, actor, StaffClaims.UnitOf(user));
        db.Add(contact);
        alongWith?.Invoke(contact); // a channel's own record of the contact (Open311), saved in the same transaction
        var recorded = new Dictionary<string, object?>
        {
            ["channel"] = EnumCodes.Code(channel.Value), ["service"] = r.ServiceId, ["unit"] = unitId, ["respondBy"] = respondBy, ["representation"] = onBehalfOf is { } acting ? EnumCodes.Code(acting.Role) : null,
            ["receivedOn"] = received,
        };
        foreach (var (key, value) in attributes ?? new Dictionary<string, object?>()) recorded[key] = value;
        eventLog.Record(actor, WelcomeActivities.ContactReceived, Objects(contact, eventLog), recorded, occurredAt: receivedAt);
        if (decided is { } o) ApplyOutcome(user, contact, o, outcome!.UnitId, referral);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<Result<Contact>> DecideAsync(ClaimsPrincipal user, Guid id, OutcomeRequest r, CancellationToken ct)
    {
        var contact = await ContactScope.FindAsync(db, user, id, ct, tracked: true);
        if (contact is null) return Result<Contact>.NotFound("The contact");
        var errors = new List<InvalidParam>();
        var (outcome, referral) = await CheckOutcomeAsync(r, "", errors, ct);
        if (errors.Count > 0) return Result<Contact>.Invalid(errors);
        if (!contact.IsOpen) return Result<Contact>.Refused(ContactRefusals.Closed);
        ApplyOutcome(user, contact, outcome!.Value, r.UnitId, referral);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private async Task<(ContactOutcome? Outcome, CatalogueDirectory.ServiceEntry? Referral)> CheckOutcomeAsync(OutcomeRequest r, string prefix, List<InvalidParam> errors, CancellationToken ct)
    {
        var outcome = EnumCodes.Read<ContactOutcome>(r.Outcome, prefix + "outcome", errors);
        if (outcome == ContactOutcome.Open) errors.Add(new(prefix + "outcome", "unknown-code", "Use answered, routed, referred or callBackPromised."));
        if (outcome == ContactOutcome.CaseOpened) errors.Add(new(prefix + "outcome", "case-opened-by-a-case", "A contact becomes caseOpened when a case is opened from it (POST /api/v1/cases with contactId)."));
        Text(r.Notes, prefix + "notes", Contact.MaxNotes, errors);
        if (outcome is ContactOutcome.Routed or ContactOutcome.CallBackPromised)
        {
            if (r.UnitId is not { } unit) errors.Add(new(prefix + "unitId", "required", "The unit that takes it over."));
            else if (await catalogue.UnitAsync(unit, ct) is null) errors.Add(new(prefix + "unitId", "unknown-id", "No unit has this id."));
        }
        CatalogueDirectory.ServiceEntry? referral = null;
        if (outcome == ContactOutcome.Referred)
        {
            if (r.ServiceId is not { } service) errors.Add(new(prefix + "serviceId", "required", "The service of the competent body."));
            else if ((referral = await catalogue.PublishedServiceAsync(service, ct)) is null) errors.Add(new(prefix + "serviceId", "unknown-service", "No published service of the catalogue has this id."));
        }
        return (outcome, referral);
    }

    private void ApplyOutcome(ClaimsPrincipal user, Contact contact, ContactOutcome outcome, Guid? unitId, CatalogueDirectory.ServiceEntry? referral)
    {
        var now = time.GetUtcNow();
        var workingDays = calendar.WorkingDaysBetween(BrusselsTime.LocalDate(contact.ReceivedAt), Today);
        switch (outcome)
        {
            case ContactOutcome.Answered: contact.Answer(now, workingDays); break;
            case ContactOutcome.Routed: contact.RouteTo(unitId!.Value); break;
            case ContactOutcome.CallBackPromised: contact.PromiseCallBack(unitId!.Value, calendar.AddWorkingDays(Today, norms.Value.CallBackWorkingDays)); break;
            case ContactOutcome.Referred:
                contact.Refer(referral!.Id, now, workingDays);
                if (contact.Email is { } to) outbox.EnqueueMail(ReferralMail(contact, referral, to), PendingEvent.MailSent("referral", new EventLogObject("contact", contact.Id.ToString(), Role.Contact)));
                break;
        }
        var activity = outcome switch
        {
            ContactOutcome.Answered => WelcomeActivities.ContactAnswered,
            ContactOutcome.Routed => WelcomeActivities.ContactRouted,
            ContactOutcome.CallBackPromised => WelcomeActivities.CallBackPromised,
            ContactOutcome.Referred => WelcomeActivities.ContactReferred,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
        var attributes = new Dictionary<string, object?> { ["unit"] = contact.UnitId, ["service"] = contact.ServiceId };
        switch (outcome)
        {
            case ContactOutcome.CallBackPromised: attributes["callBackBy"] = contact.CallBackBy; break;
            case ContactOutcome.Referred: attributes["referredTo"] = referral!.Provider.OrganisationId; attributes["responseWorkingDays"] = contact.ResponseWorkingDays; break;
            default: attributes["responseWorkingDays"] = contact.ResponseWorkingDays; break;
        }
        eventLog.Record(user, activity, Objects(contact, eventLog), attributes);
    }

    public async Task<Result<Contact>> CalledBackAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var contact = await ContactScope.FindAsync(db, user, id, ct, tracked: true);
        if (contact is null) return Result<Contact>.NotFound("The contact");
        if (contact.Outcome != ContactOutcome.CallBackPromised) return Result<Contact>.Refused(ContactRefusals.NoCallBackPromised);
        contact.CalledBack(time.GetUtcNow(), calendar.WorkingDaysBetween(BrusselsTime.LocalDate(contact.ReceivedAt), Today));
        eventLog.Record(user, WelcomeActivities.CalledBack, Objects(contact, eventLog), new Dictionary<string, object?> { ["late"] = Today > contact.CallBackBy });
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// A contact the user may see, or null. Reading it is a view of personal data: recorded.
    public async Task<Contact?> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var contact = await ContactScope.FindAsync(db, user, id, ct);
        if (contact is null) return null;
        eventLog.Record(user, WelcomeActivities.ContactViewed, Objects(contact, eventLog));
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// Every contact of a person or company (the digits of a national or enterprise number) the
    /// user may see, across channels, newest first. The view is recorded under the customer's pseudonym.
    public async Task<List<Contact>> HistoryAsync(ClaimsPrincipal user, string digits, CancellationToken ct)
    {
        var list = await ContactScope.Of(user).Apply(db.Set<Contact>().AsNoTracking()).Where(c => c.CustomerNumber == digits)
            .OrderByDescending(c => c.ReceivedAt).Take(500).ToListAsync(ct);
        eventLog.Record(user, WelcomeActivities.CustomerHistoryViewed, [eventLog.Customer(digits)], new Dictionary<string, object?> { ["contacts"] = list.Count });
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// A unit's inbox: the contacts the user may see, newest first; open (and routed) ones only, of
    /// a unit, of a channel, when asked.
    public Task<List<Contact>> InboxAsync(ClaimsPrincipal user, Guid? unit, bool openOnly, ContactChannel? channel, int limit, CancellationToken ct)
    {
        var query = ContactScope.Of(user).Apply(db.Set<Contact>().AsNoTracking());
        if (unit is { } u) query = query.Where(c => c.UnitId == u);
        if (openOnly) query = query.Where(c => c.Outcome == ContactOutcome.Open || c.Outcome == ContactOutcome.Routed);
        if (channel is { } k) query = query.Where(c => c.Channel == k);
        return query.OrderByDescending(c => c.ReceivedAt).Take(limit).ToListAsync(ct);
    }

    /// The promised call-backs not yet made that the user may see, by due date; the late ones only when asked.
    public Task<List<Contact>> CallBacksAsync(ClaimsPrincipal user, bool overdueOnly, CancellationToken ct)
    {
        var today = Today;
        var query = ContactScope.Of(user).Apply(db.Set<Contact>().AsNoTracking()).Where(c => c.Outcome == ContactOutcome.CallBackPromised && c.CalledBackAt == null);
        if (overdueOnly) query = query.Where(c => c.CallBackBy < today);
        return query.OrderBy(c => c.CallBackBy).Take(500).ToListAsync(ct);
    }

    /// The printable referral of a referred contact the user may see (API and staff page alike), or null.
    public async Task<string?> ReferralHtmlAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var contact = await ContactScope.FindAsync(db, user, id, ct);
        if (contact is null || contact.Outcome != ContactOutcome.Referred || contact.ServiceId is not { } serviceId) return null;
        var service = await catalogue.PublishedServiceAsync(serviceId, ct);
        if (service is null) return null;
        var text = ReferralText(contact.Language, contact.Subject, service);
        var organisation = service.Provider.OrganisationName.Resolve(contact.Language, service.Provider.PrimaryLanguage).Text;
        return PrintableHtml.Page(contact.Language, contact.Subject,
            $"<h1>{PrintableHtml.Encoder.Encode(organisation)}</h1><p>{PrintableHtml.Encoder.Encode(text)}</p>");
    }

    /// "Not ours": the competent body and how to reach it, in the customer's language.
    public MailMessage ReferralMail(Contact c, CatalogueDirectory.ServiceEntry s, string to) => new()
    {
        To = [new MailAddress(to, c.CustomerName)],
        Subject = string.Format(Culture(c.Language), texts.Get(c.Language, "contacts.referral.subject"), s.Provider.OrganisationName.Resolve(c.Language, s.Provider.PrimaryLanguage).Text),
        TextBody = ReferralText(c.Language, c.Subject, s),
    };

    public string ReferralText(string language, string subject, CatalogueDirectory.ServiceEntry s)
    {
        var lines = new List<string>
        {
            string.Format(Culture(language), texts.Get(language, "contacts.referral.body"), subject,
                s.Name.Resolve(language, s.Provider.PrimaryLanguage).Text, s.Provider.OrganisationName.Resolve(language, s.Provider.PrimaryLanguage).Text),
            "",
        };
        foreach (var p in s.ContactPoints)
        {
            lines.Add("- " + p.Name.Resolve(language, s.Provider.PrimaryLanguage).Text);
            if (p.Address is { } a) lines.Add("  " + a);
            if (p.Phone is { } ph) lines.Add("  " + texts.Get(language, "contacts.referral.phone") + " " + ph);
            if (p.Email is { } e) lines.Add("  " + texts.Get(language, "contacts.referral.email") + " " + e);
            if (p.Url is { } u) lines.Add("  " + u);
        }
        return string.Join("\n", lines);
    }

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Languages.CultureName(language));

    /// The contact in the journal: itself, its customer (a pseudonym), unit and service.
    public static EventLogObject[] Objects(Contact c, EventLog log)
    {
        var objects = new List<EventLogObject> { new("contact", c.Id.ToString(), Role.Subject) };
        if (c.CustomerNumber is { } n) objects.Add(log.Customer(n));
        if (c.UnitId is { } u) objects.Add(new("unit", u.ToString(), Role.Unit));
        if (c.ServiceId is { } s) objects.Add(new("service", s.ToString(), Role.Service));
        return [.. objects];
    }

    private static string? Error(List<InvalidParam> errors, string field, string code, string reason)
    {
        errors.Add(new(field, code, reason));
        return null;
    }

    private static void Text(string? value, string field, int max, List<InvalidParam> errors)
    {
        if (value is { } v && v.Length > max) errors.Add(new(field, "too-long", $"At most {max} characters."));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

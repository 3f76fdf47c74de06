using Guichet.Platform.Identifiers;

namespace Guichet.Welcome.Contacts;

internal enum ContactChannel { Counter, Phone, Email, Letter, WebForm, Open311 }

internal enum CustomerKind { Person, Company, Anonymous }

/// What came of a contact: answered there and then, passed to the unit that can help, sent to
/// the competent body ("not ours"), a call-back promised, or a case file opened on it (Deliver).
internal enum ContactOutcome { Open, Answered, Routed, Referred, CallBackPromised, CaseOpened }

internal enum RepresentativeRole { Parent, Guardian, Accountant, Lawyer, Other }

/// Someone acting for the customer.
internal sealed record Representation(string Name, RepresentativeRole Role);

/// One contact of a customer with the organisation, whatever the channel: the one register
/// from which each customer's history, each unit's inbox and the response times come.
internal sealed class Contact : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxSubject = 300, MaxNotes = 4000;

    public Guid Id { get; private set; }
    public ContactChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public CustomerKind CustomerKind { get; private set; }
    /// National number (11 digits) or enterprise number (10 digits), normalised; null when anonymous or unknown.
    public string? CustomerNumber { get; private set; }
    public string? CustomerName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? Address { get; private set; }
    public Representation? OnBehalfOf { get; private set; }
    public string Language { get; private set; } = "fr";
    public string Subject { get; private set; } = "";
    public Guid? ServiceId { get; private set; }
    public Guid? UnitId { get; private set; }
    public ContactOutcome Outcome { get; private set; }
    public string? Notes { get; private set; }
    /// When a first answer must be given, from the channel's norm in working days.
    public DateOnly RespondBy { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    /// Response time in working days on the organisation's calendar (0: the same working day).
    public int? ResponseWorkingDays { get; private set; }
    public DateOnly? CallBackBy { get; private set; }
    public DateTimeOffset? CalledBackAt { get; private set; }
    /// The case file opened on this contact, if one was.
    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public Guid? RegisteredByUnitId { get; private set; }

    private Contact() { }

    public Contact(ContactChannel channel, DateTimeOffset receivedAt, CustomerKind kind, string? number, string? name, string? email, string? phone, string? address,
        Representation? onBehalfOf, string language, string subject, Guid? serviceId, Guid? unitId, string? notes, DateOnly respondBy, string registeredBy, Guid? registeredByUnit)
    {
        Id = Guid.NewGuid();
        Channel = channel;
        ReceivedAt = receivedAt;
        CustomerKind = kind;
        CustomerNumber = number;
        CustomerName = name;
        Email = email;
        Phone = phone;
        Address = address;
        OnBehalfOf = onBehalfOf;
        Language = language;
        Subject = subject;
        ServiceId = serviceId;
        UnitId = unitId;
        Notes = notes;
        RespondBy = respondBy;
        RegisteredBy = registeredBy;
        RegisteredByUnitId = registeredByUnit;
        Outcome = ContactOutcome.Open;
    }

    public bool IsOpen => Outcome is ContactOutcome.Open or ContactOutcome.Routed;

    /// The first answer: it fixes the response time. Later outcomes do not change it.
    private void Responded(DateTimeOffset at, int workingDays)
    {
        if (RespondedAt is not null) return;
        RespondedAt = at;
        ResponseWorkingDays = workingDays;
    }

    public void Answer(DateTimeOffset at, int workingDays)
    {
        Outcome = ContactOutcome.Answered;
        Responded(at, workingDays);
    }

    public void RouteTo(Guid unitId)
    {
        UnitId = unitId;
        Outcome = ContactOutcome.Routed;
    }

    public void Refer(Guid serviceId, DateTimeOffset at, int workingDays)
    {
        ServiceId = serviceId;
        Outcome = ContactOutcome.Referred;
        Responded(at, workingDays);
    }

    public void PromiseCallBack(Guid unitId, DateOnly by)
    {
        UnitId = unitId;
        CallBackBy = by;
        Outcome = ContactOutcome.CallBackPromised;
    }

    public void CalledBack(DateTimeOffset at, int workingDays)
    {
        CalledBackAt = at;
        Outcome = ContactOutcome.Answered;
        Responded(at, workingDays);
    }

    /// A case file was opened on the request: the contact is answered by it (the case's own clock
    /// takes over from the channel's response norm).
    public void OpenedCase(Guid caseId, string caseNumber, DateTimeOffset at, int workingDays)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
        Outcome = ContactOutcome.CaseOpened;
        Responded(at, workingDays);
    }

    /// A first answer later than the channel's norm, or none yet and the norm passed.
    public bool Late(DateOnly today) => RespondedAt is { } r ? BrusselsTime.LocalDate(r) > RespondBy : today > RespondBy;

    public bool CallBackOverdue(DateOnly today) => Outcome == ContactOutcome.CallBackPromised && CalledBackAt is null && CallBackBy < today;
}

/// Customers are named by their number: a person's national number, a company's enterprise number.
internal static class CustomerNumbers
{
    /// A national or enterprise number, normalised to its digits; null with the error code when neither.
    public static string? Digits(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "required";
            return null;
        }
        if (NationalNumber.TryParse(text, out var person, out var personError)) return person.Digits;
        if (EnterpriseNumber.TryParse(text, out var company, out var companyError)) return company.Digits;
        // Ten digits read as an enterprise number; anything else as a national number.
        var digits = new string([.. text.Where(char.IsDigit)]);
        error = digits.Length == 10 ? companyError : personError;
        return null;
    }
}

/// Welcome's norms: how many working days each channel has for a first answer (0: the same
/// working day), and for a promised call-back.
internal sealed class ContactNorms
{
    public const string Section = "Welcome:Norms";

    public Dictionary<ContactChannel, int> ResponseWorkingDays { get; set; } = new()
    {
        [ContactChannel.Counter] = 0,
        [ContactChannel.Phone] = 0,
        [ContactChannel.Email] = 2,
        [ContactChannel.Letter] = 10,
        [ContactChannel.WebForm] = 2,
        [ContactChannel.Open311] = 5,
    };

    public int CallBackWorkingDays { get; set; } = 1;

    public int ResponseDaysFor(ContactChannel channel) => ResponseWorkingDays.GetValueOrDefault(channel, 2);
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("welcome_contacts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CustomerKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.CustomerNumber).HasMaxLength(11);
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.OnBehalfOf).HasJsonConversion();
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Subject).HasMaxLength(Contact.MaxSubject);
        b.Property(x => x.Notes).HasMaxLength(Contact.MaxNotes);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.HasIndex(x => new { x.CustomerNumber, x.ReceivedAt });
        b.HasIndex(x => new { x.UnitId, x.ReceivedAt });
        b.HasIndex(x => new { x.Outcome, x.CallBackBy });
    }
}

using Guichet.Welcome.Contacts;

namespace Guichet.Welcome.Open311;

/// What an Open311 service request says beyond the contact it is: where (a point, an address or
/// an address id), the media, the device and account of the reporting app, the reporter's names,
/// the service code asked for and the attributes of its service definition. One row per contact
/// of the Open311 channel, with the contact's id as key; the contact holds the rest (customer,
/// description, service, unit, outcome, norm).
internal sealed class ServiceRequest : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxAddress = 500, MaxId = 100, MaxName = 100, MaxUrl = 2000;

    public Guid ContactId { get; private set; }
    public string ServiceCode { get; private set; } = "";
    public double? Lat { get; private set; }
    public double? Long { get; private set; }
    public string? AddressString { get; private set; }
    public string? AddressId { get; private set; }
    public string? MediaUrl { get; private set; }
    public string? DeviceId { get; private set; }
    public string? AccountId { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public Dictionary<string, string> Attributes { get; private set; } = [];
    /// The API key (API token) it was posted with.
    public Guid ApiTokenId { get; private set; }

    private ServiceRequest() { }

    public ServiceRequest(Guid contactId, string serviceCode, double? lat, double? @long, string? addressString, string? addressId, string? mediaUrl,
        string? deviceId, string? accountId, string? firstName, string? lastName, Dictionary<string, string> attributes, Guid apiTokenId)
    {
        ContactId = contactId;
        ServiceCode = serviceCode;
        Lat = lat;
        Long = @long;
        AddressString = addressString;
        AddressId = addressId;
        MediaUrl = mediaUrl;
        DeviceId = deviceId;
        AccountId = accountId;
        FirstName = firstName;
        LastName = lastName;
        Attributes = attributes;
        ApiTokenId = apiTokenId;
    }
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.ToTable("welcome_open311_requests");
        b.HasKey(x => x.ContactId);
        b.HasOne<Contact>().WithOne().HasForeignKey<ServiceRequest>(x => x.ContactId);
        b.Property(x => x.ServiceCode).HasMaxLength(200);
        b.Property(x => x.AddressString).HasMaxLength(ServiceRequest.MaxAddress);
        b.Property(x => x.AddressId).HasMaxLength(ServiceRequest.MaxId);
        b.Property(x => x.MediaUrl).HasMaxLength(ServiceRequest.MaxUrl);
        b.Property(x => x.DeviceId).HasMaxLength(ServiceRequest.MaxId);
        b.Property(x => x.AccountId).HasMaxLength(ServiceRequest.MaxId);
        b.Property(x => x.FirstName).HasMaxLength(ServiceRequest.MaxName);
        b.Property(x => x.LastName).HasMaxLength(ServiceRequest.MaxName);
        b.Property(x => x.Attributes).HasJsonConversion();
        b.HasIndex(x => x.ServiceCode);
    }
}

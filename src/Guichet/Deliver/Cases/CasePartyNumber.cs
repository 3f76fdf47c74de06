using Guichet.Deliver.CaseTypes;

namespace Guichet.Deliver.Cases;

/// A national or enterprise number of a party, one row each, so that "every case of this person"
/// is an index lookup on both databases rather than a scan of JSON.
internal sealed class CasePartyNumber
{
    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Number { get; private set; } = "";

    private CasePartyNumber() { }

    public CasePartyNumber(Guid caseId, string number)
    {
        CaseId = caseId;
        Number = number;
    }
}

internal sealed class CasePartyNumberConfiguration : IEntityTypeConfiguration<CasePartyNumber>
{
    public void Configure(EntityTypeBuilder<CasePartyNumber> b)
    {
        b.ToTable("deliver_case_party_numbers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(11);
        b.HasIndex(x => new { x.Number, x.CaseId }).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

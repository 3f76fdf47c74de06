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

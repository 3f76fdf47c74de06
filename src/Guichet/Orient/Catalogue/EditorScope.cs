namespace Guichet.Orient.Catalogue;

/// What a staff member may change in the catalogue: admins and editors without a unit change
/// everything; an editor attached to a unit changes only that unit's organisation.
internal sealed record EditorScope(bool Everything, Guid? OrganisationId)
{
    public static readonly EditorScope All = new(true, null);
    public static readonly EditorScope Nothing = new(false, null);

    public bool Covers(Guid organisationId) => Everything || OrganisationId == organisationId;
}

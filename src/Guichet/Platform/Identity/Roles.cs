namespace Guichet.Platform.Identity;

internal static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string FrontOffice = "frontoffice";
    public const string CaseHandler = "casehandler";
    public const string Manager = "manager";
    /// Complaint officers: the complaints register of every unit (federal circular of 14 March 2013).
    public const string Complaints = "complaints";
    /// Quality staff: the process inventory, measurements, process mining and improvement proposals.
    public const string Quality = "quality";
    /// Communication officers: notices of a change (e.g. of legislation) to subscribers and parties.
    public const string Communication = "communication";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, FrontOffice, CaseHandler, Manager, Complaints, Quality, Communication];
}

internal static class Policies
{
    /// Any signed-in staff member.
    public const string Staff = "staff";

    /// May change the catalogue: editors and admins.
    public const string CatalogueEditor = "catalogue-editor";

    public const string Admin = "admin";

    /// Managers and admins: reports, feedback, quality.
    public const string Manager = "manager";
}

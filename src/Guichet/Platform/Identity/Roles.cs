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

/// The one policy that is not an act of the permission matrix: any signed-in staff member (their
/// home page, the calendar, who am I). Every other policy is an act (Acts, PermissionMatrix).
internal static class Policies
{
    public const string Staff = "staff";
}

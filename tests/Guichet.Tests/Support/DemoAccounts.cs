namespace Guichet.Tests.Support;

public static class DemoAccounts
{
    public const string Admin = "admin@guichet.demo";
    public const string Editor = "editor@guichet.demo";
    public const string FrontOffice = "frontoffice@guichet.demo";
    public const string CaseHandler = "casehandler@guichet.demo";
    public const string Manager = "manager@guichet.demo";
    public const string Complaints = "complaints@guichet.demo";
    public const string Password = Guichet.Demo.DemoData.Password;
}

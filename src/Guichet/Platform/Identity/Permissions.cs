using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using System.Reflection;

namespace Guichet.Platform.Identity;

/// The acts of staff, each the name of the one authorization policy that guards it. Endpoints
/// use `RequireAuthorization(Acts.X)`, pages `[Authorize(Policy = Acts.X)]` (or their folder's
/// convention), page handlers that change something `[RequiresAct(Acts.X)]`. Which roles may do
/// each act is written once, in PermissionMatrix below; docs/permissions.md is generated from it.
internal static class Acts
{
    public const string CatalogueEdit = "catalogue.edit";
    public const string CatalogueAdminister = "catalogue.administer";
    public const string ContactWork = "contact.work";
    public const string AppointmentReceive = "appointment.receive";
    public const string QueueServe = "queue.serve";
    public const string QueueSetUp = "queue.set-up";
    public const string CaseRead = "case.read";
    public const string CaseAnnotate = "case.annotate";
    public const string CaseOpen = "case.open";
    public const string CaseAssign = "case.assign";
    public const string CaseHandle = "case.handle";
    public const string AdviceGive = "advice.give";
    public const string CaseTypeManage = "case-type.manage";
    public const string ComplaintWork = "complaint.work";
    public const string ComplaintHandle = "complaint.handle";
    public const string ComplaintReport = "complaint.report";
    public const string SatisfactionRead = "satisfaction.read";
    public const string TopicManage = "subscription-topic.manage";
    public const string NoticeSend = "notice.send";
    public const string WebhookManage = "webhook.manage";
    public const string ReportsRead = "reports.read";
    public const string ImproveRead = "improve.read";
    public const string AnalysisSpaceManage = "analysis-space.manage";
    public const string ProcessDeclare = "process.declare";
    public const string ProposalManage = "proposal.manage";
    public const string OutboxManage = "outbox.manage";
    public const string TokenManage = "token.manage";
}

/// One row of the matrix: an act, what it covers, and the roles that may do it.
internal sealed record Permission(string Act, string Covers, IReadOnlyList<string> Roles)
{
    public bool Allows(ClaimsPrincipal user) => Roles.Any(user.IsInRole);
}

/// The permission matrix (role × act): the one place that says who may do what. Unit scope comes
/// on top of it (staff see their unit and the units below it; see StaffClaims.UnitsOf).
internal static class PermissionMatrix
{
    public static readonly IReadOnlyList<Permission> All =
    [
        new(Acts.CatalogueEdit, "Edit the units, channels, opening hours and services of the catalogue (within the editor's organisation).", [Roles.Editor, Roles.Admin]),
        new(Acts.CatalogueAdminister, "Create and edit organisations; import a CPSV-AP catalogue.", [Roles.Admin]),
        new(Acts.ContactWork, "Register contacts (phone, letter, counter), read the contact register, record outcomes and call-backs.", [Roles.FrontOffice, Roles.CaseHandler, Roles.Manager, Roles.Admin]),
        new(Acts.AppointmentReceive, "See a counter's appointments of the day, check customers in, record no-shows.", [Roles.FrontOffice, Roles.Admin]),
        new(Acts.QueueServe, "Serve the counter queue at a desk: open and close the desk, call, start, transfer, finish tickets.", [Roles.FrontOffice, Roles.Admin]),
        new(Acts.QueueSetUp, "Set up offices and desks of the counter queue.", [Roles.Admin]),
        new(Acts.CaseRead, "Read case files, work lists, histories, documents, decisions, letters, advice between units and case types.", [Roles.CaseHandler, Roles.FrontOffice, Roles.Manager, Roles.Admin]),
        new(Acts.CaseAnnotate, "Add an internal note or a document to a case file.", [Roles.CaseHandler, Roles.FrontOffice, Roles.Manager, Roles.Admin]),
        new(Acts.CaseOpen, "Open a case file.", [Roles.CaseHandler, Roles.FrontOffice, Roles.Admin]),
        new(Acts.CaseAssign, "Give a case to a unit and a handler.", [Roles.CaseHandler, Roles.Manager, Roles.Admin]),
        new(Acts.CaseHandle, "Handle a case: change its status, mark it complete, suspend and resume its clock, extend it, ask the customer, ask another unit's advice, make a new status link, issue the decision, register an appeal.", [Roles.CaseHandler, Roles.Admin]),
        new(Acts.AdviceGive, "Give the advice another unit asked of one's unit.", [Roles.CaseHandler, Roles.Manager, Roles.Admin]),
        new(Acts.CaseTypeManage, "Create and change case types (statuses, deadlines, appeal procedures).", [Roles.Admin]),
        new(Acts.ComplaintWork, "Register complaints (also from a contact), read the complaints of one's units, give the unit's view, print the acknowledgement.", [Roles.Complaints, Roles.FrontOffice, Roles.CaseHandler, Roles.Manager, Roles.Admin]),
        new(Acts.ComplaintHandle, "Assign a complaint, ask the unit's view, give the reasoned answer.", [Roles.Complaints, Roles.Admin]),
        new(Acts.ComplaintReport, "Read the yearly complaint report (counts by channel, category, unit and outcome, founded share, deadlines kept) of one's units; complaint officers of all.", [Roles.Complaints, Roles.Manager, Roles.Admin]),
        new(Acts.SatisfactionRead, "Read the satisfaction results and the comments of the answers.", [Roles.Manager, Roles.Quality, Roles.Complaints, Roles.Admin]),
        new(Acts.TopicManage, "Keep the list of subscription topics.", [Roles.Communication, Roles.Admin]),
        new(Acts.NoticeSend, "Write notices of a change in four languages, send them to the subscribers of their topics and the parties of open cases of their case types, follow their delivery, print their letters.", [Roles.Communication, Roles.Admin]),
        new(Acts.ImproveRead, "Read the process inventory, the process mining of the journal (graphs, variants, bottlenecks, rework) and the conformance to the declared processes within one's units, and export them.", [Roles.Manager, Roles.Quality, Roles.Admin]),
        new(Acts.ProcessDeclare, "Declare a service's process in the inventory (steps, owner units, norm times; a new version each time); a manager for their own units.", [Roles.Manager, Roles.Quality, Roles.Admin]),
        new(Acts.ProposalManage, "Make improvement proposals for a service's declared process, revise them while open, move them through their statuses (accepted, in progress, done with its day, dropped); a manager for their own units.", [Roles.Manager, Roles.Quality, Roles.Admin]),
        new(Acts.AnalysisSpaceManage, "Import another system's log (XES, CSV, OCEL 2.0) into an analysis space, delete a space.", [Roles.Manager, Roles.Quality, Roles.Admin]),
        new(Acts.ReportsRead, "Read the counter statistics and the accessibility feedback.", [Roles.Manager, Roles.Admin]),
        new(Acts.OutboxManage, "See the outgoing messages and ask for another try of a failed one.", [Roles.Admin]),
        new(Acts.WebhookManage, "Subscribe external systems to events by webhook (URL, secret, event types), see their deliveries, switch them on again.", [Roles.Admin]),
        new(Acts.TokenManage, "Make API tokens (with their scopes and expiry) for staff accounts and Open311 clients, see their last use, revoke them.", [Roles.Admin]),
    ];

    public static Permission Of(string act) => All.Single(p => p.Act == act);

    /// Whether the user may do the act (for showing or hiding a form; the policy decides).
    public static bool May(this ClaimsPrincipal user, string act) => Of(act).Allows(user);

    /// Every act as an authorization policy of the same name; an API token acts within its scopes.
    public static AuthorizationBuilder AddActs(this AuthorizationBuilder builder)
    {
        foreach (var p in All) builder.AddPolicy(p.Act, policy => policy.RequireRole(p.Roles).AddRequirements(TokenScopeRequirement.Instance));
        return builder;
    }
}

/// A bearer token acts only within its scopes: reading (GET, HEAD) needs `read`, any other method
/// `write`; a token made for Open311 clients only (scope open311) opens no staff endpoint at all.
/// Signed-in people (cookies) are not concerned.
internal sealed class TokenScopeRequirement : AuthorizationHandler<TokenScopeRequirement>, IAuthorizationRequirement
{
    public static readonly TokenScopeRequirement Instance = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement)
    {
        var bearer = context.User.Identities.Any(i => i.AuthenticationType == BearerTokenHandler.SchemeName);
        var method = (context.Resource as HttpContext)?.Request.Method;
        var needed = method is not null && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) ? TokenScopes.Read : TokenScopes.Write;
        if (!bearer || context.User.HasClaim(TokenScopes.Claim, needed)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// On a page handler that changes something: the act it does. A page's folder or attribute says
/// who may read it; this says who may post to that handler (PermissionMatrix decides).
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresActAttribute(string act) : Attribute
{
    public string Act { get; } = act;
}

/// Enforces RequiresAct on page handlers: not allowed → 403 (the forbidden page), before the
/// handler runs.
internal sealed class RequiresActFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresActAttribute>() is { } required
            && !(await authorization.AuthorizeAsync(context.HttpContext.User, required.Act)).Succeeded)
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }
}

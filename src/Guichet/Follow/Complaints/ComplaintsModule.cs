using Guichet.Follow.Complaints.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints;

/// Complaints (federal circular of 14 March 2013): the public complaint form and tracking page,
/// the complaint officer's work list and complaint page, the API. Officers (role complaints) see
/// every unit's complaints; unit staff those of their unit.
internal static class ComplaintsModule
{
    /// Who works on complaints: officers, the front office (registers them), unit staff (their view), managers, admins.
    public const string WorkPolicy = "complaint-work";

    /// Who assigns, asks the unit's view and answers: complaint officers and admins.
    public const string OfficerPolicy = "complaint-officer";

    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.Section);
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkPolicy, p => p.RequireRole(Roles.Complaints, Roles.FrontOffice, Roles.CaseHandler, Roles.Manager, Roles.Admin))
            .AddPolicy(OfficerPolicy, p => p.RequireRole(Roles.Complaints, Roles.Admin));
        // Staff pages need the work policy; the public form and the tracking page are open.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Complaints/Pages/Staff", WorkPolicy));
        services.AddScoped<ComplaintMail>();
        services.AddScoped<ComplaintWork>();
        return services;
    }

    public static WebApplication MapComplaints(this WebApplication app) => app.MapComplaintsApi();
}

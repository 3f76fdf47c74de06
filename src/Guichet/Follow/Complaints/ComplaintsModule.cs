using Guichet.Follow.Complaints.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints;

/// Complaints (federal circular of 14 March 2013): the public complaint form and tracking page,
/// the complaint officer's work list and complaint page, the API. Officers (role complaints) see
/// every unit's complaints; unit staff those of their unit.
internal static class ComplaintsModule
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.Section);
        // Staff pages need the work policy; the public form and the tracking page are open.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Complaints/Pages/Staff", Acts.ComplaintWork)
            .AuthorizePage("/Follow/Complaints/Pages/Staff/Report", Acts.ComplaintReport));
        services.AddScoped<ComplaintMail>();
        services.AddScoped<ComplaintWork>();
        services.AddScoped<ComplaintReport>();
        services.AddScoped<IRetentionRule, ComplaintRetention>();
        return services;
    }

    public static WebApplication MapComplaints(this WebApplication app) => app.MapComplaintsApi();
}

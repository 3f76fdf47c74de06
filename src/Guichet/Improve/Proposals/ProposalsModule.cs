using Guichet.Improve.Proposals.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Proposals;

/// Improvement proposals: a change to a service's declared process (and one of its steps), the
/// problem it answers linked to the figure that shows it, its owner, the KPI it must move and its
/// target; statuses from proposed to done or dropped; once done, the KPI measured on the journal
/// over equal windows before and after with a significance check; a yearly improvement report per
/// organisation. Read with the measurements (improve.read), made and moved by proposal.manage.
internal static class ProposalsModule
{
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizeFolder("/Improve/Proposals/Pages/Staff", Acts.ImproveRead)
            .AuthorizePage("/Improve/Proposals/Pages/Staff/New", Acts.ProposalManage)
            .AuthorizePage("/Improve/Proposals/Pages/Staff/Edit", Acts.ProposalManage));
        services.AddScoped<ProposalWork>();
        return services;
    }

    public static WebApplication MapProposals(this WebApplication app) => app.MapProposalsApi();
}

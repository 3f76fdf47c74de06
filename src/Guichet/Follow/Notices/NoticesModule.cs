using Guichet.Follow.Notices.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Notices;

/// Notices of a change: communication staff write a notice in up to four languages and send it once
/// to the subscribers of its topics and the parties of open cases of its case types, each once, by
/// mail within a rate limit shared by every node (NoticeJob), or by letter printed from one PDF.
internal static class NoticesModule
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Notices/Pages/Staff", Acts.NoticeSend));
        services.AddScoped<NoticeMail>();
        services.AddScoped<NoticeWork>();
        services.AddScoped<NoticeSender>();
        services.AddScoped<NoticeLetters>();
        services.AddSingleton<NoticeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeJob>());
        return services;
    }

    public static WebApplication MapNotices(this WebApplication app) => app.MapNoticesApi();
}

namespace Guichet.Platform.Web;

/// Absolute addresses for links that leave the site (in e-mails and letters): the configured
/// Web:PublicBaseUrl (behind a proxy, the address people use), else the current request's host.
internal sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public const string Fallback = "http://localhost:5080";

    public string BaseUrl
    {
        get
        {
            if (configuration["Web:PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? Fallback : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}

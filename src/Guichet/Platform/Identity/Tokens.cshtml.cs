using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Guichet.Platform.Web.Forms;

namespace Guichet.Platform.Identity;

/// The admins' page of API tokens: every token with its owner, scopes, expiry and last use; a
/// form to make one (shown once, on this answer only) and a button to revoke one.
[Authorize(Policy = Acts.TokenManage)]
internal sealed class TokensModel(GuichetDb db, ApiTokens tokens, TimeProvider time, Texts texts) : PageModel
{
    internal sealed record Row(Guid Id, string Name, string Owner, string Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public List<Row> Rows { get; private set; } = [];
    public FieldErrors Errors { get; } = new(texts, "tokens");
    public string? NewToken { get; private set; }
    public string? Notice { get; private set; }
    public DateTimeOffset Now => time.GetUtcNow();
    public Dictionary<string, string?> Posted { get; } = [];

    public async Task OnGetAsync(string? revoked, CancellationToken ct)
    {
        if (revoked is not null) Notice = texts["tokens.revoked"];
        await LoadAsync(ct);
    }

    [RequiresAct(Acts.TokenManage)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        foreach (var field in new[] { "owner", "name", "expiresOn" }) Posted[field] = FormReader.Value(Request.Form, field);
        var scopes = FormReader.Values(Request.Form, "scopes");
        Posted["scopes"] = string.Join(' ', scopes);
        DateOnly? expires = null;
        if (Posted["expiresOn"] is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)) expires = day;
            else Errors.Add("expiresOn", "invalid-date");
        }
        if (Errors.Count == 0)
        {
            var made = await tokens.CreateAsync(EventLog.EventLog.ActorOf(User), Posted["owner"], Posted["name"], Posted["scopes"], expires, ct);
            if (made.Value is { } m)
            {
                NewToken = m.PlainText;
                Posted.Clear();
            }
            else Errors.Add(made.InvalidParams);
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresAct(Acts.TokenManage)]
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(EventLog.EventLog.ActorOf(User), id, ct);
        if (result.Value is null)
        {
            Notice = texts["tokens.gone"];
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage(null, new { revoked = 1 });
    }

    public bool Checked(string scope) => Posted.TryGetValue("scopes", out var s)
        ? (s ?? "").Split(' ').Contains(scope)
        : scope is TokenScopes.Read;

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Set<ApiToken>().AsNoTracking()
            .Join(db.Set<StaffUser>().AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { t, u.Email })
            .OrderBy(x => x.t.RevokedAt != null).ThenByDescending(x => x.t.CreatedAt).Take(500)
            .Select(x => new Row(x.t.Id, x.t.Name, x.Email, x.t.Scopes, x.t.CreatedAt, x.t.ExpiresAt, x.t.LastUsedAt, x.t.RevokedAt))
            .ToListAsync(ct);
}

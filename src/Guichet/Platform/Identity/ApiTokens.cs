namespace Guichet.Platform.Identity;

/// Making and revoking API tokens, for the admin page and the command line: the token is shown
/// once, only its hash is kept, and each act is one administration event of the journal.
internal sealed class ApiTokens(GuichetDb db, EventLog.EventLog eventLog, TimeProvider time)
{
    public const int MaxNameLength = 200;

    internal sealed record Made(ApiToken Token, string PlainText, StaffUser Owner);

    public async Task<Result<Made>> CreateAsync(string actor, string? ownerEmail, string? name, string? scopesText, DateOnly? expiresOn, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var email = StaffUser.Normalize(ownerEmail ?? "");
        var owner = email.Length == 0 ? null : await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (owner is null) errors.Add(new("owner", email.Length == 0 ? "required" : "unknown-account", "The e-mail of an existing staff account."));
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("name", "required", "What the token is for."));
        else if (name.Trim().Length > MaxNameLength) errors.Add(new("name", "too-long", $"At most {MaxNameLength} characters."));
        var scopes = TokenScopes.Parse(scopesText);
        if (scopes is null) errors.Add(new("scopes", "required", $"One or more of {string.Join(", ", TokenScopes.All)}."));
        else if (scopes.Contains(TokenScopes.Open311) && scopes.Length > 1) errors.Add(new("scopes", "open311-alone", "A token for an Open311 client has that scope only."));
        var now = time.GetUtcNow();
        if (expiresOn is { } day && day <= BrusselsTime.LocalDate(now)) errors.Add(new("expiresOn", "date-not-future", "A date after today."));
        if (errors.Count > 0) return Result<Made>.Invalid(errors);

        var expires = expiresOn is { } d ? BrusselsTime.ToInstant(d, TimeOnly.MinValue) : (DateTimeOffset?)null;
        var (token, plain) = ApiToken.Create(owner!.Id, name!.Trim(), now, scopes, expires);
        db.Add(token);
        eventLog.Record(actor, PlatformActivities.ApiTokenCreated,
            [new EventLogObject("api-token", token.Id.ToString(), Role.Subject), new EventLogObject("staff-user", owner.Id.ToString(), Role.Owner)],
            new Dictionary<string, object?> { ["name"] = token.Name, ["scopes"] = token.Scopes, ["expiresAt"] = token.ExpiresAt });
        await db.SaveChangesAsync(ct);
        return new Made(token, plain, owner);
    }

    public async Task<Result<ApiToken>> RevokeAsync(string actor, Guid id, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return Result<ApiToken>.NotFound("The token");
        if (token.RevokedAt is not null) return Result<ApiToken>.Conflict("token-revoked", "The token was revoked already.");
        token.Revoke(time.GetUtcNow());
        eventLog.Record(actor, PlatformActivities.ApiTokenRevoked,
            [new EventLogObject("api-token", token.Id.ToString(), Role.Subject), new EventLogObject("staff-user", token.UserId.ToString(), Role.Owner)],
            new Dictionary<string, object?> { ["name"] = token.Name });
        await db.SaveChangesAsync(ct);
        return token;
    }
}

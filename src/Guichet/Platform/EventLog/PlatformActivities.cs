namespace Guichet.Platform.EventLog;

/// The journal's activities of the platform itself: sign-in, accounts, mails sent, the outbox.
internal static class PlatformActivities
{
    public static readonly Activity SignedIn = Activity.Administration("platform.staff-user.signed-in", "A member of staff signed in (via: oidc when through the organisation's OpenID provider).", ["staff-user:subject"], "via");
    public static readonly Activity SignInFailed = Activity.Administration("platform.staff-user.sign-in-failed", "A sign-in with a known e-mail address failed (wrong password, or refused while the account or the address is throttled); lockedOut: this failure locked the account and ended its sessions.", ["staff-user:subject"], "lockedOut");
    public static readonly Activity SignedOut = Activity.Administration("platform.staff-user.signed-out", "A member of staff signed out: every session of the account ended.", ["staff-user:subject"]);
    public static readonly Activity PasswordChanged = Activity.Administration("platform.staff-user.password-changed", "A staff account's password was changed (command line, or by the person on the password page): its other sessions ended.", ["staff-user:subject"]);
    public static readonly Activity RolesChanged = Activity.Administration("platform.staff-user.roles-changed", "A staff account's roles were changed (command line, or source oidc: the OpenID provider gave others at a sign-in): its sessions ended.", ["staff-user:subject"], "roles", "source");
    public static readonly Activity StaffUserCreated = Activity.Administration("platform.staff-user.created", "A staff account was created (command line, or source oidc: at its first sign-in through the organisation's OpenID provider).", ["staff-user:subject", "unit:unit"], "roles", "source");
    public static readonly Activity ApiTokenCreated = Activity.Administration("platform.api-token.created", "An API token was created (admin page, command line or test set-up) with its scopes and expiry.", ["api-token:subject", "staff-user:owner"], "name", "scopes", "expiresAt");
    public static readonly Activity ApiTokenRevoked = Activity.Administration("platform.api-token.revoked", "An API token was revoked.", ["api-token:subject", "staff-user:owner"], "name");
    public static readonly Activity MailSent = Activity.Process("platform.mail.sent", "A mail left for its recipient (the mail server accepted it); the objects name what it was about.",
        ["outbox-message:message", "case:case", "contact:contact", "appointment:appointment", "customer-request:part", "queue-ticket:ticket"], "purpose", "attempts");
    public static readonly Activity MessageDeadLettered = Activity.Administration("platform.outbox-message.dead-lettered", "A message failed for good (or too often) and waits for an admin.", ["outbox-message:subject"], "kind", "attempts", "error");
    public static readonly Activity MessageRetryRequested = Activity.Administration("platform.outbox-message.retry-requested", "An admin asked for another try of a message.", ["outbox-message:subject"], "kind", "wasDeadLettered");
    public static readonly Activity AccessibilityFeedbackReceived = Activity.Process("platform.accessibility-feedback.received", "A visitor reported an accessibility problem.", ["accessibility-feedback:subject"]);
}

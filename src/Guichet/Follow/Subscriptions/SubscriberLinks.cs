using System.Security.Cryptography;
using System.Text;

namespace Guichet.Follow.Subscriptions;

/// The manage and one-click unsubscribe links of a subscriber, in every mail it gets. They are
/// signed, not stored: the subscriber's id and an HMAC-SHA256 of it and the link's purpose under a
/// random key of the installation (platform_secrets, shared by every node), so a mail to a hundred
/// thousand subscribers writes no token rows, a forged or altered link opens nothing, and a link
/// of an erased subscriber finds nobody.
internal sealed class SubscriberLinks(IServiceScopeFactory scopes) : InstallationKey(scopes, "subscription-link-key")
{
    public const string Manage = "manage", Unsubscribe = "unsubscribe";

    public string Token(Guid subscriberId, string purpose) => subscriberId.ToString("N") + Mac(subscriberId, purpose);

    /// The subscriber a token names, when its signature is right; null for anything else.
    public Guid? Read(string? token, string purpose)
    {
        if (token is not { Length: 54 } || !Guid.TryParseExact(token[..32], "N", out var id)) return null;
        var expected = Encoding.ASCII.GetBytes(Mac(id, purpose));
        var given = Encoding.ASCII.GetBytes(token[32..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? id : null;
    }

    private string Mac(Guid id, string purpose)
    {
        var mac = HMACSHA256.HashData(Key(), Encoding.ASCII.GetBytes(purpose + ":" + id.ToString("N")));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_'); // 128 bits, 22 characters
    }
}

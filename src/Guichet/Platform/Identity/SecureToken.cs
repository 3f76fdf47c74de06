using System.Security.Cryptography;
using System.Text;

namespace Guichet.Platform.Identity;

/// Tokens for links sent to people without an account (a case's status page, a booking's manage
/// link): 256 random bits, base64url, of which only the SHA-256 is stored, so that a copy of the
/// database opens nothing.
internal static class SecureToken
{
    public static (string Plain, string Hash) New()
    {
        var plain = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (plain, Hash(plain));
    }

    public static string Hash(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));

    /// Only what New() can produce: 43 base64url characters. Anything else is not looked up.
    public static bool LooksValid(string? plain) =>
        plain is { Length: 43 } && plain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

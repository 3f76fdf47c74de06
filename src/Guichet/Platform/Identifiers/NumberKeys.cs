using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Guichet.Platform.Identifiers;

/// A national or enterprise number that a staff page must carry from one request to the next (a
/// customer's history, the cases of a person, the next page of a search) travels as this key,
/// never as digits (ADR 0022): the number encrypted and signed with the installation's
/// data-protection keys, which every node shares (ADR 0015). A URL in a proxy log, a browser's
/// history or a Referer header then tells nobody's number.
internal sealed class NumberKeys(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Guichet.Identifiers.NumberKey");

    public string Key(string digits) => _protector.Protect(digits);

    /// The digits behind a key, or null for anything that is not a key made here.
    public string? Digits(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 400) return null;
        try
        {
            var digits = _protector.Unprotect(key);
            return digits.Length is 10 or 11 && digits.All(char.IsAsciiDigit) ? digits : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Platform.Identifiers;

namespace Guichet.Tests.Platform.Identifiers;

public sealed class EnterpriseNumberTests
{
    [Theory]
    [InlineData("0203.201.340", "0203201340")]
    [InlineData("0203201340", "0203201340")]
    [InlineData("BE0203201340", "0203201340")]
    [InlineData("be 0203.201.340", "0203201340")]
    [InlineData("203201340", "0203201340")]   // the old 9-digit form
    [InlineData("0203.430.576", "0203430576")]
    [InlineData("0202.239.951", "0202239951")]
    [InlineData("0403.170.701", "0403170701")]
    public void Valid_numbers_in_their_written_forms_are_accepted(string text, string digits)
    {
        Assert.True(EnterpriseNumber.TryParse(text, out var number, out var error));
        Assert.Null(error);
        Assert.Equal(digits, number.Digits);
        Assert.Equal($"{digits[..4]}.{digits[4..7]}.{digits[7..]}", number.Format());
    }

    [Theory]
    [InlineData("0207.446.759")] // 97 - (2074467 mod 97) = 72, not 59
    [InlineData("0203.201.341")]
    [InlineData("0302.201.340")]
    public void A_wrong_check_is_a_checksum_error(string text)
    {
        Assert.False(EnterpriseNumber.TryParse(text, out _, out var error));
        Assert.Equal("enterprise-number-checksum", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("02032013")]       // 8 digits
    [InlineData("02032013401")]    // 11 digits
    [InlineData("2203.201.340")]   // starts with 2: an establishment unit, not an enterprise
    [InlineData("NL0203201340")]
    [InlineData("0203.201.34O")]   // letter O
    public void Malformed_input_is_a_format_error(string? text)
    {
        Assert.False(EnterpriseNumber.TryParse(text, out _, out var error));
        Assert.Equal("enterprise-number-format", error);
    }

    private static Arbitrary<string> ValidNumbers() => Gen.Choose(0, 19_999_999).Select(n =>
    {
        var eight = n.ToString("00000000", CultureInfo.InvariantCulture);
        return eight + EnterpriseNumber.CheckDigits(n).ToString("00", CultureInfo.InvariantCulture);
    }).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property A_valid_number_round_trips_through_Format_and_Parse() =>
        Prop.ForAll(ValidNumbers(), digits =>
        {
            Assert.True(EnterpriseNumber.TryParse(digits, out var number, out _));
            Assert.True(EnterpriseNumber.TryParse(number.Format(), out var again, out _));
            Assert.True(EnterpriseNumber.TryParse("BE" + digits, out var vat, out _));
            Assert.Equal(number, again);
            Assert.Equal(number, vat);
            Assert.Equal(digits, again.Digits);
        });

    /// A single-digit change moves the number by d * 10^k, never a multiple of 97, so the check
    /// always catches it (or the first digit is no longer 0 or 1).
    [Property(MaxTest = 500)]
    public Property Any_single_digit_change_fails() =>
        Prop.ForAll(ValidNumbers(), Gen.Choose(0, 9).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (digits, position, delta) =>
        {
            var changed = digits.ToCharArray();
            changed[position] = (char)('0' + (changed[position] - '0' + delta) % 10);
            Assert.False(EnterpriseNumber.TryParse(new string(changed), out _, out var error));
            Assert.True(error is EnterpriseNumber.ChecksumError or EnterpriseNumber.FormatError);
        });
}

public sealed class IdentifierTextsTests
{
    [Theory]
    [InlineData(NationalNumber.FormatError)]
    [InlineData(NationalNumber.ChecksumError)]
    [InlineData(EnterpriseNumber.FormatError)]
    [InlineData(EnterpriseNumber.ChecksumError)]
    public void Every_error_code_has_a_text_for_people_in_four_languages(string code)
    {
        var texts = new Guichet.Platform.Localization.Texts();
        foreach (var language in new[] { "fr", "nl", "de", "en" })
            Assert.True(texts.Of(language).ContainsKey("identifiers." + code), $"{language}: identifiers.{code}");
    }
}

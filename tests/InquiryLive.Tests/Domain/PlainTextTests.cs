using InquiryLive.Domain.Text;

namespace InquiryLive.Tests.Domain;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("  物业  费\t\n太高  ", "物业 费 太高")]
    [InlineData("abc\u202Egnp.exe", "abcgnp.exe")]
    [InlineData("a\u200Bb\u2066c\u2069", "abc")]
    [InlineData("bell\u0007 and nul\u0000", "bell and nul")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_CollapsesWhitespace_AndDropsControlAndBidiCharacters(string? input, string expected) =>
        Assert.Equal(expected, PlainText.Normalize(input));

    [Fact]
    public void Normalize_ComposesToNfc()
    {
        var decomposed = "e\u0301";
        Assert.Equal("\u00e9", PlainText.Normalize(decomposed));
    }

    [Fact]
    public void Normalize_KeepsMarkupAsLiteralText()
    {
        const string payload = "<script>alert(1)</script>";
        Assert.Equal(payload, PlainText.Normalize(payload));
    }

    [Fact]
    public void VisibleLength_CountsWhatAReaderSees()
    {
        Assert.Equal(3, PlainText.VisibleLength("物业费"));
        Assert.Equal(1, PlainText.VisibleLength("👨‍👩‍👧"));
    }
}

namespace InquiryLive.BrowserTests.Xss;

/// <summary>
/// The XSS payload corpus: each would run script, add an element or an event handler, or leave its
/// attribute, if a page ever put user text into markup instead of text.
/// </summary>
internal static class XssPayloads
{
    public const string Script = "<script>alert('xss-script')</script>";
    public const string Img = "<img src=x onerror=alert('xss')>";
    public const string Handler = "<div onmouseover=\"alert('xss-on')\" onclick=alert(3)>悬停</div>";
    public const string JsUrl = "<a href=\"javascript:alert('xss-url')\">点我</a>";
    public const string Svg = "<svg onload=alert('xss-svg')><circle r=9></svg>";
    public const string Breakout = "\"><script>alert('xss-break')</script><input value=\"";
    public const string Bidi = "\u202Eexe.gnp\u202C 物业\u2066费\u2069为何上涨";
    public static readonly string LongLine = new string('长', 440) + "<b>x</b>" + new string('w', 40);

    /// <summary>Elements a payload would add if it were parsed as markup.</summary>
    public const string Injected =
        "img[src='x'], svg[onload], [onerror], [onmouseover], [onclick], a[href^='javascript'], circle, script:not([src])";
}

using System.Net;
using System.Text.RegularExpressions;
using InquiryLive.Hosting;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Security;

/// <summary>
/// Every page in wwwroot and the API answer with a strict Content-Security-Policy (no inline script
/// or style allowed), nosniff, a Referrer-Policy and no framing (except the broadcast overlay, which
/// streaming software embeds); and no page carries inline script, inline style or on… handlers that
/// such a policy would have to allow.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    private static readonly string Wwwroot = Path.Combine(ContentRoot.Find(), "wwwroot");

    private static List<string> PageFiles() =>
        Directory.EnumerateFiles(Wwwroot, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Wwwroot, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Pages() => new(PageFiles());

    [Fact]
    public void ThePagesChecked_AreTheOnesInWwwroot()
    {
        var pages = PageFiles();
        // The pages of every role: a listing that came back empty or partial would check nothing.
        foreach (var page in new[] { "index.html", "moderate.html", "chair.html", "screen.html", "overlay.html", "member.html", "report.html", "results.html", "followup.html", "clerk.html", "audit.html", "admin.html" })
        {
            Assert.Contains(page, pages);
        }
    }

    [Fact]
    public async Task EveryPageAndTheApi_CarryTheSecurityHeaders_AndOnlyTheOverlayMayBeFramed()
    {
        using var app = new InquiryApp();
        var client = app.Browser();
        var urls = PageFiles().Select(p => "/" + p).Concat(["/", "/api/sessions", "/api/time", "/api/auth/me", "/js/api.js", "/css/base.css", "/no-such-page"]).ToList();
        var failures = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            if (url != "/no-such-page" && response.StatusCode != HttpStatusCode.OK) failures.Add($"{url}: {(int)response.StatusCode}");
            var overlay = url == "/overlay.html";
            var csp = Header(response, "Content-Security-Policy");
            if (csp is null) { failures.Add($"{url}: no Content-Security-Policy"); continue; }
            var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ', 2).ElementAtOrDefault(1) ?? "");
            if (csp.Contains("unsafe-inline", StringComparison.Ordinal)) failures.Add($"{url}: CSP allows unsafe-inline");
            if (csp.Contains("unsafe-eval", StringComparison.Ordinal)) failures.Add($"{url}: CSP allows unsafe-eval");
            if (directives.GetValueOrDefault("script-src") != "'self'") failures.Add($"{url}: script-src is '{directives.GetValueOrDefault("script-src")}'");
            if (directives.GetValueOrDefault("style-src") != "'self'") failures.Add($"{url}: style-src is '{directives.GetValueOrDefault("style-src")}'");
            if (directives.GetValueOrDefault("object-src") != "'none'") failures.Add($"{url}: object-src is not 'none'");
            if (Header(response, "X-Content-Type-Options") != "nosniff") failures.Add($"{url}: no X-Content-Type-Options: nosniff");
            if (string.IsNullOrEmpty(Header(response, "Referrer-Policy"))) failures.Add($"{url}: no Referrer-Policy");
            if (overlay)
            {
                if (directives.GetValueOrDefault("frame-ancestors") is null or "'none'") failures.Add($"{url}: the overlay cannot be framed");
                if (Header(response, "X-Frame-Options") is not null) failures.Add($"{url}: X-Frame-Options forbids framing the overlay");
            }
            else
            {
                if (directives.GetValueOrDefault("frame-ancestors") != "'none'") failures.Add($"{url}: frame-ancestors is not 'none'");
                if (Header(response, "X-Frame-Options") != "DENY") failures.Add($"{url}: X-Frame-Options is not DENY");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void APage_HasNoInlineScript_InlineStyle_OrEventHandlerAttribute(string page)
    {
        var html = CommentPattern().Replace(File.ReadAllText(Path.Combine(Wwwroot, page)), "");
        var tags = TagPattern().Matches(html).Select(m => (Name: m.Groups["name"].Value.ToLowerInvariant(), Attributes: Attributes(m.Groups["attrs"].Value))).ToList();
        Assert.NotEmpty(tags);
        // Every opening tag was understood: one the pattern could not read would escape the checks below.
        Assert.Equal(Regex.Count(html, "<[a-zA-Z]"), tags.Count);
        var failures = new List<string>();
        foreach (var (name, attributes) in tags)
        {
            if (name == "script" && !attributes.ContainsKey("src")) failures.Add("<script> without src");
            if (name == "style") failures.Add("<style> block");
            if (name == "link" && attributes.GetValueOrDefault("rel") == "stylesheet" && attributes.GetValueOrDefault("href") is { } href && !href.StartsWith('/'))
            {
                failures.Add($"stylesheet from elsewhere: {href}");
            }
            foreach (var (attribute, value) in attributes)
            {
                if (attribute == "style") failures.Add($"<{name} style=\"{value}\">");
                if (attribute.StartsWith("on", StringComparison.Ordinal)) failures.Add($"<{name} {attribute}=…>");
                if (value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) failures.Add($"<{name} {attribute}=\"{value}\">");
            }
        }
        // Script bodies: a <script src> must be empty, or the browser would be asked to run inline code.
        foreach (Match m in ScriptBodyPattern().Matches(html))
        {
            if (!string.IsNullOrWhiteSpace(m.Groups["body"].Value)) failures.Add("script with an inline body");
        }
        Assert.True(failures.Count == 0, $"{page}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void ThePageCheck_FindsWhatItLooksFor()
    {
        const string bad = "<p style=\"color:red\" onclick='x()'>a</p><script>alert(1)</script><a href=\" javascript:alert(1)\">b</a><style>p{}</style>";
        var tags = TagPattern().Matches(bad).Select(m => (Name: m.Groups["name"].Value, Attributes: Attributes(m.Groups["attrs"].Value))).ToList();
        Assert.Contains(tags, t => t.Name == "p" && t.Attributes.ContainsKey("style") && t.Attributes.ContainsKey("onclick"));
        Assert.Contains(tags, t => t.Name == "script" && !t.Attributes.ContainsKey("src"));
        Assert.Contains(tags, t => t.Name == "a" && t.Attributes["href"].Trim().StartsWith("javascript:", StringComparison.Ordinal));
        Assert.Contains(tags, t => t.Name == "style");
        Assert.Equal("alert(1)", ScriptBodyPattern().Match(bad).Groups["body"].Value);
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in AttributePattern().Matches(text))
        {
            var value = m.Groups["value"].Value;
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0]) value = value[1..^1];
            result[m.Groups["name"].Value.ToLowerInvariant()] = WebUtility.HtmlDecode(value);
        }
        return result;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex("""<(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>""")]
    private static partial Regex TagPattern();

    [GeneratedRegex("""(?<name>[^\s=/>]+)(?:\s*=\s*(?<value>"[^"]*"|'[^']*'|[^\s>]+))?""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<script\\b[^>]*>(?<body>.*?)</script\\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptBodyPattern();
}

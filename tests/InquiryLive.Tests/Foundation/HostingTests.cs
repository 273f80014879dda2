using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Foundation;

public sealed class HostingTests
{
    [Fact]
    public async Task App_ReadsTheRootAppsettingsAndServesTheRootWwwroot()
    {
        using var app = new InquiryApp();
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var rootSettings = Path.Combine(InquiryLive.Hosting.ContentRoot.Find(), "appsettings.json");

        Assert.True(File.Exists(rootSettings));
        Assert.Equal("*", configuration["AllowedHosts"]);
        Assert.NotNull(configuration["Serilog:WriteTo:0:Name"]);

        var page = await app.Browser().GetStringAsync("/");
        var rootIndex = await File.ReadAllTextAsync(Path.Combine(InquiryLive.Hosting.ContentRoot.Find(), "wwwroot", "index.html"));
        Assert.Equal(rootIndex, page);
    }

    [Fact]
    public async Task Healthz_ChecksTheDatabase()
    {
        using var app = new InquiryApp();
        var response = await app.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryApiEndpoint()
    {
        using var app = new InquiryApp();
        var doc = await app.Browser().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:[^}]*)?\}", "{$1}"))
            .Select(p => p.TrimEnd('/'))
            .ToHashSet();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(e, paths.Select(p => p.TrimEnd('/'))));
    }

    [Fact]
    public async Task EveryResponse_CarriesAStrictContentSecurityPolicy()
    {
        using var app = new InquiryApp();
        var response = await app.Browser().GetAsync("/");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using QRCoder;

namespace InquiryLive.Tests.Join;

/// <summary>
/// The join QR code and the address printed under it: the operator's public address when one is set,
/// whatever Host header a request carries; otherwise the request's own, kept out of shared caches.
/// </summary>
public sealed class JoinLinkTests
{
    private const string PublicUrl = "https://rd.example.gov.cn";

    [Fact]
    public async Task WithAPublicAddressSet_TheLinkAndTheQrCode_IgnoreTheRequestsHost()
    {
        using var app = new InquiryApp(new() { ["Join:PublicUrl"] = PublicUrl + "/" });
        var sessionId = await app.DemoSessionId();
        var browser = app.Browser();

        var link = await Send(browser, $"/api/sessions/{sessionId}/join", "attacker.example");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Equal($"{PublicUrl}/?s={sessionId}", (await link.Content.ReadFromJsonAsync<JoinLink>())!.Url);

        var qr = await Send(browser, $"/api/sessions/{sessionId}/qr.png", "attacker.example");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal(Encoded($"{PublicUrl}/?s={sessionId}"), await qr.Content.ReadAsByteArrayAsync());
        Assert.True(qr.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task WithoutAPublicAddress_TheRequestsOwnAddressIsUsed_AndTheQrCodeIsNotForSharedCaches()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var browser = app.Browser();

        var link = await Send(browser, $"/api/sessions/{sessionId}/join", "hall.example:8080");
        Assert.Equal($"http://hall.example:8080/?s={sessionId}", (await link.Content.ReadFromJsonAsync<JoinLink>())!.Url);

        var qr = await Send(browser, $"/api/sessions/{sessionId}/qr.png", "hall.example:8080");
        Assert.Equal(Encoded($"http://hall.example:8080/?s={sessionId}"), await qr.Content.ReadAsByteArrayAsync());
        Assert.True(qr.Headers.CacheControl!.Private);
        Assert.False(qr.Headers.CacheControl.Public);
    }

    [Fact]
    public async Task AnUnknownSession_HasNoJoinLink()
    {
        using var app = new InquiryApp();
        var response = await app.Browser().GetAsync($"/api/sessions/{Guid.NewGuid()}/join");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("rd.example.gov.cn")]
    [InlineData("ftp://rd.example.gov.cn")]
    [InlineData("https://rd.example.gov.cn/?s=1")]
    [InlineData("https://user@rd.example.gov.cn")]
    public void AMalformedPublicAddress_StopsTheAppAtStart(string value)
    {
        using var app = new InquiryApp(new() { ["Join:PublicUrl"] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Join:PublicUrl", error.AllMessages());
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    /// <summary>The PNG the app makes for a URL: the same generator and settings, so equal bytes mean the same content.</summary>
    private static byte[] Encoded(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(12);
    }

    private sealed record JoinLink(string Url);
}

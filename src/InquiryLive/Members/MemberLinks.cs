using System.Security.Cryptography;
using System.Text;
using QRCoder;

namespace InquiryLive.Members;

/// <summary>
/// Personal sign-in links for members: a random 32-byte token, shown once to the admin and stored
/// only as its SHA-256 hash. The link carries it in the URL fragment, which browsers never send to
/// a server, so it cannot reach a request log.
/// </summary>
public static class MemberLinks
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when the token matches the stored hash (compared in constant time).</summary>
    public static bool Matches(string token, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    public static string Link(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/member.html#token={token}";

    public static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

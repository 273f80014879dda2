using System.ComponentModel.DataAnnotations;

namespace InquiryLive.Join;

/// <summary>Where the public joins from: the address printed under, and encoded in, the join QR code.</summary>
public sealed class JoinOptions : IValidatableObject
{
    public const string Section = "Join";

    /// <summary>
    /// The public address of the viewer page, e.g. <c>https://rd.example.gov.cn</c>. Unset, the address
    /// the request came in on is used (and the QR image is not cached by shared caches, since a request's
    /// Host header is the client's to choose).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The viewer page of a session, from <see cref="PublicUrl"/>; null when it is unset.</summary>
    public string? ViewerPage(Guid sessionId) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? null : $"{PublicUrl.TrimEnd('/')}/?s={sessionId}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicUrl)) yield break;
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            yield return new ValidationResult(
                $"Join:PublicUrl must be an absolute http(s) address without query, fragment or user name, e.g. https://rd.example.gov.cn (was '{PublicUrl}').",
                [nameof(PublicUrl)]);
        }
    }
}

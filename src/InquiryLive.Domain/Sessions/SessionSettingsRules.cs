namespace InquiryLive.Domain.Sessions;

/// <summary>Limits on what an administrator may set up for a session.</summary>
public static class SessionSettingsRules
{
    /// <summary>A stream address must be an absolute http or https URL (no javascript:, data:, file:).</summary>
    public static bool IsStreamUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsClockSeconds(int seconds) => seconds is >= 10 and <= 3600;

    /// <summary>
    /// A reorder names every item exactly once; anything else (missing, unknown, repeated ids) is refused,
    /// so two admins reordering at once cannot silently drop an item.
    /// </summary>
    public static bool IsPermutation<T>(IReadOnlyCollection<T> current, IReadOnlyCollection<T> requested) where T : notnull =>
        current.Count == requested.Count && requested.Distinct().Count() == requested.Count && !requested.Except(current).Any();
}

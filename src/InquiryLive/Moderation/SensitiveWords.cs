namespace InquiryLive.Moderation;

/// <summary>
/// Finds words of the sensitive-word list in a text, for a moderator's attention. It flags;
/// it never rejects. Matching ignores case and full-width/half-width differences.
/// </summary>
public interface ISensitiveWords
{
    string[] Find(string text);
}

/// <summary>The list from configuration (Moderation:SensitiveWords).</summary>
public sealed class ConfiguredSensitiveWords(IConfiguration configuration) : ISensitiveWords
{
    private readonly string[] _words = (configuration.GetSection("Moderation:SensitiveWords").Get<string[]>() ?? [])
        .Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToArray();

    public string[] Find(string text)
    {
        var folded = Fold(text);
        return _words.Where(w => folded.Contains(Fold(w), StringComparison.Ordinal)).ToArray();
    }

    internal static string Fold(string text) => text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
}

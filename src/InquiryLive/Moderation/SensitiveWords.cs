using InquiryLive.Data;

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
    private readonly string[] _words = Configured(configuration);

    public string[] Find(string text) => FindIn(_words, text);

    internal static string[] Configured(IConfiguration configuration) =>
        (configuration.GetSection("Moderation:SensitiveWords").Get<string[]>() ?? [])
            .Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToArray();

    internal static string[] FindIn(string[] words, string text)
    {
        var folded = Fold(text);
        return words.Where(w => folded.Contains(Fold(w), StringComparison.Ordinal)).ToArray();
    }

    internal static string Fold(string text) => text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
}

/// <summary>
/// The admin-edited list (table SensitiveWords), cached in memory and refreshed when an admin saves
/// it. While the stored list is empty the configured defaults apply.
/// </summary>
public sealed class StoredSensitiveWords(IServiceScopeFactory scopes, IConfiguration configuration) : ISensitiveWords
{
    private readonly string[] _configured = ConfiguredSensitiveWords.Configured(configuration);
    private volatile string[]? _stored;

    public string[] Find(string text) => ConfiguredSensitiveWords.FindIn(Current(), text);

    /// <summary>The words in force now, and whether they come from the stored list.</summary>
    public (string[] Words, bool Stored) List()
    {
        var stored = _stored ?? Load();
        return stored.Length > 0 ? (stored, true) : (_configured, false);
    }

    /// <summary>Called after the table changed.</summary>
    public void Set(string[] stored) => _stored = stored;

    private string[] Current() => List().Words;

    private string[] Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var words = db.SensitiveWords.OrderBy(w => w.Id).Select(w => w.Word).ToArray();
        _stored = words;
        return words;
    }
}

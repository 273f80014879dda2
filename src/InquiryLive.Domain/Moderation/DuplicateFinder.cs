namespace InquiryLive.Domain.Moderation;

/// <summary>A text to compare, with its key (a question id).</summary>
public sealed record SimilarityItem<TKey>(TKey Key, string Text);

/// <summary>A close match and how close it is (Jaccard of character bigrams, 0..1).</summary>
public sealed record SimilarMatch<TKey>(TKey Key, double Score);

/// <summary>
/// Finds near-duplicate questions among many. An inverted index from bigram to the texts holding
/// it means each text is compared only with texts it shares a bigram with, so thousands of
/// questions cluster in well under a second. Clusters are connected components (union-find) of
/// pairs at or above the threshold.
/// </summary>
public sealed class DuplicateFinder<TKey> where TKey : notnull
{
    public const double DefaultThreshold = 0.5;

    private readonly TKey[] _keys;
    private readonly string[][] _grams;
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public DuplicateFinder(IEnumerable<SimilarityItem<TKey>> items)
    {
        var list = items.ToList();
        _keys = list.Select(i => i.Key).ToArray();
        _grams = list.Select(i => TextSimilarity.Bigrams(i.Text).ToArray()).ToArray();
        for (var i = 0; i < _grams.Length; i++)
        {
            foreach (var g in _grams[i])
            {
                if (!_postings.TryGetValue(g, out var posting)) _postings[g] = posting = [];
                posting.Add(i);
            }
        }
    }

    public int Count => _keys.Length;

    /// <summary>The most similar indexed texts to a text (not counting the key given as <paramref name="self"/>).</summary>
    public IReadOnlyList<SimilarMatch<TKey>> Similar(string text, int top = 5, double threshold = DefaultThreshold, TKey? self = default)
    {
        var grams = TextSimilarity.Bigrams(text);
        if (grams.Count == 0) return [];
        var shared = new Dictionary<int, int>();
        foreach (var g in grams)
        {
            if (!_postings.TryGetValue(g, out var posting)) continue;
            foreach (var j in posting) shared[j] = shared.GetValueOrDefault(j) + 1;
        }
        var comparer = EqualityComparer<TKey>.Default;
        return shared
            .Select(p => new SimilarMatch<TKey>(_keys[p.Key], (double)p.Value / (grams.Count + _grams[p.Key].Length - p.Value)))
            .Where(m => m.Score >= threshold && (self is null || !comparer.Equals(m.Key, self)))
            .OrderByDescending(m => m.Score)
            .Take(top)
            .ToList();
    }

    /// <summary>Groups of two or more texts linked by pairs at or above the threshold, largest first.</summary>
    public IReadOnlyList<IReadOnlyList<TKey>> Clusters(double threshold = DefaultThreshold)
    {
        var parent = Enumerable.Range(0, _keys.Length).ToArray();
        var shared = new int[_keys.Length];
        var touched = new List<int>();
        for (var i = 0; i < _keys.Length; i++)
        {
            // Count bigrams shared with every earlier text, through the postings only.
            foreach (var g in _grams[i])
            {
                foreach (var j in _postings[g])
                {
                    if (j >= i) break;
                    if (shared[j]++ == 0) touched.Add(j);
                }
            }
            foreach (var j in touched)
            {
                var score = (double)shared[j] / (_grams[i].Length + _grams[j].Length - shared[j]);
                if (score >= threshold) Union(parent, i, j);
                shared[j] = 0;
            }
            touched.Clear();
        }
        return Enumerable.Range(0, _keys.Length)
            .GroupBy(i => Find(parent, i))
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min())
            .Select(g => (IReadOnlyList<TKey>)g.Select(i => _keys[i]).ToList())
            .ToList();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}

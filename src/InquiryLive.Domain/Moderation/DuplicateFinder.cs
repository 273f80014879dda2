namespace InquiryLive.Domain.Moderation;

/// <summary>A text to compare, with its key (a question id).</summary>
public sealed record SimilarityItem<TKey>(TKey Key, string Text);

/// <summary>A close match and how close it is (Jaccard of character bigrams, 0..1).</summary>
public sealed record SimilarMatch<TKey>(TKey Key, double Score);

/// <summary>
/// Finds near-duplicate questions among many. Clusters are connected components (union-find) of
/// pairs at or above the threshold, found with prefix filtering: bigrams are ordered rarest first,
/// and two texts can only reach the threshold if they share a bigram among the first few of each,
/// so only those pairs are compared exactly. Thousands of questions cluster in well under a second.
/// </summary>
public sealed class DuplicateFinder<TKey> where TKey : notnull
{
    public const double DefaultThreshold = 0.5;

    private readonly TKey[] _keys;
    private readonly long[][] _grams;

    public DuplicateFinder(IEnumerable<SimilarityItem<TKey>> items)
    {
        var list = items.ToList();
        _keys = list.Select(i => i.Key).ToArray();
        _grams = list.Select(i => TextSimilarity.Bigrams(i.Text).ToArray()).ToArray();
    }

    public int Count => _keys.Length;

    /// <summary>The most similar indexed texts to a text (not counting the key given as <paramref name="self"/>).</summary>
    public IReadOnlyList<SimilarMatch<TKey>> Similar(string text, int top = 5, double threshold = DefaultThreshold, TKey? self = default)
    {
        var query = TextSimilarity.Bigrams(text);
        if (query.Count == 0) return [];
        var comparer = EqualityComparer<TKey>.Default;
        var matches = new List<SimilarMatch<TKey>>();
        for (var i = 0; i < _keys.Length; i++)
        {
            var grams = _grams[i];
            // Jaccard can be no more than the smaller set over the larger.
            if (grams.Length == 0 || Math.Min(grams.Length, query.Count) < threshold * Math.Max(grams.Length, query.Count)) continue;
            var shared = 0;
            foreach (var g in grams) if (query.Contains(g)) shared++;
            var score = (double)shared / (query.Count + grams.Length - shared);
            if (score >= threshold && (self is null || !comparer.Equals(_keys[i], self))) matches.Add(new(_keys[i], score));
        }
        return matches.OrderByDescending(m => m.Score).Take(top).ToList();
    }

    /// <summary>Groups of two or more texts linked by pairs at or above the threshold, largest first.</summary>
    public IReadOnlyList<IReadOnlyList<TKey>> Clusters(double threshold = DefaultThreshold)
    {
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold));
        var docs = RankedByRarity();
        var parent = Enumerable.Range(0, docs.Length).ToArray();
        var seen = Enumerable.Repeat(-1, docs.Length).ToArray();
        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < docs.Length; i++)
        {
            var a = docs[i];
            if (a.Length == 0) continue;
            var prefix = PrefixLength(a.Length, threshold);
            for (var p = 0; p < prefix; p++)
            {
                if (!postings.TryGetValue(a[p], out var posting)) continue;
                foreach (var j in posting)
                {
                    if (seen[j] == i) continue;
                    seen[j] = i;
                    var b = docs[j];
                    if (Math.Min(a.Length, b.Length) < threshold * Math.Max(a.Length, b.Length)) continue;
                    if (Jaccard(a, b) >= threshold) Union(parent, i, j);
                }
            }
            for (var p = 0; p < prefix; p++)
            {
                if (!postings.TryGetValue(a[p], out var posting)) postings[a[p]] = posting = [];
                posting.Add(i);
            }
        }
        return Enumerable.Range(0, docs.Length)
            .GroupBy(i => Find(parent, i))
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min())
            .Select(g => (IReadOnlyList<TKey>)g.Select(i => _keys[i]).ToList())
            .ToList();
    }

    /// <summary>Each text's bigrams as ranks in one global order, rarest first, sorted ascending.</summary>
    private int[][] RankedByRarity()
    {
        var frequency = new Dictionary<long, int>();
        foreach (var grams in _grams)
        {
            foreach (var g in grams) frequency[g] = frequency.GetValueOrDefault(g) + 1;
        }
        var rank = new Dictionary<long, int>(frequency.Count);
        foreach (var (gram, _) in frequency.OrderBy(f => f.Value).ThenBy(f => f.Key)) rank[gram] = rank.Count;
        return _grams.Select(grams =>
        {
            var ranks = new int[grams.Length];
            for (var k = 0; k < grams.Length; k++) ranks[k] = rank[grams[k]];
            Array.Sort(ranks);
            return ranks;
        }).ToArray();
    }

    /// <summary>A pair at or above the threshold shares at least ceil(t·|A|) bigrams, so one of A's first |A| − that + 1.</summary>
    private static int PrefixLength(int length, double threshold) =>
        length - (int)Math.Ceiling(threshold * length - 1e-9) + 1;

    private static double Jaccard(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
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

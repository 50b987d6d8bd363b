using System.Collections.Concurrent;
using Lucene.Net.Analysis.Nl;
using SnowballDutch = Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer;

namespace PolicyLens.Learning.Features;

/// <summary>
/// Dutch stems (Snowball's Dutch stemmer from Lucene.Net) and Lucene's Dutch stop words, for
/// folded words (lowercase, no diacritics). Stems are cached: a plan's vocabulary is small and
/// the stemmer is the slow part of featurising. Thread-safe.
/// </summary>
internal static class DutchStems
{
    private const int MaxCached = 200_000;

    [ThreadStatic] private static SnowballDutch? _stemmer;

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CacheBySpan =
        Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    // Lucene's default Dutch stop set (101 function words: de, het, een, en, van, niet, …).
    private static readonly HashSet<string> StopWords =
        DutchAnalyzer.DefaultStopSet.Select(w => w!.ToString()!).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopBySpan =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(ReadOnlySpan<char> word) => StopBySpan.Contains(word);

    /// <summary>The stem of a folded word ("ontmoetingen" → "ontmoet").</summary>
    public static string Stem(ReadOnlySpan<char> word)
    {
        if (CacheBySpan.TryGetValue(word, out var cached)) return cached;
        var text = new string(word);
        var stemmer = _stemmer ??= new SnowballDutch();
        stemmer.SetCurrent(text);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (Cache.Count < MaxCached) Cache.TryAdd(text, stem);
        return stem;
    }
}

using System.Buffers;
using PolicyLens.Tagging;

namespace PolicyLens.Learning.Features;

/// <summary>Which feature families describe a passage; the defaults are what grouped cross-validation chose.</summary>
public sealed record FeatureOptions
{
    /// <summary>Stems of the passage's content words ("w:ontmoet"); stop words are left out.</summary>
    public bool Words { get; init; } = true;

    /// <summary>Pairs of adjacent content-word stems ("b:vrijwillig|inzet").</summary>
    public bool Bigrams { get; init; } = true;

    /// <summary>
    /// Length of the character n-grams taken from long words ("c:tmoet"), so the parts of Dutch
    /// compounds (buurtontmoetingscentrum) count; 0 turns them off.
    /// </summary>
    public int CharNgramLength { get; init; } = 5;

    /// <summary>Only words at least this long (compounds) give character n-grams.</summary>
    public int CharNgramMinWordLength { get; init; } = 8;

    /// <summary>Stems of the words of the passage's headings ("h:eenzam").</summary>
    public bool HeadingWords { get; init; } = true;

    /// <summary>
    /// Scale the word features of a passage to unit length (1/√n each), so a long passage does not
    /// outweigh a short one by its length alone; rule features keep the value 1.
    /// </summary>
    public bool Normalize { get; init; } = false;

    /// <summary>The rule set's verdicts as features: each label it gives ("t:element:bezig-zijn") and each rule that fired ("r:…").</summary>
    public bool RuleHits { get; init; } = true;

    /// <summary>A fingerprint of the options, recorded in the model file.</summary>
    public string Describe() =>
        $"words={Words};bigrams={Bigrams};char={CharNgramLength}/{CharNgramMinWordLength};headings={HeadingWords};rules={RuleHits};norm={Normalize}";
}

/// <summary>Where one feature stands in the passage (or in one of its headings), for evidence.</summary>
public readonly record struct FeatureOccurrence(ulong Key, EvidenceSource Source, int HeadingIndex, int Start, int End);

/// <summary>The features of one passage: distinct keys with their values, and every occurrence with its span.</summary>
public sealed class FeatureBag
{
    public Dictionary<ulong, float> Values { get; } = new();
    public List<FeatureOccurrence> Occurrences { get; } = new();

    public void Clear()
    {
        Values.Clear();
        Occurrences.Clear();
    }
}

/// <summary>
/// Turns a passage (text, headings) and the rule set's tags for it into sparse binary features.
/// Works on the folded text of <see cref="DutchText"/>, so spans are spans of the original text.
/// Thread-safe; one instance serves every thread.
/// </summary>
public sealed class PassageFeaturizer
{
    [ThreadStatic] private static KeyBuffer? _key;
    [ThreadStatic] private static char[]? _word;
    [ThreadStatic] private static char[]? _padded;

    public PassageFeaturizer(FeatureOptions? options = null) => Options = options ?? new FeatureOptions();

    public FeatureOptions Options { get; }

    /// <summary>
    /// Fills <paramref name="bag"/> with the features of <paramref name="input"/>. When
    /// <paramref name="names"/> is given, the readable key of every feature is recorded there
    /// (training needs them for the model file; tagging does not). When <paramref name="known"/> is
    /// given, features outside it are dropped as they are met: a model gives them no weight, and
    /// tagging then spends nothing on them.
    /// </summary>
    public void Extract(TaggingInput input, IReadOnlyList<PassageTag> ruleTags, FeatureBag bag, IDictionary<ulong, string>? names = null,
        IReadOnlyDictionary<ulong, int>? known = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ruleTags);
        ArgumentNullException.ThrowIfNull(bag);
        bag.Clear();
        var key = _key ??= new KeyBuffer();
        AddText(input.Text, EvidenceSource.Passage, -1, bag, key, names, known);
        if (Options.HeadingWords)
            for (var h = 0; h < input.Headings.Count; h++)
                AddText(input.Headings[h] ?? "", EvidenceSource.Heading, h, bag, key, names, known);
        if (Options.Normalize && bag.Values.Count > 0)
        {
            var scale = (float)(1 / Math.Sqrt(bag.Values.Count));
            foreach (var k in bag.Values.Keys) bag.Values[k] = scale;
        }
        if (Options.RuleHits)
            foreach (var tag in ruleTags)
            {
                key.Start("t:").Append(tag.Dimension).Append(':').Append(tag.Label);
                var tagKnown = Add(key, bag, names, known, out var tagKey);
                foreach (var e in tag.Evidence)
                {
                    if (tagKnown) bag.Occurrences.Add(new(tagKey, e.Source, e.HeadingIndex, e.Start, e.End));
                    key.Start(e.Source == EvidenceSource.Heading ? "rh:" : "r:").Append(e.RuleId);
                    if (Add(key, bag, names, known, out var ruleKey))
                        bag.Occurrences.Add(new(ruleKey, e.Source, e.HeadingIndex, e.Start, e.End));
                }
            }
    }

    /// <summary>Adds the feature in <paramref name="key"/>; false when it is not among the known ones (and so not added).</summary>
    private static bool Add(KeyBuffer key, FeatureBag bag, IDictionary<ulong, string>? names, IReadOnlyDictionary<ulong, int>? known, out ulong hash)
    {
        hash = key.Hash();
        if (known is not null && !known.ContainsKey(hash)) return false;
        bag.Values[hash] = 1f;
        if (names is not null && !names.ContainsKey(hash)) names[hash] = key.ToString();
        return true;
    }

    private void AddText(string text, EvidenceSource source, int headingIndex, FeatureBag bag, KeyBuffer key, IDictionary<ulong, string>? names,
        IReadOnlyDictionary<ulong, int>? known)
    {
        if (text.Length == 0) return;
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            DutchText.Fold(text, folded);
            var words = source == EvidenceSource.Heading ? "h:" : "w:";
            string? previous = null;
            var previousStart = 0;
            var i = 0;
            var n = text.Length;
            while (i < n)
            {
                while (i < n && folded[i] == ' ') i++;
                if (i >= n) break;
                var start = i;
                while (i < n && folded[i] != ' ') i++;
                var end = i;
                var word = Word(folded.AsSpan(start, end - start));
                if (word.Length < 2 || HasDigit(word) || DutchStems.IsStopWord(word)) continue;
                var stem = DutchStems.Stem(word);
                if (Options.Words || source == EvidenceSource.Heading)
                {
                    if (Add(key.Start(words).Append(stem), bag, names, known, out var k))
                        bag.Occurrences.Add(new(k, source, headingIndex, start, end));
                }
                if (source == EvidenceSource.Heading) continue;
                if (Options.Bigrams && previous is not null)
                {
                    if (Add(key.Start("b:").Append(previous).Append('|').Append(stem), bag, names, known, out var k))
                        bag.Occurrences.Add(new(k, source, headingIndex, previousStart, end));
                }
                previous = stem;
                previousStart = start;
                if (Options.CharNgramLength > 0 && word.Length >= Options.CharNgramMinWordLength)
                {
                    var g = Options.CharNgramLength;
                    // Padded with word boundaries so "<buurt" (a word start) differs from "buurt" inside a word.
                    var padded = Padded(word.Length + 2);
                    padded[0] = '<';
                    word.CopyTo(padded[1..]);
                    padded[^1] = '>';
                    for (var s = 0; s + g <= padded.Length; s++)
                    {
                        if (Add(key.Start("c:").Append(padded.Slice(s, g)), bag, names, known, out var k))
                            bag.Occurrences.Add(new(k, source, headingIndex, start, end));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    /// <summary>The word without soft-hyphen joiners (they are invisible inside a word).</summary>
    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> token)
    {
        if (token.IndexOf(DutchText.Joiner) < 0) return token;
        var buffer = _word is { } w && w.Length >= token.Length ? w : _word = new char[Math.Max(64, token.Length)];
        var length = 0;
        foreach (var c in token)
            if (c != DutchText.Joiner) buffer[length++] = c;
        return buffer.AsSpan(0, length);
    }

    private static Span<char> Padded(int length)
    {
        if (_padded is null || _padded.Length < length) _padded = new char[Math.Max(64, length * 2)];
        return _padded.AsSpan(0, length);
    }

    private static bool HasDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (c is >= '0' and <= '9') return true;
        return false;
    }
}

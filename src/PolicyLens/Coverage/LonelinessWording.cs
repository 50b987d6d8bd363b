using System.Buffers;
using System.Text.RegularExpressions;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// How a passage words loneliness, read from its text independent of the rules (seeds/002 table 2:
/// most local governments do not tell loneliness, a subjective feeling, from social isolation, few
/// contacts). The plan summary carries the result so checks can compare the two.
/// </summary>
internal static partial class LonelinessWording
{
    // On folded text (lowercase, no diacritics). "eenzaam" also matches eenzaamheid(sgevoel), not vereenzaming.
    [GeneratedRegex(@"eenzaam", RegexOptions.CultureInvariant)]
    private static partial Regex FeelingWord();

    [GeneratedRegex(@"isolement|geisoleerd|vereenzam|contactarm", RegexOptions.CultureInvariant)]
    private static partial Regex IsolationWord();

    // What shows the feeling is meant: how one feels or experiences it, or an explicit contrast with contacts.
    [GeneratedRegex(@"\bvoel|gevoel|\bervaren|\bbeleef|\bbeleving|subjectie|objectie|onderscheid|niet hetzelfde|verschil tussen|aantal contacten", RegexOptions.CultureInvariant)]
    private static partial Regex DistinctionCue();

    /// <summary>The wording of one text. Folding reuses <paramref name="buffer"/> (rented from the shared pool, grown when needed).</summary>
    public static (bool LonelinessWord, bool IsolationWord, bool DescribesFeeling) Of(string text, ref char[] buffer)
    {
        // Cheap vectorised pre-check on the raw text; most passages mention neither and skip folding.
        if (!MayMention(text)) return default;
        if (buffer.Length < text.Length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(text.Length);
        }
        var folded = buffer.AsSpan(0, text.Length);
        DutchText.Fold(text, folded);
        var word = FeelingWord().IsMatch(folded);
        return (word, IsolationWord().IsMatch(folded), word && DistinctionCue().IsMatch(folded));
    }

    /// <summary>
    /// True when the text may hold a feeling or isolation word: every such word contains "eenza",
    /// "isol"/"solee" (geïsoleerd) or "contactarm" in any case. False negatives are impossible
    /// for the patterns above, so the folded check stays the judge.
    /// </summary>
    private static bool MayMention(string text) => text.AsSpan().ContainsAny(Stems);

    // One vectorised multi-string search instead of four case-insensitive scans: every passage of every plan passes here.
    private static readonly SearchValues<string> Stems = SearchValues.Create(["eenza", "isol", "solee", "contactarm"], StringComparison.OrdinalIgnoreCase);
}

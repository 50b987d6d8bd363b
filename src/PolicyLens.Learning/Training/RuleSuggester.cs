using PolicyLens.Learning.Features;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Training;

/// <summary>A word or phrase that is frequent in a label's passages and rare elsewhere.</summary>
/// <param name="Term">The phrase in rule syntax (stems with a star), ready for a rule file.</param>
/// <param name="Example">The form most often seen in the text.</param>
/// <param name="Positives">Passages with the label that contain it.</param>
/// <param name="Negatives">Passages without the label that contain it.</param>
/// <param name="Documents">Documents among the positives: a phrase of one document says little.</param>
/// <param name="HeldOutPrecision">Precision per held-out fold, averaged over the folds where it occurs: does it carry over to other documents?</param>
/// <param name="CoveredByRules">True when the rules already give the label to the phrase on its own.</param>
public sealed record RuleSuggestion(string Dimension, string Label, string Term, string Example, int Positives, int Negatives,
    int Documents, double HeldOutPrecision, int FoldsSeen, bool CoveredByRules)
{
    public double Precision => Positives + Negatives == 0 ? 0 : (double)Positives / (Positives + Negatives);
}

/// <summary>Options of <see cref="RuleSuggester"/>; defaults documented on each.</summary>
public sealed record SuggestOptions
{
    /// <summary>Longest phrase in words (default 3).</summary>
    public int MaxWords { get; init; } = 3;

    /// <summary>A phrase needs at least this many positive passages (default 3).</summary>
    public int MinPositives { get; init; } = 3;

    /// <summary>… from at least this many documents (default 2).</summary>
    public int MinDocuments { get; init; } = 2;

    /// <summary>Suggestions per label (default 15).</summary>
    public int Top { get; init; } = 15;

    /// <summary>Folds by document for the held-out precision (default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Leave out phrases the rules already cover (default true).</summary>
    public bool HideCovered { get; init; } = true;
}

/// <summary>
/// Helps a person extend the rule files: per label, the stemmed words and phrases that are
/// frequent in its gold passages and rare elsewhere, ranked by the lower bound of the Wilson
/// interval of their precision, with the precision they keep on held-out documents.
/// </summary>
public static class RuleSuggester
{
    public static IReadOnlyList<RuleSuggestion> Suggest(IReadOnlyList<GoldPassage> gold, RuleTagger rules, string dimension, string label,
        SuggestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(rules);
        var o = options ?? new SuggestOptions();
        var scored = gold.Where(g => g.Labels.ContainsKey(dimension)).ToArray();
        if (scored.Length == 0) return [];
        var folds = Math.Min(o.Folds, scored.Select(CrossValidation.GroupOf).Distinct().Count());
        var foldOf = folds >= 2 ? GroupedFolds.Assign(scored, CrossValidation.GroupOf, folds) : new int[scored.Length];
        var stats = new Dictionary<string, Stat>(StringComparer.Ordinal);
        for (var i = 0; i < scored.Length; i++)
        {
            var positive = scored[i].Labels[dimension].Contains(label, StringComparer.Ordinal);
            foreach (var (key, surface) in Phrases(scored[i].Text, o.MaxWords))
            {
                if (!stats.TryGetValue(key, out var s)) stats[key] = s = new Stat(Math.Max(folds, 1));
                s.Add(positive, CrossValidation.GroupOf(scored[i]), surface, foldOf[i]);
            }
        }
        var result = new List<RuleSuggestion>();
        foreach (var (key, s) in stats)
        {
            if (s.Positives < o.MinPositives || s.Documents.Count < o.MinDocuments) continue;
            var example = s.Surfaces.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            var covered = rules.Tag(new TaggingInput(example)).Any(t => t.Dimension == dimension && t.Label == label);
            if (covered && o.HideCovered) continue;
            var perFold = Enumerable.Range(0, s.FoldPositives.Length).Where(f => s.FoldPositives[f] + s.FoldNegatives[f] > 0)
                .Select(f => (double)s.FoldPositives[f] / (s.FoldPositives[f] + s.FoldNegatives[f])).ToArray();
            result.Add(new RuleSuggestion(dimension, label, TermOf(s.Surfaces.Keys), example, s.Positives, s.Negatives,
                s.Documents.Count, perFold.Length == 0 ? 0 : perFold.Average(), perFold.Length, covered));
        }
        return result.OrderByDescending(r => Wilson(r.Positives, r.Positives + r.Negatives)).ThenBy(r => r.Term, StringComparer.Ordinal)
            .Take(o.Top).ToArray();
    }

    /// <summary>
    /// The phrase in rule syntax: per word, the letters all seen forms share, with a star when the
    /// forms differ (vereniging, verenigingen → "vereniging*"); stems are not always prefixes of
    /// the words (creëren → "crer"), so the term is built from what the text holds.
    /// </summary>
    private static string TermOf(IEnumerable<string> surfaces)
    {
        var forms = surfaces.Select(x => x.Split(' ')).ToArray();
        var words = new List<string>();
        for (var w = 0; w < forms[0].Length; w++)
        {
            var first = forms[0][w];
            var common = forms.Aggregate(first, (prefix, f) =>
            {
                var n = 0;
                while (n < prefix.Length && n < f[w].Length && prefix[n] == f[w][n]) n++;
                return prefix[..n];
            });
            words.Add(forms.All(f => f[w] == first) ? first : common + "*");
        }
        return string.Join(' ', words);
    }

    /// <summary>Lower bound of the 95% Wilson score interval: precision discounted for small counts.</summary>
    private static double Wilson(int positives, int n)
    {
        if (n == 0) return 0;
        const double z = 1.96;
        var p = (double)positives / n;
        return (p + z * z / (2 * n) - z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n))) / (1 + z * z / n);
    }

    /// <summary>Distinct stemmed phrases of 1…maxWords words that neither start nor end with a stop word.</summary>
    private static IEnumerable<(string Key, string Surface)> Phrases(string text, int maxWords)
    {
        var folded = DutchText.Fold(text);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace(DutchText.Joiner.ToString(), "", StringComparison.Ordinal))
            .Where(w => w.Length > 1 && !w.Any(char.IsDigit)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            for (var n = 1; n <= maxWords && i + n <= words.Length; n++)
            {
                if (DutchStems.IsStopWord(words[i]) || DutchStems.IsStopWord(words[i + n - 1])) continue;
                var key = string.Join(' ', words.Skip(i).Take(n).Select(w => DutchStems.IsStopWord(w) ? w : DutchStems.Stem(w)));
                if (seen.Add(key)) yield return (key, string.Join(' ', words.Skip(i).Take(n)));
            }
    }

    private sealed class Stat(int folds)
    {
        public int Positives;
        public int Negatives;
        public readonly HashSet<string> Documents = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> Surfaces = new(StringComparer.Ordinal);
        public readonly int[] FoldPositives = new int[folds];
        public readonly int[] FoldNegatives = new int[folds];

        public void Add(bool positive, string document, string surface, int fold)
        {
            if (positive)
            {
                Positives++;
                FoldPositives[fold]++;
                Documents.Add(document);
            }
            else
            {
                Negatives++;
                FoldNegatives[fold]++;
            }
            Surfaces[surface] = Surfaces.GetValueOrDefault(surface) + 1;
        }
    }
}

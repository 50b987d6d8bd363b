using System.Buffers;

namespace PolicyLens.Tagging;

/// <summary>
/// Tags passages with the labels of a <see cref="RuleSet"/>. The rule set is compiled once into a
/// single matcher; tagging a passage is one pass over its folded text (plus one per heading), so
/// the cost is linear in the text length. Immutable after construction: one instance can serve
/// every thread of the application.
/// </summary>
public sealed class RuleTagger : IPassageTagger
{
    /// <summary>Per-thread working lists, reused between passages to keep tagging allocation-light.</summary>
    private sealed class Scratch
    {
        public readonly List<TermMatch> Matches = new();
        public readonly List<(int Start, int End)> Tokens = new();
        public readonly List<(int Term, int Start, int End, int Token)> FirstWordHits = new();
        public readonly List<(int Rule, TermRole Role, int Match, string Written)> Hits = new();
        public readonly List<(int Rule, int Match, string Written)> Candidates = new();
        public readonly List<(int Rule, int Match, string Written)> Kept = new();
        public readonly List<(int Match, string Written)> Positives = new();
        public readonly List<TermMatch> Negatives = new();
        public readonly List<TermMatch> Nears = new();
        public readonly HashSet<(int, int)> Spans = new();
    }

    [ThreadStatic] private static Scratch? _scratch;

    private sealed record CompiledRule(int Label, string FullId, double Weight, int NotWithin, int NearWithin, bool HasNear, bool HasRequires);

    private readonly LabelRules[] _labels;
    private readonly int[] _labelDimension;
    private readonly CompiledRule[] _rules;
    private readonly int[][] _rulesByLabel;
    private readonly RuleMatcher _matcher;
    private readonly int _maxWordsPerTerm;
    private readonly string[] _dimensions;
    private readonly int[][] _labelsInEvaluationOrder;

    public RuleTagger(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RuleSet = ruleSet;
        _labels = ruleSet.Labels.ToArray();
        Labels = _labels.Select(l => l.ToInfo()).ToArray();
        _dimensions = _labels.Select(l => l.Dimension).Distinct().ToArray();
        _labelDimension = _labels.Select(l => Array.IndexOf(_dimensions, l.Dimension)).ToArray();

        var rules = new List<CompiledRule>();
        var rulesByLabel = new int[_labels.Length][];
        var terms = new List<TermPattern>();
        var uses = new List<List<TermUse>>();
        var termIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        void Use(string written, int rule, TermRole role)
        {
            var pattern = TermPattern.Parse(written);
            if (!termIndex.TryGetValue(pattern.Key, out var t))
            {
                t = terms.Count;
                termIndex[pattern.Key] = t;
                terms.Add(pattern);
                uses.Add(new());
            }
            uses[t].Add(new TermUse(rule, role, written));
        }
        for (var l = 0; l < _labels.Length; l++)
        {
            var label = _labels[l];
            var mine = new List<int>();
            foreach (var rule in label.Rules)
            {
                var r = rules.Count;
                mine.Add(r);
                rules.Add(new CompiledRule(l, $"{label.FullId}.{rule.Id}", rule.Weight, rule.NotWithin, rule.NearWithin,
                    rule.Near.Count > 0, rule.Requires.Count > 0));
                foreach (var term in rule.Terms) Use(term, r, TermRole.Positive);
                foreach (var term in rule.Not.Concat(label.Not)) Use(term, r, TermRole.Negative);
                foreach (var term in rule.Near) Use(term, r, TermRole.Near);
                foreach (var term in rule.Requires) Use(term, r, TermRole.Requires);
            }
            rulesByLabel[l] = mine.ToArray();
        }
        _rules = rules.ToArray();
        _rulesByLabel = rulesByLabel;
        _matcher = new RuleMatcher(terms, uses);
        _maxWordsPerTerm = terms.Count == 0 ? 1 : terms.Max(t => t.Words.Count);

        var requires = _dimensions.ToDictionary(d => d,
            d => _labels.Where(l => l.Dimension == d).SelectMany(l => l.RequiresTags).Distinct().ToArray(), StringComparer.Ordinal);
        var order = RuleSet.DimensionOrder(requires) ?? throw new RuleSetException([new(null, "", "requires_tags form a cycle")]);
        _labelsInEvaluationOrder = order
            .Select(d => Enumerable.Range(0, _labels.Length).Where(i => _labels[i].Dimension == d).ToArray())
            .ToArray();
        TermCount = terms.Count;
    }

    public RuleSet RuleSet { get; }
    public string RuleSetVersion => RuleSet.Version;
    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>Distinct terms compiled into the matcher (for diagnostics).</summary>
    public int TermCount { get; }

    /// <summary>Tags a single text without headings.</summary>
    public IReadOnlyList<PassageTag> Tag(string text) => Tag(new TaggingInput(text));

    public IReadOnlyList<PassageTag> Tag(TaggingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fired = new Dictionary<int, List<Evidence>>();
        var passageRules = new HashSet<int>();
        var headingRules = new HashSet<int>();
        Collect(input.Text, EvidenceSource.Passage, -1, 1.0, fired, passageRules);
        var headingWeight = RuleSet.Options.HeadingWeight;
        if (headingWeight > 0)
            for (var h = 0; h < input.Headings.Count; h++)
                Collect(input.Headings[h] ?? "", EvidenceSource.Heading, h, headingWeight, fired, headingRules);

        var tags = new PassageTag?[_labels.Length];
        var dimensionHasTag = new bool[_dimensions.Length];
        foreach (var group in _labelsInEvaluationOrder)
        {
            List<int>? fallbacks = null;
            foreach (var l in group)
            {
                var label = _labels[l];
                if (!RequiredTagsPresent(label, dimensionHasTag)) continue;
                if (label.Fallback) (fallbacks ??= new List<int>()).Add(l);
                var score = 0.0;
                List<Evidence>? evidence = null;
                if (fired.Count > 0)
                    foreach (var r in _rulesByLabel[l])
                    {
                        if (!fired.TryGetValue(r, out var ev)) continue;
                        var w = _rules[r].Weight;
                        score += passageRules.Contains(r) ? w : w * headingWeight;
                        (evidence ??= new List<Evidence>()).AddRange(ev);
                    }
                if (evidence is not null && score > 0 && score >= label.Threshold - 1e-9)
                {
                    tags[l] = new PassageTag(label.Dimension, label.Id, Math.Round(score, 6), evidence);
                    dimensionHasTag[_labelDimension[l]] = true;
                }
            }
            if (fallbacks is null) continue;
            foreach (var l in fallbacks)
            {
                if (tags[l] is not null) continue;
                var label = _labels[l];
                if (AnyOtherTag(group, l, tags)) continue;
                var basis = BasisEvidence(label, tags);
                if (basis.Count == 0) continue;
                tags[l] = new PassageTag(label.Dimension, label.Id, label.Threshold, basis);
                dimensionHasTag[_labelDimension[l]] = true;
            }
        }
        if (fired.Count == 0 && !dimensionHasTag.Any(x => x)) return [];
        return tags.OfType<PassageTag>().ToArray();
    }

    private static bool AnyOtherTag(int[] group, int self, PassageTag?[] tags)
    {
        foreach (var o in group)
            if (o != self && tags[o] is not null) return true;
        return false;
    }

    private bool RequiredTagsPresent(LabelRules label, bool[] dimensionHasTag)
    {
        foreach (var dimension in label.RequiresTags)
        {
            var d = Array.IndexOf(_dimensions, dimension);
            if (d >= 0 && dimensionHasTag[d]) return true;
        }
        return label.RequiresTags.Count == 0;
    }

    /// <summary>Evidence of a fallback label: the first evidence of each tag it builds on.</summary>
    private List<Evidence> BasisEvidence(LabelRules label, PassageTag?[] tags)
    {
        var basis = new List<Evidence>();
        foreach (var tag in tags)
        {
            if (tag is null || !label.RequiresTags.Contains(tag.Dimension)) continue;
            var first = tag.Evidence[0];
            basis.Add(new Evidence($"{label.FullId}.fallback", $"{tag.Dimension}:{tag.Label}", first.MatchedText,
                first.Start, first.Length, label.Threshold, first.Source, first.HeadingIndex));
        }
        return basis;
    }

    /// <summary>Finds the rules that fire in one text and appends their evidence.</summary>
    private void Collect(string text, EvidenceSource source, int headingIndex, double factor,
        Dictionary<int, List<Evidence>> fired, HashSet<int> firedHere)
    {
        if (text.Length == 0) return;
        var buffer = RuleMatcher.FoldPooled(text);
        try
        {
            var folded = buffer.AsSpan(0, text.Length);
            var scratch = _scratch ??= new Scratch();
            var matches = scratch.Matches;
            _matcher.Scan(folded, matches, scratch.Tokens, scratch.FirstWordHits);
            if (matches.Count == 0) return;

            var hits = scratch.Hits;
            hits.Clear();
            for (var m = 0; m < matches.Count; m++)
                foreach (var use in _matcher.UsesByTerm[matches[m].Term])
                    hits.Add((use.Rule, use.Role, m, use.Written));
            hits.Sort((a, b) =>
            {
                var c = a.Rule.CompareTo(b.Rule);
                if (c != 0) return c;
                c = a.Role.CompareTo(b.Role);
                if (c != 0) return c;
                c = matches[a.Match].LiteralStart.CompareTo(matches[b.Match].LiteralStart);
                return c != 0 ? c : a.Match.CompareTo(b.Match);
            });

            var candidates = scratch.Candidates;
            candidates.Clear();
            var positives = scratch.Positives;
            var negatives = scratch.Negatives;
            var nears = scratch.Nears;
            var i = 0;
            while (i < hits.Count)
            {
                var rule = hits[i].Rule;
                positives.Clear();
                negatives.Clear();
                nears.Clear();
                var hasRequired = false;
                for (; i < hits.Count && hits[i].Rule == rule; i++)
                {
                    var (_, role, m, written) = hits[i];
                    switch (role)
                    {
                        case TermRole.Positive: positives.Add((m, written)); break;
                        case TermRole.Negative: negatives.Add(matches[m]); break;
                        case TermRole.Near: nears.Add(matches[m]); break;
                        default: hasRequired = true; break;
                    }
                }
                var compiled = _rules[rule];
                if (positives.Count == 0 || compiled.HasRequires && !hasRequired) continue;
                foreach (var (m, written) in positives)
                {
                    var match = matches[m];
                    if (AnyWithin(match, negatives, compiled.NotWithin)) continue;
                    if (compiled.HasNear && !AnyWithin(match, nears, compiled.NearWithin)) continue;
                    candidates.Add((rule, m, written));
                }
            }
            if (candidates.Count == 0) return;

            // Longest match wins within a dimension: a match whose literal lies strictly inside a
            // longer match of the same dimension ("buurt" inside "zorgzame buurt") is dropped.
            candidates.Sort((a, b) =>
            {
                var c = _labelDimension[_rules[a.Rule].Label].CompareTo(_labelDimension[_rules[b.Rule].Label]);
                if (c != 0) return c;
                var ma = matches[a.Match];
                var mb = matches[b.Match];
                c = ma.LiteralStart.CompareTo(mb.LiteralStart);
                if (c != 0) return c;
                c = mb.LiteralEnd.CompareTo(ma.LiteralEnd);
                return c != 0 ? c : a.Rule.CompareTo(b.Rule);
            });
            var kept = scratch.Kept;
            kept.Clear();
            var dimension = -1;
            int maxEnd = -1, startOfMax = -1;
            foreach (var candidate in candidates)
            {
                var d = _labelDimension[_rules[candidate.Rule].Label];
                var match = matches[candidate.Match];
                if (d != dimension)
                {
                    dimension = d;
                    maxEnd = -1;
                    startOfMax = -1;
                }
                var contained = maxEnd > match.LiteralEnd || maxEnd == match.LiteralEnd && startOfMax < match.LiteralStart;
                if (match.LiteralEnd > maxEnd)
                {
                    maxEnd = match.LiteralEnd;
                    startOfMax = match.LiteralStart;
                }
                if (!contained) kept.Add(candidate);
            }
            kept.Sort((a, b) => a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule) : matches[a.Match].LiteralStart.CompareTo(matches[b.Match].LiteralStart));

            var max = RuleSet.Options.MaxEvidencePerRule;
            var perRule = 0;
            var lastRule = -1;
            var spans = scratch.Spans;
            foreach (var (rule, m, written) in kept)
            {
                if (rule != lastRule)
                {
                    lastRule = rule;
                    perRule = 0;
                    spans.Clear();
                    firedHere.Add(rule);
                }
                var match = matches[m];
                // Two terms of one rule on the same words ("wantrouwen", "*trouwen") are one piece of evidence.
                if (!spans.Add((match.DisplayStart, match.DisplayEnd))) continue;
                if (++perRule > max) continue;
                if (!fired.TryGetValue(rule, out var list)) fired[rule] = list = new List<Evidence>();
                list.Add(new Evidence(_rules[rule].FullId, written,
                    text.Substring(match.DisplayStart, match.DisplayEnd - match.DisplayStart),
                    match.DisplayStart, match.DisplayEnd - match.DisplayStart,
                    _rules[rule].Weight * factor, source, headingIndex));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True when some match of <paramref name="others"/> (sorted by position) overlaps
    /// <paramref name="match"/> or lies within <paramref name="window"/> words of it.
    /// </summary>
    private bool AnyWithin(TermMatch match, List<TermMatch> others, int window)
    {
        if (others.Count == 0) return false;
        // Binary search for the first candidate that could reach back to the match.
        var lowToken = match.FirstToken - window - _maxWordsPerTerm;
        int lo = 0, hi = others.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (others[mid].FirstToken < lowToken) lo = mid + 1; else hi = mid;
        }
        for (var j = lo; j < others.Count && others[j].FirstToken <= match.LastToken + window; j++)
        {
            var o = others[j];
            if (o.LiteralStart < match.LiteralEnd && match.LiteralStart < o.LiteralEnd) return true;
            if (window == 0) continue;
            var distance = Math.Max(0, Math.Max(o.FirstToken - match.LastToken, match.FirstToken - o.LastToken));
            if (distance <= window) return true;
        }
        return false;
    }
}

using System.Buffers;

namespace PolicyLens.Tagging;

/// <summary>How a term is used by a rule.</summary>
internal enum TermRole : byte
{
    Positive,
    Negative,
    Near,
    Requires,
}

/// <summary>One occurrence of a term in a text, in folded-text coordinates.</summary>
internal readonly record struct TermMatch(int Term, int LiteralStart, int LiteralEnd, int FirstToken, int LastToken, int DisplayStart, int DisplayEnd);

/// <summary>A rule's use of a term, after compilation.</summary>
internal readonly record struct TermUse(int Rule, TermRole Role, string Written);

/// <summary>
/// The whole rule set compiled into one Aho–Corasick automaton over the first word of every
/// distinct term (positive, negative, proximity and co-occurrence terms alike), so one pass over
/// a text finds every candidate; later words of phrases and word boundaries are checked only at
/// those candidates.
/// </summary>
internal sealed class RuleMatcher
{
    private readonly AhoCorasick _automaton;
    private readonly TermPattern[] _terms;
    private readonly int[][] _termsByPattern;
    public readonly TermUse[][] UsesByTerm;

    public RuleMatcher(IReadOnlyList<TermPattern> terms, IReadOnlyList<IReadOnlyList<TermUse>> uses)
    {
        _terms = terms.ToArray();
        UsesByTerm = uses.Select(u => u.ToArray()).ToArray();
        var literals = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPattern = new List<List<int>>();
        for (var t = 0; t < _terms.Length; t++)
        {
            var literal = _terms[t].Words[0].Literal;
            if (!index.TryGetValue(literal, out var p))
            {
                p = literals.Count;
                index[literal] = p;
                literals.Add(literal);
                byPattern.Add(new());
            }
            byPattern[p].Add(t);
        }
        _automaton = new AhoCorasick(literals);
        _termsByPattern = byPattern.Select(l => l.ToArray()).ToArray();
    }

    public TermPattern Term(int index) => _terms[index];

    /// <summary>
    /// Finds every term occurrence in <paramref name="folded"/>, in order of position. Linear in
    /// the text length plus the number of candidates.
    /// </summary>
    public void Scan(ReadOnlySpan<char> folded, List<TermMatch> matches, List<(int Start, int End)> tokens,
        List<(int Term, int Start, int End, int Token)> firstWordHits)
    {
        matches.Clear();
        tokens.Clear();
        firstWordHits.Clear();
        var state = 0;
        var tokenStart = -1;
        var joinerInToken = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == ' ')
            {
                if (tokenStart >= 0)
                {
                    tokens.Add((tokenStart, i));
                    tokenStart = -1;
                }
                state = 0;
                continue;
            }
            if (tokenStart < 0)
            {
                tokenStart = i;
                joinerInToken = false;
            }
            if (c == DutchText.Joiner)
            {
                joinerInToken = true;
                continue;
            }
            state = _automaton.Step(state, c);
            var outputs = _automaton.OutputsOf(state);
            if (outputs.IsEmpty) continue;
            var endsWord = i + 1 == folded.Length || folded[i + 1] == ' ';
            foreach (var p in outputs)
            {
                var length = _automaton.PatternLengths[p];
                var start = joinerInToken ? StartSkippingJoiners(folded, i, length) : i - length + 1;
                var startsWord = start == tokenStart;
                foreach (var t in _termsByPattern[p])
                {
                    var word = _terms[t].Words[0];
                    if (!word.OpenStart && !startsWord) continue;
                    if (!word.OpenEnd && !endsWord) continue;
                    firstWordHits.Add((t, start, i + 1, tokens.Count));
                }
            }
        }
        if (tokenStart >= 0) tokens.Add((tokenStart, folded.Length));

        foreach (var (t, start, end, token) in firstWordHits)
        {
            var words = _terms[t].Words;
            var last = token;
            var literalEnd = end;
            var ok = true;
            for (var w = 1; w < words.Count && ok; w++)
            {
                last = token + w;
                if (last >= tokens.Count) { ok = false; break; }
                var (ts, te) = tokens[last];
                var at = words[w].MatchIn(folded[ts..te]);
                if (at < 0) ok = false;
                else literalEnd = ts + at + words[w].Literal.Length;
            }
            if (!ok) continue;
            matches.Add(new TermMatch(t, start, literalEnd, token, last, tokens[token].Start, tokens[last].End));
        }
    }

    private static int StartSkippingJoiners(ReadOnlySpan<char> folded, int end, int length)
    {
        var i = end;
        var seen = 0;
        while (i >= 0)
        {
            if (folded[i] != DutchText.Joiner && ++seen == length) return i;
            i--;
        }
        return 0;
    }

    /// <summary>Folds <paramref name="text"/> into a pooled buffer; return it with <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static char[] FoldPooled(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        DutchText.Fold(text, buffer);
        return buffer;
    }
}

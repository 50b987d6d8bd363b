namespace PolicyLens.Passages;

/// <summary>
/// Finds sentence boundaries in Dutch (and English) policy text without being fooled by
/// abbreviations ("bv.", "o.a.", "i.s.m.", "art. 5"), initials ("J. Peeters") or numbers ("1.2").
/// Used to split overlong paragraphs into passages of readable size.
/// </summary>
public static class SentenceSplitter
{
    // Lower-case, without the final period. Internal periods stay ("o.a", "i.s.m").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "bv", "bijv", "o.a", "i.s.m", "art", "artt", "nr", "nrs", "blz", "p", "pp", "pag", "e.a", "enz", "etc",
        "m.a.w", "d.w.z", "z.g.a", "zgn", "ca", "resp", "incl", "excl", "min", "max", "mevr", "dhr", "mr", "dr",
        "prof", "ir", "ing", "drs", "st", "vs", "t.a.v", "t.o.v", "i.v.m", "m.b.t", "a.d.h.v", "o.b.v", "i.p.v",
        "m.i.v", "n.a.v", "v.w.b", "t.b.v", "e.d", "e.v", "o.m", "jl", "jan", "feb", "mrt", "apr", "jun", "jul",
        "aug", "sep", "sept", "okt", "nov", "dec", "ong", "evt", "gem", "mln", "mld", "mrd", "mio", "cf", "vgl",
        "tel", "fig", "hfst", "par", "afd", "bijl", "o.l.v", "a.s", "z.s.m", "v.a", "t/m", "e.g", "i.e", "no",
        "vnl", "bijz", "eig", "ev", "alg", "excl", "kath", "ned", "vl", "bxl", "ond", "ivm", "ipv", "mbt", "tov", "tav",
    };

    /// <summary>Indexes at which a new sentence starts (never 0), in increasing order.</summary>
    public static IReadOnlyList<int> Boundaries(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…' or ';')) continue;
            var j = i + 1;
            while (j < text.Length && text[j] is ')' or '"' or '\'' or '”' or '’' or '»' or ']') j++;
            if (j >= text.Length || !char.IsWhiteSpace(text[j])) continue;
            var k = j;
            while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
            if (k >= text.Length) break;
            var next = text[k];
            // A semicolon ends a clause, good enough to cut at when nothing better exists; it is
            // only taken before lower-case continuations too.
            if (c == ';')
            {
                result.Add(k);
                continue;
            }
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\'' or '‘' or '“' or '(' or '[' or '•' or '-' or '–'))
                continue;
            if (c == '.' && IsAbbreviationOrInitial(text, i)) continue;
            result.Add(k);
        }
        return result;
    }

    /// <summary>Whether the boundary at <paramref name="index"/> came from a semicolon (a weaker cut).</summary>
    internal static bool IsClauseBoundary(string text, int index)
    {
        var j = index - 1;
        while (j > 0 && char.IsWhiteSpace(text[j])) j--;
        return text[j] == ';';
    }

    private static bool IsAbbreviationOrInitial(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '.' or '/')) start--;
        var token = text[start..period];
        if (token.Length == 0) return false; // "2026." ends a sentence
        if (token.Length == 1 && char.IsLetter(token[0])) return true; // initials, "a. b. c." enumerations
        return Abbreviations.Contains(token);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into pieces of at most <paramref name="maxLength"/> characters,
    /// preferring sentence ends, then clause ends, then spaces; never inside a word (a single
    /// word longer than the limit stays whole). Pieces are balanced in length.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        text = text.Trim();
        if (text.Length <= maxLength) return text.Length == 0 ? [] : [text];
        var sentenceStarts = Boundaries(text);
        var pieces = new List<string>();
        var start = 0;
        var boundaryIndex = 0;
        while (text.Length - start > maxLength)
        {
            var remaining = text.Length - start;
            var pieceCount = (remaining + maxLength - 1) / maxLength;
            var target = start + remaining / pieceCount;
            var limit = start + maxLength;
            while (boundaryIndex < sentenceStarts.Count && sentenceStarts[boundaryIndex] <= start) boundaryIndex++;
            var cut = BestBoundary(text, sentenceStarts, boundaryIndex, start, target, limit, clauses: false)
                ?? BestBoundary(text, sentenceStarts, boundaryIndex, start, target, limit, clauses: true)
                ?? SpaceCut(text, start, target, limit);
            pieces.Add(text[start..cut].TrimEnd());
            start = cut;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        }
        if (start < text.Length) pieces.Add(text[start..].Trim());
        return pieces;
    }

    private static int? BestBoundary(string text, IReadOnlyList<int> starts, int from, int start, int target, int limit, bool clauses)
    {
        int? best = null;
        var bestDistance = int.MaxValue;
        // Cuts too close to the start make a fragment; require a third of the target size.
        var minimum = start + Math.Max(1, (target - start) / 3);
        for (var i = from; i < starts.Count && starts[i] <= limit; i++)
        {
            var s = starts[i];
            if (s < minimum) continue;
            if (IsClauseBoundary(text, s) != clauses) continue;
            var distance = Math.Abs(s - target);
            if (distance < bestDistance) { best = s; bestDistance = distance; }
        }
        return best;
    }

    private static int SpaceCut(string text, int start, int target, int limit)
    {
        // The space nearest to the balanced target, never past the limit.
        var upper = Math.Min(limit, text.Length - 1);
        for (var d = 0; target - d > start || target + d <= upper; d++)
        {
            if (target + d <= upper && char.IsWhiteSpace(text[target + d])) return target + d;
            if (target - d > start && char.IsWhiteSpace(text[target - d])) return target - d;
        }
        // One word longer than the limit: keep it whole.
        var next = limit;
        while (next < text.Length && !char.IsWhiteSpace(text[next])) next++;
        return next;
    }
}

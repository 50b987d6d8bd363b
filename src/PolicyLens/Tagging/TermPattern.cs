namespace PolicyLens.Tagging;

/// <summary>
/// One word of a term. Without stars the word must match a whole word of the text; a trailing
/// star allows any ending (<c>ontmoet*</c>: ontmoeten, ontmoetingen, ontmoetingsplek), a leading
/// star any beginning (<c>*eenzaamheid</c>: anti-eenzaamheid, vereenzaming needs <c>*eenzam*</c>),
/// both stars any position inside a compound (<c>*ontmoet*</c>: buurtontmoetingscentrum).
/// </summary>
public sealed record WordPattern
{
    public WordPattern(string literal, bool openStart, bool openEnd)
    {
        ArgumentException.ThrowIfNullOrEmpty(literal);
        foreach (var c in literal)
            if (!DutchText.IsTermChar(c))
                throw new ArgumentException($"'{literal}' holds '{DutchText.Describe(c)}', which folded text never contains.", nameof(literal));
        Literal = literal;
        OpenStart = openStart;
        OpenEnd = openEnd;
    }

    /// <summary>Folded literal (lowercase ASCII, digits, in-word apostrophe).</summary>
    public string Literal { get; }

    /// <summary>Leading star: the literal may start inside a word.</summary>
    public bool OpenStart { get; }

    /// <summary>Trailing star: the literal may end inside a word.</summary>
    public bool OpenEnd { get; }

    /// <summary>Where <see cref="Literal"/> sits in the folded <paramref name="word"/>, or -1.</summary>
    public int MatchIn(ReadOnlySpan<char> word)
    {
        if (!OpenStart && !OpenEnd) return word.SequenceEqual(Literal) ? 0 : -1;
        if (!OpenStart) return word.StartsWith(Literal, StringComparison.Ordinal) ? 0 : -1;
        if (!OpenEnd) return word.EndsWith(Literal, StringComparison.Ordinal) ? word.Length - Literal.Length : -1;
        return word.IndexOf(Literal, StringComparison.Ordinal);
    }

    public override string ToString() => (OpenStart ? "*" : "") + Literal + (OpenEnd ? "*" : "");
}

/// <summary>A term of a rule: one or more word patterns that must follow each other directly.</summary>
public sealed record TermPattern
{
    private TermPattern(string text, IReadOnlyList<WordPattern> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The term as written in the rule file.</summary>
    public string Text { get; }
    public IReadOnlyList<WordPattern> Words { get; }

    /// <summary>Folded words joined by single spaces, stars included: two terms with the same key match the same text.</summary>
    public string Key => string.Join(' ', Words);

    /// <summary>Sum of literal characters: the measure of "longest match".</summary>
    public int Specificity => Words.Sum(w => w.Literal.Length);

    /// <summary>Parses a term; hyphens separate words just as they do in the text.</summary>
    public static TermPattern Parse(string text)
    {
        if (!TryParse(text, out var pattern, out var error)) throw new FormatException(error);
        return pattern!;
    }

    public static bool TryParse(string? text, out TermPattern? pattern, out string error)
    {
        pattern = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the term is empty";
            return false;
        }
        var parts = text.Replace('-', ' ').Replace('\u2011', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var words = new List<WordPattern>(parts.Length);
        foreach (var part in parts)
        {
            var openStart = part.StartsWith('*');
            var openEnd = part.EndsWith('*') && part.Length > 1;
            var core = part.Trim('*');
            if (core.Length == 0)
            {
                error = $"term '{text}' has a word that is only a star; a star must extend a word (ontmoet*, *eenzaam*)";
                return false;
            }
            if (core.Contains('*'))
            {
                error = $"term '{text}': a star may only stand at the start or end of a word, not inside '{part}'";
                return false;
            }
            var folded = DutchText.Fold(core);
            foreach (var c in folded)
            {
                if (!DutchText.IsTermChar(c))
                {
                    error = $"term '{text}' contains '{DutchText.Describe(core[folded.IndexOf(c)])}'; terms hold letters, digits, apostrophes, hyphens, spaces and stars only";
                    return false;
                }
            }
            words.Add(new WordPattern(folded, openStart, openEnd));
        }
        pattern = new TermPattern(text.Trim(), words);
        return true;
    }

    public override string ToString() => Text;
}

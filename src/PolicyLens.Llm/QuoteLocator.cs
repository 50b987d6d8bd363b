using System.Globalization;
using System.Text;

namespace PolicyLens.Llm;

/// <summary>
/// Finds a model's quote in the passage. Models copy words faithfully but not always their
/// whitespace, case or typographic quotes, so both sides are compared folded: runs of whitespace
/// as one space, case and diacritics ignored, curly quotes and dashes as plain ones. The result
/// is the span of the original passage text.
/// </summary>
public static class QuoteLocator
{
    /// <summary>Fewer letters or digits than this is no evidence (a quote "de" occurs anywhere).</summary>
    public const int MinimumLetters = 3;

    public static (int Start, int Length)? Find(string passage, string quote)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(quote);
        var trimmed = quote.Trim().Trim('…').Trim();
        if (trimmed.EndsWith("...", StringComparison.Ordinal)) trimmed = trimmed[..^3].TrimEnd();
        // A quote the model put in quotation marks of its own.
        if (trimmed.Length >= 2 && IsQuoteMark(trimmed[0]) && IsQuoteMark(trimmed[^1])) trimmed = trimmed[1..^1].Trim();
        if (trimmed.Count(char.IsLetterOrDigit) < MinimumLetters) return null;
        var exact = passage.IndexOf(trimmed, StringComparison.Ordinal);
        if (exact >= 0) return (exact, trimmed.Length);

        var (foldedPassage, map) = Fold(passage);
        var (foldedQuote, _) = Fold(trimmed);
        var at = foldedPassage.IndexOf(foldedQuote, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = map[at];
        var end = map[at + foldedQuote.Length - 1] + 1;
        return (start, end - start);
    }

    /// <summary>The folded text and, per folded character, the index of the original character it came from.</summary>
    private static (string Text, int[] Map) Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var lastWasSpace = true; // drops leading whitespace
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u00AD')
            {
                if (c == '\u00AD' || lastWasSpace) continue;
                builder.Append(' ');
                map.Add(i);
                lastWasSpace = true;
                continue;
            }
            foreach (var f in FoldChar(c))
            {
                builder.Append(f);
                map.Add(i);
            }
            lastWasSpace = false;
        }
        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
            map.RemoveAt(map.Count - 1);
        }
        return (builder.ToString(), [.. map]);
    }

    private static bool IsQuoteMark(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’' or '„' or '«' or '»';

    private static string FoldChar(char c)
    {
        switch (c)
        {
            case '‘' or '’' or '‚' or '`' or '´': return "'";
            case '“' or '”' or '„': return "\"";
            case '–' or '—' or '‐' or '‑': return "-";
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(d));
        return builder.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace PolicyLens.Passages;

/// <summary>
/// Turns text as a reader found it into clean display text: soft hyphens, zero-width characters
/// and control characters removed, odd spaces made plain, ligatures expanded, line-end
/// hyphenation repaired and whitespace collapsed. Smart quotes and dashes stay as they are in
/// the display text; <see cref="FoldForMatching"/> straightens them for rule matching.
/// Shared by every reader path (DOCX, ODT, HTML, text, PDF) so passages look the same whatever
/// the source format.
/// </summary>
public static class TextCleaner
{
    // Words after "zorg-" that show the hyphen is an elided compound part ("zorg- en welzijnsbeleid"),
    // not a line-end hyphenation.
    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "en", "of", "tot", "noch", "als", "and", "or", "&",
    };

    // Dutch prefixes that keep their hyphen ("oud-strijders", "ex-partner", "niet-leden").
    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "oud", "ex", "niet", "anti", "pro", "non", "vice", "semi", "pseudo", "neo", "post", "pre", "co", "mini", "midi", "maxi",
    };

    /// <summary>
    /// Cleans text for display. Line breaks inside the text are treated as soft (wrapped lines)
    /// and become single spaces after hyphenation is repaired.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var normalised = NormaliseCharacters(text);
        var dehyphenated = RepairLineEndHyphenation(normalised);
        return CollapseWhitespace(dehyphenated);
    }

    /// <summary>
    /// Replaces or removes characters that carry no meaning for the reader: soft hyphens and
    /// zero-width characters go, every kind of space becomes a plain space, ligatures are
    /// expanded, line separators become '\n'. Text is NFC-normalised so "é" compares equal
    /// whatever the source encoded.
    /// </summary>
    public static string NormaliseCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00AD': // soft hyphen
                case '\u200B': // zero-width space
                case '\u200C':
                case '\u200D':
                case '\u2060': // word joiner
                case '\uFEFF': // BOM / zero-width no-break space
                case '\u200E': // direction marks
                case '\u200F':
                    break;
                case '\u00A0':
                case '\u2007':
                case '\u202F':
                case '\u3000':
                case '\t':
                    sb.Append(' ');
                    break;
                case '\r':
                case '\u2028':
                case '\u2029':
                case '\u000B':
                case '\u000C':
                case '\u0085':
                    sb.Append('\n');
                    break;
                case '\uFB00': sb.Append("ff"); break;
                case '\uFB01': sb.Append("fi"); break;
                case '\uFB02': sb.Append("fl"); break;
                case '\uFB03': sb.Append("ffi"); break;
                case '\uFB04': sb.Append("ffl"); break;
                case '\uFB05':
                case '\uFB06': sb.Append("st"); break;
                case '\u2011': sb.Append('-'); break; // non-breaking hyphen
                default:
                    if (c is >= '\u2000' and <= '\u200A') sb.Append(' ');
                    else if (char.IsControl(c) && c != '\n') { /* stray control characters carry nothing */ }
                    else sb.Append(c);
                    break;
            }
        }
        var result = sb.ToString();
        // "\r\n" became "\n\n"; undo that before hyphenation repair looks at line ends.
        if (text.Contains('\r')) result = result.Replace("\n\n", "\n", StringComparison.Ordinal);
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Joins words split at a line end ("samen-\nleving" → "samenleving") but keeps hyphens that
    /// belong to the text: elided compounds ("zorg- en welzijnsbeleid"), capitals ("Noord-Brabant"),
    /// digits, vowel clashes ("zee-egel") and hyphenated prefixes ("oud-strijders").
    /// </summary>
    public static string RepairLineEndHyphenation(string text)
    {
        if (!text.Contains("-\n", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '-' && i > 0 && char.IsLetter(text[i - 1]) && IsLineBreakAfter(text, i + 1, out var next))
            {
                var wordBefore = WordEndingAt(text, i - 1);
                var wordAfter = WordStartingAt(text, next);
                if (wordAfter.Length > 0 && ShouldJoin(wordBefore, wordAfter))
                {
                    i = next; // drop the hyphen and the line break
                    continue;
                }
                if (wordAfter.Length > 0 && Conjunctions.Contains(wordAfter))
                {
                    sb.Append("- ");
                    i = next;
                    continue;
                }
                sb.Append('-');
                i = next; // a real hyphen at the line end: keep it, drop the break ("oud-strijders")
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsLineBreakAfter(string text, int index, out int next)
    {
        next = index;
        var j = index;
        while (j < text.Length && text[j] == ' ') j++;
        if (j >= text.Length || text[j] != '\n') return false;
        j++;
        while (j < text.Length && text[j] is ' ' or '\n') j++;
        next = j;
        return j < text.Length;
    }

    private static bool ShouldJoin(string before, string after)
    {
        if (Conjunctions.Contains(after)) return false;
        if (!char.IsLower(after[0])) return false;
        if (HyphenPrefixes.Contains(before)) return false;
        var last = char.ToLowerInvariant(before[^1]);
        var first = char.ToLowerInvariant(after[0]);
        // Dutch writes a hyphen where two vowels would run together ("zee-egel", "auto-ongeluk").
        if (IsVowel(last) && IsVowel(first)) return false;
        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'é' or 'ë' or 'ï' or 'è';

    private static string WordEndingAt(string text, int end)
    {
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text[start..(end + 1)];
    }

    private static string WordStartingAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '&')) end++;
        return text[start..end];
    }

    /// <summary>Collapses runs of whitespace (including line breaks) into single spaces and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A form for matching, never for display: smart quotes and apostrophes straightened,
    /// dashes made plain hyphens, text lower-cased with the invariant culture.
    /// </summary>
    public static string FoldForMatching(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLower(c, CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }
}

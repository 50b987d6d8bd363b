using System.Text;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// Character clean-up and line joining for PDF text. Internal to the PDF reader for now; it
/// overlaps with the core's TextCleaner and is meant to be unified with it.
/// </summary>
internal sealed class PdfTextRepair
{
    private const char SoftHyphen = '\u00AD';

    // Words after "zorg-" that show the hyphen is a shared-part ellipsis ("zorg- en welzijnsbeleid").
    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase)
        { "en", "of", "tot", "noch", "als", "and", "or", "to", "&", "resp", "respectievelijk", "dan" };

    // Prefixes Dutch writes with a hyphen ("oud-strijders", "ex-partner", "niet-leden").
    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase)
        { "oud", "ex", "niet", "anti", "non", "pro", "vice", "co", "semi", "pseudo", "neo", "extra", "mini", "midden", "zuid", "noord", "oost", "west" };

    // Vowel pairs that would read as one sound if written together, so Dutch keeps a hyphen there.
    private static readonly HashSet<string> VowelClashes = new(StringComparer.OrdinalIgnoreCase)
        { "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu" };

    private readonly HashSet<string> _hyphenated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private IEnumerable<string>? _pending;

    /// <summary>
    /// Learns from the document which hyphenated words occur mid-line (so "oud-strijders" broken
    /// at the hyphen keeps it) and which words occur whole (so a broken "ontmoetings-plekken"
    /// joins when "ontmoetingsplekken" appears elsewhere). The lines are only read when the
    /// first broken word needs them; documents without line-end hyphens pay nothing.
    /// </summary>
    public void LearnLater(IEnumerable<string> lines) => _pending = _pending is null ? lines : _pending.Concat(lines);

    /// <summary>Learns one line right away (see <see cref="LearnLater"/>).</summary>
    public void Learn(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = TrimPunctuation(words[i]);
            if (word.Length == 0) continue;
            // The last word of a line may be a broken one; only mid-line words are evidence.
            if (i == words.Length - 1 && word.EndsWith('-')) continue;
            if (word.Contains('-'))
            {
                if (!word.StartsWith('-') && !word.EndsWith('-')) _hyphenated.Add(word.ToLowerInvariant());
            }
            else if (_words.Count < 200_000 && word.Length > 3)
            {
                _words.Add(word.ToLowerInvariant());
            }
        }
    }

    private void LearnPending()
    {
        if (_pending is null) return;
        var lines = _pending;
        _pending = null;
        foreach (var line in lines) Learn(line);
    }

    /// <summary>Folds ligatures, non-breaking and zero-width characters and control codes; collapses spaces.</summary>
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text)) return text;
        var sb = new StringBuilder(text.Length);
        var lastSpace = false;
        foreach (var c in text)
        {
            string? replacement = c switch
            {
                '\uFB00' => "ff", '\uFB01' => "fi", '\uFB02' => "fl", '\uFB03' => "ffi", '\uFB04' => "ffl",
                '\uFB05' or '\uFB06' => "st",
                '\u00A0' or '\u2007' or '\u202F' or '\t' or '\u2002' or '\u2003' or '\u2009' => " ",
                '\u200B' or '\u200C' or '\u200D' or '\uFEFF' => "",
                _ when char.IsControl(c) => " ",
                _ => null,
            };
            if (replacement is null)
            {
                sb.Append(c);
                lastSpace = c == ' ';
                continue;
            }
            foreach (var r in replacement)
            {
                if (r == ' ' && lastSpace) continue;
                sb.Append(r);
                lastSpace = r == ' ';
            }
        }
        return sb.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        var lastSpace = false;
        foreach (var c in text)
        {
            if (c < ' ' || c is '\u00A0' or '\u2007' or '\u202F' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF'
                || c is >= '\uFB00' and <= '\uFB06' || char.IsControl(c) || (c == ' ' && lastSpace))
                return true;
            lastSpace = c == ' ';
        }
        return false;
    }

    /// <summary>Removes soft hyphens inside a finished text (their only use is a line-end hint).</summary>
    public static string RemoveSoftHyphens(string text) => text.Contains(SoftHyphen) ? text.Replace(SoftHyphen.ToString(), "") : text;

    /// <summary>Joins two consecutive lines of one paragraph, repairing a word broken at the line end.</summary>
    public string Join(string first, string second)
    {
        first = first.TrimEnd();
        second = second.TrimStart();
        if (first.Length == 0) return second;
        if (second.Length == 0) return first;

        var last = first[^1];
        if (last == SoftHyphen) return first[..^1] + second;
        if (last is not ('-' or '\u2010') || first.Length < 2) return first + " " + second;

        var before = first[^2];
        var next = second[0];
        if (char.IsDigit(before) && char.IsDigit(next)) return first + second;        // "2026-" + "2027"
        if (!char.IsLetter(before)) return first + " " + second;                       // a dash, not a break
        if (char.IsUpper(next) || char.IsDigit(next)) return first + second;          // "Oost-" + "Vlaanderen"
        if (!char.IsLower(next)) return first + " " + second;

        var fragment = LastWord(first[..^1]);
        var nextWord = FirstWord(second);
        if (Conjunctions.Contains(nextWord)) return first + " " + second;             // "zorg- en welzijnsbeleid"
        LearnPending();
        var lower = (fragment + "-" + nextWord).ToLowerInvariant();
        if (_hyphenated.Contains(lower)) return first + second;                        // seen whole with its hyphen
        if (_words.Contains(lower.Replace("-", ""))) return first[..^1] + second;       // seen whole without
        if (HyphenPrefixes.Contains(fragment)) return first + second;
        if (fragment.Length > 0 && VowelClashes.Contains(string.Concat(fragment[^1], next))) return first + second;
        return first[..^1] + second;
    }

    private static string LastWord(string text)
    {
        var i = text.Length;
        while (i > 0 && char.IsLetter(text[i - 1])) i--;
        return text[i..];
    }

    private static string FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        return text[..i];
    }

    private static string TrimPunctuation(string word) => word.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '“', '”', '‘', '’', '„', '[', ']');
}

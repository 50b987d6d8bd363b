using System.Globalization;
using System.Text;

namespace PolicyLens.Tagging;

/// <summary>
/// Length-preserving folding of Dutch text for matching: every character of the input maps to
/// exactly one character of the output, so a span found in the folded text is the same span in
/// the original (display) text. Letters become lowercase without diacritics (ë→e, é→e),
/// typographic apostrophes become ', an apostrophe between two letters stays part of the word
/// (zo'n, auto's), soft hyphens become <see cref="Joiner"/> (invisible inside a word) and every
/// other character becomes a space, i.e. a word boundary.
/// </summary>
public static class DutchText
{
    /// <summary>Folded form of a soft hyphen: part of the word, but skipped by the matcher.</summary>
    public const char Joiner = '\0';

    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        // Latin-1 and Latin Extended-A/B cover every diacritic Dutch and Flemish texts use.
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (char.IsLetter(ch))
            {
                var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
                table[c] = char.ToLowerInvariant(decomposed[0]);
            }
            else if (char.IsDigit(ch)) table[c] = ch;
            else table[c] = ' ';
        }
        table[0x00AD] = Joiner;
        return table;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC';

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (same length).</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("The destination must be as long as the source.", nameof(destination));
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            char f;
            if (c < Table.Length) f = Table[c];
            else if (char.IsLetter(c)) f = char.ToLowerInvariant(c);
            else if (char.IsDigit(c)) f = c;
            else f = ' ';
            if (IsApostrophe(c))
            {
                // Keep the apostrophe only inside a word: quotes around a title must not glue
                // themselves onto the first and last word.
                var before = i > 0 && char.IsLetterOrDigit(source[i - 1]);
                var after = i + 1 < source.Length && char.IsLetterOrDigit(source[i + 1]);
                f = before && after ? '\'' : ' ';
            }
            destination[i] = f;
        }
    }

    /// <summary>Folds a whole string; convenient for rule terms and tests.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, t) => Fold(t, span));
    }

    /// <summary>True for characters that the folded text treats as part of a word.</summary>
    public static bool IsWordChar(char folded) => folded != ' ';

    /// <summary>Lowercase ASCII letters, digits and the in-word apostrophe: all a folded term may hold.</summary>
    public static bool IsTermChar(char folded) => folded is >= 'a' and <= 'z' or >= '0' and <= '9' or '\'';

    internal static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString(CultureInfo.InvariantCulture);
}

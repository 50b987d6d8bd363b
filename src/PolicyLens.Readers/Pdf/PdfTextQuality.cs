using System.Text.RegularExpressions;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// Tells a text layer that is language from one that is not: fonts without a Unicode map (Type 3
/// fonts with a custom encoding, as PDFCreator writes them) give "symbol soup" such as
/// <c>$%&amp;'&amp;(%))*+,-.%/%)0+1</c> or endless digit strings, which must never be stored as a plan.
/// A token counts as readable when it is a word with a vowel (or a short word), a number as
/// budgets write them, a URL or an e-mail address; dot leaders are ignored.
/// </summary>
internal static partial class PdfTextQuality
{
    /// <summary>Pages scoring below this are unreadable; real pages score above 0.75, symbol soup below 0.25.</summary>
    public const double MinLanguageScore = 0.5;

    /// <summary>Fewer non-space characters than this are too little to judge (a page number, a caption).</summary>
    public const int MinCharsToJudge = 40;

    /// <summary>Share of the page's non-space characters in readable tokens, or null when there is too little text.</summary>
    public static double? LanguageScore(PdfPageText page)
    {
        var total = 0;
        var good = 0;
        foreach (var run in page.Runs)
        {
            var text = Leaders().Replace(run.Text, " ");
            foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                total += token.Length;
                if (Readable(token)) good += token.Length;
            }
        }
        return total < MinCharsToJudge ? null : (double)good / total;
    }

    /// <summary>Whether a page has text, but not text in any language.</summary>
    public static bool IsSymbolSoup(PdfPageText page) => LanguageScore(page) is { } score && score < MinLanguageScore;

    private static bool Readable(string token)
    {
        if (Word().IsMatch(token)) return token.Length <= 3 || Vowel().IsMatch(token);
        return Number().IsMatch(token) || token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || token.Contains('@');
    }

    [GeneratedRegex(@"[.…·_]{3,}")]
    private static partial Regex Leaders();

    [GeneratedRegex(@"^[(""'‘“„]*[\p{L}]+(?:[-'’][\p{L}]+)*[)""'’”.,;:!?]*$")]
    private static partial Regex Word();

    [GeneratedRegex(@"[aeiouyàáâäèéêëìíîïòóôöùúûü]", RegexOptions.IgnoreCase)]
    private static partial Regex Vowel();

    // "1.234", "-28.507", "7,4", "€ 287.000", "45%", "2026", "2026-2029"; never a digit string of dozens of digits.
    [GeneratedRegex(@"^[(\-+−€]*\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?[)*.,;:]*$|^\d{4}(?:-\d{4})?[.,;:)]*$")]
    private static partial Regex Number();
}

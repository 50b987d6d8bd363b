namespace PolicyLens.Report;

/// <summary>
/// The one place that makes text safe for a spreadsheet cell (CSV and XLSX exports alike), as
/// OWASP's CSV-injection advice says: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return could be run as a formula by Excel or LibreOffice
/// (<c>-1+cmd|' /C calc'!A0</c>), so it gets a leading apostrophe and is shown as text. Titles,
/// municipalities, file names and headings come from uploaded documents and are never trusted.
/// Numbers written as numbers do not go through here: a negative strength is still a number.
/// </summary>
public static class SpreadsheetCell
{
    /// <summary>True when a spreadsheet could read the text as the start of a formula.</summary>
    public static bool LooksLikeFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The full-width forms are included: some spreadsheets fold them to their ASCII twins.
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠';
    }

    /// <summary>The text as a spreadsheet should get it: with a leading apostrophe when it looks like a formula.</summary>
    public static string Escape(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>
    /// A text field for a CSV line (RFC 4180): escaped as above, then quoted when it holds a
    /// comma, quote or line break, or was escaped (quotes doubled).
    /// </summary>
    public static string Csv(string text)
    {
        var escaped = Escape(text);
        var quote = !ReferenceEquals(escaped, text) || escaped.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return quote ? "\"" + escaped.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : escaped;
    }
}

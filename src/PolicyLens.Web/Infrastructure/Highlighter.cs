using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Turns plain document text plus matched spans into safe HTML: every piece of text is
/// HTML-encoded, and only the <c>&lt;mark&gt;</c> tags are markup we add ourselves.
/// </summary>
public static class Highlighter
{
    /// <summary>Encodes markup characters but leaves letters such as ë readable, like the pages' own encoder.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Marks the given (start, length) spans; overlapping or touching spans are merged, spans outside the text ignored.</summary>
    public static IHtmlContent Mark(string text, IEnumerable<(int Start, int Length)> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        var merged = new List<(int Start, int End)>();
        foreach (var (start, length) in spans.Where(s => s.Length > 0 && s.Start >= 0 && s.Start < text.Length).OrderBy(s => s.Start))
        {
            var end = Math.Min(text.Length, start + length);
            if (merged.Count > 0 && start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            else merged.Add((start, end));
        }
        var html = new StringBuilder(text.Length + merged.Count * 13);
        var at = 0;
        foreach (var (start, end) in merged)
        {
            html.Append(Encoder.Encode(text[at..start]));
            html.Append("<mark>").Append(Encoder.Encode(text[start..end])).Append("</mark>");
            at = end;
        }
        html.Append(Encoder.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// A search snippet whose matches the store delimits with U+0002 / U+0003: the snippet is
    /// encoded first, then the markers become <c>&lt;mark&gt;</c>, so text can never open a tag.
    /// </summary>
    public static IHtmlContent Snippet(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var encoded = Encoder.Encode(snippet);
        // The encoder writes control characters as numeric references.
        encoded = encoded.Replace("&#x2;", "<mark>", StringComparison.OrdinalIgnoreCase)
            .Replace("&#x3;", "</mark>", StringComparison.OrdinalIgnoreCase)
            .Replace("\u0002", "<mark>").Replace("\u0003", "</mark>");
        return new HtmlString(BalanceMarks(encoded));
    }

    /// <summary>A marker cut off by the snippet window would leave a <c>&lt;mark&gt;</c> open; close it.</summary>
    private static string BalanceMarks(string html)
    {
        var open = CountOf(html, "<mark>") - CountOf(html, "</mark>");
        return open > 0 ? html + string.Concat(Enumerable.Repeat("</mark>", open)) : html;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

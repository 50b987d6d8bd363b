using System.Text;

namespace PolicyLens.Attacks;

/// <summary>
/// The hostile inputs of the attack run (issue 17), made by code so no binary is committed. Shared
/// (as a linked source file) by the reader and web tests and by the measured attack run in the
/// benchmarks.
/// </summary>
internal static class AttackFiles
{
    /// <summary>The payload that the spreadsheet exports once wrote raw: "-1" made it look like a number.</summary>
    public const string FormulaPayload = "-1+cmd|' /C calc'!A0";

    /// <summary>A file name with a right-to-left override: browsers show it as "rapportdm.pdf".</summary>
    public const string BidiFileName = "rapport\u202Efdp.md";

    /// <summary><paramref name="levels"/> nested elements around one word, never closed (100,000 stalled AngleSharp for minutes).</summary>
    public static byte[] NestedHtml(int levels, string tag = "div")
    {
        var sb = new StringBuilder(levels * (tag.Length + 2) + 64);
        sb.Append("<!DOCTYPE html><html><head><title>Diep</title></head><body>");
        for (var i = 0; i < levels; i++) sb.Append('<').Append(tag).Append('>');
        sb.Append("eenzaamheid</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Depth without nesting tags: every paragraph opens a formatting element with new attributes
    /// and never closes it, so the parser re-opens all earlier ones inside each new paragraph.
    /// </summary>
    public static byte[] ReopenedFormattingHtml(int paragraphs)
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < paragraphs; i++) sb.Append("<p><b class=\"k").Append(i).Append("\">tekst");
        sb.Append("</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Depth through misnesting: "&lt;b>&lt;div>&lt;/b>" makes the parser move a copy of b below each new div.</summary>
    public static byte[] MisnestedFormattingHtml(int repeats)
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < repeats; i++) sb.Append("<b><div>tekst</b>");
        sb.Append("</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A comment closed the unusual way ("--!>"), then nesting a scan that missed the ending would never see.</summary>
    public static byte[] BangCommentThenNestedHtml(int levels)
    {
        var sb = new StringBuilder("<html><body><!-- opmerking --!>");
        for (var i = 0; i < levels; i++) sb.Append("<section>");
        sb.Append("tekst</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Real-world sloppiness that must still pass: unclosed paragraphs, list items and cells,
    /// repeated identical font tags, tags inside comments and scripts, self-closing divs.
    /// </summary>
    public static byte[] SloppyButShallowHtml(int items)
    {
        var sb = new StringBuilder("<html><head><script>var s = '");
        for (var i = 0; i < 500; i++) sb.Append("<div>");
        sb.Append("';</script></head><body><!-- ");
        for (var i = 0; i < 500; i++) sb.Append("<div>");
        sb.Append(" --><h1>Welzijnsplan</h1><ul>");
        for (var i = 0; i < items; i++)
            sb.Append("<li><font face=\"Arial\">Punt ").Append(i).Append(" over ontmoeting in de wijk")
              .Append("<p>Een paragraaf zonder eind, over eenzaamheid bij ouderen.<br/>");
        sb.Append("</ul><table>");
        for (var i = 0; i < items; i++) sb.Append("<tr><td>Buurthuis ").Append(i).Append("<td>open<div/>");
        sb.Append("</table></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Many elements side by side, none nested: a memory attack rather than a depth one.</summary>
    public static byte[] FlatHtml(int elements)
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < elements; i++) sb.Append("<span>x</span>");
        sb.Append("</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // Words the rules look for, and the ordinary words around them in a plan's prose.
    private static readonly string[] Topical =
    [
        "inwoners", "elkaar", "ontmoeten", "buurthuis", "wijk", "ouderen", "jongeren", "vrijwilligers", "samen", "eten", "bewegen",
        "mantelzorg", "steun", "signaleren", "eenzaamheid", "netwerk", "activiteit", "bibliotheek", "sport", "school", "werk", "zorg",
        "huisbezoek", "welzijn", "verbinding",
    ];

    private static readonly string[] Ordinary =
    [
        "de", "het", "een", "gemeente", "wil", "dat", "in", "op", "voor", "met", "van", "aan", "door", "wordt", "worden", "is", "zijn",
        "jaar", "plan", "budget", "kosten", "regeling", "uitvoering", "afspraken", "partners", "college", "raad", "besluit", "periode",
        "overzicht", "middelen", "beleid", "programma", "doel", "resultaat", "aanpak", "kader", "uitgangspunt", "voorstel", "bijdrage",
        "ontwikkeling", "stand", "zaken", "verder", "ook", "nog", "meer", "minder", "binnen", "tussen", "volgens", "daarbij",
    ];

    /// <summary>
    /// A Markdown plan of about <paramref name="bytes"/> bytes: chapters, paragraphs of generated
    /// Dutch-looking sentences (seeded, so the same every run) in which about one word in twelve is
    /// one the rules look for, as in a plan's prose. Large uploads for the memory run.
    /// </summary>
    public static byte[] LargeMarkdown(long bytes, int seed = 1)
    {
        var random = new Random(seed);
        var sb = new StringBuilder((int)Math.Min(bytes + 1024, int.MaxValue / 2));
        sb.Append("# Beleidsplan sociale verbinding ").Append(seed).Append("\n\n");
        var chapter = 0;
        while (sb.Length < bytes)
        {
            if (sb.Length / 200_000 > chapter)
            {
                chapter++;
                sb.Append("\n## Hoofdstuk ").Append(chapter).Append("\n\n");
            }
            for (var s = 0; s < 4; s++)
            {
                var length = random.Next(8, 20);
                for (var w = 0; w < length; w++)
                {
                    var word = random.Next(12) == 0 ? Topical[random.Next(Topical.Length)] : Ordinary[random.Next(Ordinary.Length)];
                    if (w == 0) sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                    else sb.Append(' ').Append(word);
                }
                sb.Append(". ");
            }
            sb.Append("\n\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The fields of one CSV line as a spreadsheet reads them (quotes removed, doubled quotes undone).</summary>
    public static IEnumerable<string> CsvFields(string line)
    {
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { yield return field.ToString(); field.Clear(); }
            else field.Append(c);
        }
        yield return field.ToString();
    }

    /// <summary>A one-paragraph plan, the small upload that must not wait behind a hostile one.</summary>
    public static byte[] SmallPlan(string tag = "") =>
        Encoding.UTF8.GetBytes($"# Klein plan {tag}\n\nDe gemeente organiseert ontmoetingen in het buurthuis tegen eenzaamheid bij ouderen.\n");
}

using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyLens.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>Finds the PDF fixtures (tests/fixtures/pdf) and their sources, and reads them.</summary>
internal static partial class PdfFixtures
{
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "pdf");
    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static ReaderOutput Read(string name, PdfReaderOptions? options = null) =>
        new PdfReader(options).Read(new DocumentSource(PathOf(name)), PolicyLens.Documents.DocumentFormat.Pdf);

    /// <summary>One line per block, the format of the golden files: "p3 Heading2: text".</summary>
    public static string Dump(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            sb.Append('p').Append(b.Page).Append(' ').Append(b.Kind);
            if (b.HeadingLevel > 0) sb.Append(b.HeadingLevel);
            if (b.ListLabel is not null) sb.Append('[').Append(b.ListLabel).Append(']');
            if (b.TableHeaders.Count > 0) sb.Append('{').AppendJoin(" | ", b.TableHeaders).Append('}');
            sb.Append(": ").Append(b.Text.Replace("\t", " | ")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The words a fixture was made from: the text content of its sources/*.body.xml.</summary>
    public static string SourceText(string fixtureName)
    {
        var xml = File.ReadAllText(Path.Combine(Folder, "sources", fixtureName + ".body.xml"));
        var doc = XDocument.Parse("<root xmlns:text='t' xmlns:table='tb' xmlns:office='o' xmlns:draw='d' xmlns:svg='s'>" + xml + "</root>");
        // Each paragraph's text, so words from neighbouring paragraphs never run together.
        return string.Join("\n", doc.Descendants().Where(e => e.Name.LocalName is "p" or "h")
            .Select(e => string.Concat(e.Nodes().Select(NodeText))));
    }

    private static string NodeText(XNode node) => node switch
    {
        XText t => t.Value,
        XElement { Name.LocalName: "note" } => "",   // footnote bodies are their own paragraphs
        XElement e => string.Concat(e.Nodes().Select(NodeText)),
        _ => "",
    };

    public static List<string> Words(string text) =>
        WordPattern().Matches(text.Replace("\u00AD", "")).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>Share of the source's words (as a multiset) that the extracted text contains.</summary>
    public static double WordRecall(string source, string extracted)
    {
        var available = Words(extracted).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var wanted = Words(source);
        var found = 0;
        foreach (var w in wanted)
            if (available.TryGetValue(w, out var n) && n > 0) { found++; available[w] = n - 1; }
        return wanted.Count == 0 ? 0 : (double)found / wanted.Count;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyLens.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PolicyLens.Documents;
using Format = PolicyLens.Documents.DocumentFormat;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// Reads OpenDocument text (ODT) from the ZIP container and <c>content.xml</c> directly:
/// <c>text:h</c> with its outline level, <c>text:p</c>, numbered and bulleted lists (numbers
/// computed from the list style), tables (header rows from <c>table:table-header-rows</c>),
/// text boxes in frames and notes (appended at the end). Tracked deletions, annotations and
/// generated indexes (table of contents) are skipped. Title and page count come from meta.xml.
/// </summary>
public sealed class OdtReader : IDocumentReader
{
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static readonly XNamespace Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static readonly XNamespace Fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static readonly XNamespace Meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private readonly ReaderOptions _options;

    public OdtReader(ReaderOptions? options = null)
    {
        _options = options ?? new ReaderOptions();
        _options.Validate();
    }

    public IReadOnlyCollection<Format> Formats { get; } = [Format.Odt];

    public ReaderOutput Read(DocumentSource source, Format format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var refusal = ArchiveGuard.Check(source.Path, _options, cancellationToken);
        if (refusal is not null) return ReaderOutput.Failed(refusal);
        try
        {
            using var file = File.OpenRead(source.Path);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            var contentEntry = zip.GetEntry("content.xml");
            if (contentEntry is null)
                return ReaderOutput.Failed(IssueCode.MissingBody, "the OpenDocument file has no content.xml; open it in LibreOffice, save it again and retry");
            var content = Load(contentEntry);
            var styles = zip.GetEntry("styles.xml") is { } s ? Load(s) : null;
            var meta = zip.GetEntry("meta.xml") is { } m ? Load(m) : null;
            var body = content.Root?.Element(Office + "body")?.Element(Office + "text");
            if (body is null)
                return ReaderOutput.Failed(IssueCode.NotATextDocument, "the OpenDocument file has no text body (is it a spreadsheet or drawing?); save the plan as a text document (.odt) or PDF");
            var walker = new Walker(new ListStyles(content, styles), new ParagraphStyles(content, styles), cancellationToken);
            walker.ReadContainer(body);
            walker.AppendNotes();
            var title = meta?.Descendants(Dc + "title").FirstOrDefault()?.Value;
            var pageCountText = meta?.Descendants(Meta + "document-statistic").FirstOrDefault()?.Attribute(Meta + "page-count")?.Value;
            int? pages = int.TryParse(pageCountText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : null;
            return new ReaderOutput(walker.Blocks, [], title, pages);
        }
        catch (XmlException ex)
        {
            return ReaderOutput.Failed(IssueCode.MalformedXml, $"the OpenDocument file contains malformed XML ({ex.Message.TrimEnd('.')}); open it in LibreOffice, save it again and retry");
        }
        catch (InvalidDataException ex)
        {
            return ReaderOutput.Failed(IssueCode.Damaged, $"the OpenDocument file is damaged ({ex.Message.TrimEnd('.')}); download or export it again");
        }
    }

    private XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var counted = new CountingStream(stream, new ByteBudget(_options.MaxArchiveUncompressedBytes));
        using var reader = XmlReader.Create(counted, SafeXml.Settings(_options));
        // Whitespace between spans is text in ODF; it must survive loading.
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    /// <summary>Paragraph styles that make a text:p a title (LibreOffice's "Title").</summary>
    private sealed class ParagraphStyles
    {
        private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);

        public ParagraphStyles(XDocument content, XDocument? styles)
        {
            foreach (var doc in new[] { content, styles })
                foreach (var style in doc?.Descendants(Style + "style") ?? [])
                    if (style.Attribute(Style + "name")?.Value is { } name)
                        _parents.TryAdd(name, style.Attribute(Style + "parent-style-name")?.Value);
        }

        public bool IsTitle(string? name)
        {
            for (var i = 0; name is not null && i < 16; i++)
            {
                if (name is "Title" or "Titel") return true;
                name = _parents.GetValueOrDefault(name);
            }
            return false;
        }
    }

    /// <summary>Numbering formats per list style and level.</summary>
    private sealed class ListStyles
    {
        private readonly Dictionary<string, Dictionary<int, XElement>> _styles = new(StringComparer.Ordinal);

        public ListStyles(XDocument content, XDocument? styles)
        {
            foreach (var doc in new[] { content, styles })
                foreach (var listStyle in doc?.Descendants(Text + "list-style") ?? [])
                {
                    if (listStyle.Attribute(Style + "name")?.Value is not { } name || _styles.ContainsKey(name)) continue;
                    var levels = new Dictionary<int, XElement>();
                    foreach (var level in listStyle.Elements())
                        if (int.TryParse(level.Attribute(Text + "level")?.Value, out var l)) levels[l] = level;
                    _styles[name] = levels;
                }
        }

        public XElement? Level(string? style, int level) =>
            style is not null && _styles.TryGetValue(style, out var levels) && levels.TryGetValue(level, out var e) ? e : null;
    }

    private sealed class Walker(ListStyles listStyles, ParagraphStyles paragraphStyles, CancellationToken cancellationToken)
    {
        private readonly List<XElement> _notes = [];
        private readonly Dictionary<string, int[]> _continuedCounters = new(StringComparer.Ordinal);

        public List<Block> Blocks { get; } = [];

        public void ReadContainer(XElement container)
        {
            foreach (var element in container.Elements())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = element.Name;
                if (name == Text + "h")
                {
                    var text = Inline(element);
                    var level = int.TryParse(element.Attribute(Text + "outline-level")?.Value, out var l) ? Math.Clamp(l, 1, 9) : 1;
                    if (!string.IsNullOrWhiteSpace(text)) Blocks.Add(new Block(BlockKind.Heading, text, headingLevel: level));
                    ReadFrames(element);
                }
                else if (name == Text + "p")
                {
                    var text = Inline(element);
                    if (!string.IsNullOrWhiteSpace(text))
                        Blocks.Add(paragraphStyles.IsTitle(element.Attribute(Text + "style-name")?.Value)
                            ? new Block(BlockKind.Heading, text, headingLevel: 1)
                            : new Block(BlockKind.Paragraph, text));
                    ReadFrames(element);
                }
                else if (name == Text + "list")
                {
                    ReadList(element, element.Attribute(Text + "style-name")?.Value, 1, null);
                }
                else if (name == Table + "table")
                {
                    ReadTable(element);
                }
                else if (name == Text + "section" || name == Office + "text")
                {
                    ReadContainer(element);
                }
                // Skipped: text:tracked-changes (deleted text lives there), generated indexes,
                // declarations, forms, annotations.
            }
        }

        private void ReadList(XElement list, string? style, int level, int[]? counters)
        {
            style = list.Attribute(Text + "style-name")?.Value ?? style;
            if (counters is null)
            {
                var continues = list.Attribute(Text + "continue-numbering")?.Value == "true" || list.Attribute(Text + "continue-list") is not null;
                counters = continues && style is not null && _continuedCounters.TryGetValue(style, out var previous) ? previous : new int[11];
                if (style is not null) _continuedCounters[style] = counters;
            }
            foreach (var item in list.Elements())
            {
                if (item.Name != Text + "list-item" && item.Name != Text + "list-header") continue;
                var labelled = item.Name == Text + "list-item";
                string? label = null;
                if (labelled)
                {
                    if (int.TryParse(item.Attribute(Text + "start-value")?.Value, out var start)) counters[level] = start - 1;
                    counters[level]++;
                    for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;
                    label = Label(style, level, counters);
                }
                foreach (var child in item.Elements())
                {
                    if (child.Name == Text + "list")
                    {
                        ReadList(child, style, Math.Min(level + 1, 10), counters);
                    }
                    else if (child.Name == Text + "p" || child.Name == Text + "h")
                    {
                        var text = Inline(child);
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            if (child.Name == Text + "h")
                                Blocks.Add(new Block(BlockKind.Heading, label is null || label == "•" ? text : label + " " + text,
                                    headingLevel: int.TryParse(child.Attribute(Text + "outline-level")?.Value, out var hl) ? Math.Clamp(hl, 1, 9) : level));
                            else
                                Blocks.Add(new Block(BlockKind.ListItem, text, listLabel: label));
                            label = null; // further paragraphs of the same item carry no number
                        }
                        ReadFrames(child);
                    }
                    else if (child.Name == Table + "table")
                    {
                        ReadTable(child);
                    }
                }
            }
        }

        private string? Label(string? style, int level, int[] counters)
        {
            var definition = listStyles.Level(style, level);
            if (definition is null) return "•";
            if (definition.Name == Text + "list-level-style-bullet") return "•";
            if (definition.Name != Text + "list-level-style-number") return null;
            var format = definition.Attribute(Style + "num-format")?.Value ?? "1";
            if (format.Length == 0) return null;
            var display = int.TryParse(definition.Attribute(Text + "display-levels")?.Value, out var d) ? Math.Clamp(d, 1, level) : 1;
            var numbers = new List<string>();
            for (var l = level - display + 1; l <= level; l++)
            {
                var levelFormat = listStyles.Level(style, l)?.Attribute(Style + "num-format")?.Value ?? format;
                numbers.Add(FormatNumber(Math.Max(counters[l], 1), levelFormat));
            }
            var prefix = definition.Attribute(Style + "num-prefix")?.Value ?? string.Empty;
            var suffix = definition.Attribute(Style + "num-suffix")?.Value ?? string.Empty;
            return (prefix + string.Join('.', numbers) + suffix).Trim();
        }

        private static string FormatNumber(int value, string format) => format switch
        {
            "a" => ((char)('a' + (value - 1) % 26)).ToString(),
            "A" => ((char)('A' + (value - 1) % 26)).ToString(),
            "i" => Roman(value).ToLowerInvariant(),
            "I" => Roman(value),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        private static string Roman(int value)
        {
            if (value is < 1 or > 3999) return value.ToString(CultureInfo.InvariantCulture);
            (int, string)[] map = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var sb = new StringBuilder();
            foreach (var (n, s) in map)
                while (value >= n) { sb.Append(s); value -= n; }
            return sb.ToString();
        }

        private void ReadTable(XElement table)
        {
            var headerRows = table.Elements(Table + "table-header-rows").SelectMany(h => h.Elements(Table + "table-row")).ToList();
            var bodyRows = table.Elements()
                .SelectMany(e => e.Name == Table + "table-row" ? [e]
                    : e.Name == Table + "table-rows" || e.Name == Table + "table-row-group" ? e.Elements(Table + "table-row")
                    : [])
                .ToList();
            var allRows = headerRows.Concat(bodyRows).ToList();
            var columns = allRows.Count == 0 ? 0 : allRows.Max(r => Cells(r).Count());
            if (columns <= 1)
            {
                // A one-column table is a box around text: read its content as paragraphs.
                foreach (var cell in allRows.SelectMany(Cells)) ReadContainer(cell);
                return;
            }
            var headerTexts = headerRows.Select(RowTexts).FirstOrDefault(r => r.Any(c => c.Length > 0));
            var bodyTexts = bodyRows.Select(RowTexts).ToList();
            if (headerTexts is null && bodyTexts.Count > 0 && TableHeuristics.LooksLikeHeader(bodyTexts[0], bodyTexts.Count))
            {
                headerTexts = bodyTexts[0];
                bodyTexts.RemoveAt(0);
            }
            foreach (var row in bodyTexts)
            {
                if (row.All(string.IsNullOrWhiteSpace)) continue;
                Blocks.Add(new Block(BlockKind.TableRow, string.Join('\t', row), tableHeaders: headerTexts ?? []));
            }
        }

        private static IEnumerable<XElement> Cells(XElement row) =>
            row.Elements().Where(c => c.Name == Table + "table-cell" || c.Name == Table + "covered-table-cell");

        private List<string> RowTexts(XElement row)
        {
            var texts = new List<string>();
            foreach (var cell in Cells(row))
            {
                var text = TableHeuristics.Cell(string.Join(" ", cell.Descendants().Where(e => e.Name == Text + "p" || e.Name == Text + "h")
                    .Where(e => !e.Ancestors().Any(a => a.Name == Text + "p" || a.Name == Text + "h"))
                    .Select(Inline).Where(t => !string.IsNullOrWhiteSpace(t))));
                texts.Add(text);
                // Repeated empty cells pad wide sheets; one is enough to keep alignment.
            }
            while (texts.Count > 0 && texts[^1].Length == 0) texts.RemoveAt(texts.Count - 1);
            return texts;
        }

        private void ReadFrames(XElement paragraph)
        {
            foreach (var box in paragraph.Descendants(Draw + "text-box"))
                if (!box.Ancestors(Draw + "text-box").Any()) ReadContainer(box);
        }

        public void AppendNotes()
        {
            var footnotes = _notes.Where(n => n.Attribute(Text + "note-class")?.Value != "endnote").ToList();
            var endnotes = _notes.Except(footnotes).ToList();
            AppendNotes(footnotes, "Voetnoten");
            AppendNotes(endnotes, "Eindnoten");
        }

        private void AppendNotes(List<XElement> notes, string heading)
        {
            var added = false;
            var number = 0;
            foreach (var note in notes)
            {
                number++;
                var body = note.Element(Text + "note-body");
                if (body is null) continue;
                var text = string.Join(" ", body.Elements().Where(e => e.Name == Text + "p" || e.Name == Text + "h").Select(Inline)).Trim();
                if (text.Length == 0) continue;
                var citation = note.Element(Text + "note-citation")?.Value.Trim();
                if (!added) { Blocks.Add(new Block(BlockKind.Heading, heading, headingLevel: 1)); added = true; }
                Blocks.Add(new Block(BlockKind.Paragraph, $"[{(string.IsNullOrEmpty(citation) ? number.ToString(CultureInfo.InvariantCulture) : citation)}] {text}"));
            }
        }

        private string Inline(XElement element)
        {
            var sb = new StringBuilder();
            AppendInline(element, sb);
            return sb.ToString();
        }

        private void AppendInline(XElement element, StringBuilder sb)
        {
            foreach (var node in element.Nodes())
            {
                if (node is XText text) { sb.Append(text.Value); continue; }
                if (node is not XElement child) continue;
                var name = child.Name;
                if (name == Text + "s")
                {
                    var count = int.TryParse(child.Attribute(Text + "c")?.Value, out var c) ? Math.Clamp(c, 1, 1000) : 1;
                    sb.Append(' ', count);
                }
                else if (name == Text + "tab") sb.Append('\t');
                else if (name == Text + "line-break") sb.Append('\n');
                else if (name == Text + "note")
                {
                    if (!_notes.Contains(child)) _notes.Add(child);
                }
                else if (name == Draw + "frame" || name == Draw + "a" && child.Element(Draw + "frame") is not null) { /* text boxes follow the paragraph */ }
                else if (name.Namespace == Office && name.LocalName is "annotation" or "annotation-end") { }
                else if (name == Text + "ruby-text" || name == Text + "soft-page-break" || name == Text + "bookmark-start" || name == Text + "change") { }
                else AppendInline(child, sb);
            }
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PolicyLens.Documents;
using Format = PolicyLens.Documents.DocumentFormat;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// Reads Word documents (DOCX) with DocumentFormat.OpenXml. Headings come from style names
/// through the <c>w:basedOn</c> chain ("heading 1" also when the id is Dutch "Kop1") and outline
/// levels; list and heading numbers are computed from <c>w:numPr</c> (counters per numId, the
/// level's <c>lvlText</c> and number format). Text is taken from <c>w:t</c>, tabs and breaks
/// only, so tracked deletions, moved-from text, field codes and comments never leak in;
/// headers and footers are not read. Text boxes follow the paragraph that anchors them;
/// footnotes and endnotes come last under their own heading. One-column tables are layout
/// boxes and read as ordinary paragraphs.
/// </summary>
public sealed partial class DocxReader : IDocumentReader
{
    internal const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private readonly ReaderOptions _options;

    public DocxReader(ReaderOptions? options = null)
    {
        _options = options ?? new ReaderOptions();
        _options.Validate();
    }

    public IReadOnlyCollection<Format> Formats { get; } = [Format.Docx];

    public ReaderOutput Read(DocumentSource source, Format format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var refusal = ArchiveGuard.Check(source.Path, _options, cancellationToken);
        if (refusal is not null) return ReaderOutput.Failed(refusal);
        try
        {
            using var document = WordprocessingDocument.Open(source.Path, false, new OpenSettings
            {
                MaxCharactersInPart = _options.MaxArchiveUncompressedBytes,
            });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
                return ReaderOutput.Failed(IssueCode.MissingBody, "the Word document has no main text part; open it in Word, save it again and retry");
            var walker = new Walker(main, cancellationToken);
            walker.ReadBody(body);
            walker.ReadNotes(main.FootnotesPart?.Footnotes, "Voetnoten");
            walker.ReadNotes(main.EndnotesPart?.Endnotes, "Eindnoten");
            var title = document.PackageProperties.Title;
            int? pages = int.TryParse(document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text, out var p) && p > 0 ? p : null;
            return new ReaderOutput(walker.Blocks, walker.Issues, title, pages);
        }
        catch (OpenXmlPackageException ex)
        {
            return ReaderOutput.Failed(IssueCode.Damaged, $"the file is not a valid Word document ({ex.Message.TrimEnd('.')}); open it in Word, save it as .docx and try again");
        }
        catch (InvalidDataException ex)
        {
            return ReaderOutput.Failed(IssueCode.Damaged, $"the Word document is damaged ({ex.Message.TrimEnd('.')}); download or export it again");
        }
        catch (XmlException ex)
        {
            return ReaderOutput.Failed(IssueCode.MalformedXml, $"the Word document contains malformed XML ({ex.Message.TrimEnd('.')}); open it in Word, save it again and retry");
        }
    }

    internal static string? Attr(OpenXmlElement? element, string localName, string ns = W)
    {
        if (element is null) return null;
        foreach (var a in element.GetAttributes())
            if (a.LocalName == localName && a.NamespaceUri == ns) return a.Value;
        return null;
    }

    internal static OpenXmlElement? Child(OpenXmlElement? element, string localName)
    {
        if (element is null) return null;
        foreach (var c in element.ChildElements)
            if (c.LocalName == localName && c.NamespaceUri == W) return c;
        return null;
    }

    [GeneratedRegex(@"^(?:heading|kop|überschrift|titre)\s*(?<n>[1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingStyleName();

    private sealed class Walker
    {
        private readonly Styles _styles;
        private readonly Numbering _numbering;
        private readonly CancellationToken _cancellationToken;
        private int _skippedAltChunks;

        public Walker(MainDocumentPart main, CancellationToken cancellationToken)
        {
            _styles = new Styles(main.StyleDefinitionsPart?.Styles);
            _numbering = new Numbering(main.NumberingDefinitionsPart?.Numbering);
            _cancellationToken = cancellationToken;
        }

        public List<Block> Blocks { get; } = [];
        public List<IngestionIssue> Issues { get; } = [];

        public void ReadBody(OpenXmlElement body)
        {
            ReadBlockContainer(body);
            if (_skippedAltChunks > 0)
                Issues.Add(IngestionIssue.Warning(IssueCode.EmbeddedPartsSkipped,
                    $"{_skippedAltChunks} embedded document part(s) (altChunk) were skipped; paste their content into the document to include it.").With("count", _skippedAltChunks));
        }

        private void ReadBlockContainer(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                if (child.NamespaceUri != W)
                {
                    if (child.LocalName == "AlternateContent" && child.NamespaceUri == Mc && child.FirstChild is { } choice) ReadBlockContainer(choice);
                    continue;
                }
                switch (child.LocalName)
                {
                    case "p":
                        ReadParagraph(child);
                        break;
                    case "tbl":
                        ReadTable(child);
                        break;
                    case "sdt":
                        if (!IsTableOfContents(child)) ReadBlockContainer(Child(child, "sdtContent") ?? child);
                        break;
                    case "customXml":
                    case "ins":
                    case "moveTo":
                    case "smartTag":
                        ReadBlockContainer(child);
                        break;
                    case "altChunk":
                        _skippedAltChunks++;
                        break;
                }
            }
        }

        private static bool IsTableOfContents(OpenXmlElement sdt)
        {
            var gallery = Child(Child(Child(sdt, "sdtPr"), "docPartObj"), "docPartGallery");
            return Attr(gallery, "val") is { } v && v.Contains("Table of Contents", StringComparison.OrdinalIgnoreCase);
        }

        private void ReadParagraph(OpenXmlElement paragraph)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var textBoxes = new List<OpenXmlElement>();
            var sb = new StringBuilder();
            AppendRunContent(paragraph, sb, textBoxes);
            var pPr = Child(paragraph, "pPr");
            var styleId = Attr(Child(pPr, "pStyle"), "val");
            if (!_styles.IsTableOfContents(styleId))
            {
                var text = sb.ToString();
                var level = OutlineLevel(pPr) ?? _styles.HeadingLevel(styleId);
                var label = NumberLabel(pPr, styleId, text);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    if (level is > 0)
                        Blocks.Add(new Block(BlockKind.Heading, label is null || label == "•" ? text : label + " " + text, headingLevel: level.Value));
                    else if (label is not null)
                        Blocks.Add(new Block(BlockKind.ListItem, text, listLabel: label));
                    else
                        Blocks.Add(new Block(BlockKind.Paragraph, text));
                }
            }
            foreach (var box in textBoxes) ReadBlockContainer(box);
        }

        internal static int? OutlineLevel(OpenXmlElement? pPr)
        {
            var value = Attr(Child(pPr, "outlineLvl"), "val");
            if (value is null || !int.TryParse(value, out var level)) return null;
            return level is >= 0 and <= 8 ? level + 1 : 0; // 9 means body text
        }

        private string? NumberLabel(OpenXmlElement? pPr, string? styleId, string text)
        {
            var numPr = Child(pPr, "numPr");
            int? numId = null;
            int? ilvl = null;
            if (numPr is not null)
            {
                if (int.TryParse(Attr(Child(numPr, "numId"), "val"), out var id)) numId = id;
                if (int.TryParse(Attr(Child(numPr, "ilvl"), "val"), out var lvl)) ilvl = lvl;
            }
            if (numId is null)
            {
                var fromStyle = _styles.Numbering(styleId);
                if (fromStyle is null) return null;
                numId = fromStyle.Value.NumId;
                ilvl ??= fromStyle.Value.Level ?? _numbering.LevelForStyle(numId.Value, _styles.ResolveStyleChainIds(styleId));
            }
            if (numId is null or 0 || string.IsNullOrWhiteSpace(text)) return null; // numId 0 switches numbering off
            return _numbering.Next(numId.Value, ilvl ?? 0);
        }

        private void ReadTable(OpenXmlElement table)
        {
            var rows = table.ChildElements.Where(e => e.LocalName == "tr" && e.NamespaceUri == W).ToList();
            var cellRows = rows.Select(r => r.ChildElements
                .SelectMany(c => c.LocalName == "sdt" ? Child(c, "sdtContent")?.ChildElements.AsEnumerable() ?? [] : [c])
                .Where(c => c.LocalName == "tc" && c.NamespaceUri == W).ToList()).ToList();
            var columns = cellRows.Count == 0 ? 0 : cellRows.Max(r => r.Count);
            if (columns <= 1)
            {
                // A one-column table is a box around text, not data: read what is inside as usual.
                foreach (var cell in cellRows.SelectMany(r => r)) ReadBlockContainer(cell);
                return;
            }
            var texts = cellRows.Select(r => r.Select(CellText).ToList()).ToList();
            IReadOnlyList<string> headers = [];
            var first = 0;
            if (texts.Count > 0)
            {
                var marked = Child(Child(rows[0], "trPr"), "tblHeader") is { } h && Attr(h, "val") is null or "1" or "true" or "on";
                if (marked || TableHeuristics.LooksLikeHeader(texts[0], texts.Count))
                {
                    headers = texts[0];
                    first = 1;
                }
            }
            for (var i = first; i < texts.Count; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (texts[i].All(string.IsNullOrWhiteSpace)) continue;
                Blocks.Add(new Block(BlockKind.TableRow, string.Join('\t', texts[i]), tableHeaders: headers));
            }
        }

        private string CellText(OpenXmlElement cell)
        {
            var parts = new List<string>();
            CollectText(cell, parts);
            return TableHeuristics.Cell(string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
        }

        private void CollectText(OpenXmlElement container, List<string> parts)
        {
            foreach (var child in container.ChildElements)
            {
                if (child.NamespaceUri != W) continue;
                if (child.LocalName == "p")
                {
                    var sb = new StringBuilder();
                    var boxes = new List<OpenXmlElement>();
                    AppendRunContent(child, sb, boxes);
                    parts.Add(sb.ToString());
                    foreach (var box in boxes) CollectText(box, parts);
                }
                else if (child.LocalName is "tbl" or "tr" or "tc" or "sdt" or "sdtContent" or "customXml")
                {
                    CollectText(child, parts);
                }
            }
        }

        /// <summary>
        /// Appends the visible text of a paragraph: w:t, tabs, breaks and hyphen characters.
        /// Deleted and moved-from runs, field instructions, note references and the fallback
        /// branch of alternate content (a duplicate of the choice) are skipped.
        /// </summary>
        private static void AppendRunContent(OpenXmlElement element, StringBuilder sb, List<OpenXmlElement> textBoxes)
        {
            foreach (var child in element.ChildElements)
            {
                if (child.NamespaceUri == W)
                {
                    switch (child.LocalName)
                    {
                        case "t":
                            sb.Append(child.InnerText);
                            continue;
                        case "tab":
                        case "ptab":
                            sb.Append('\t');
                            continue;
                        case "br":
                            sb.Append(Attr(child, "type") is "page" or "column" ? ' ' : '\n');
                            continue;
                        case "cr":
                            sb.Append('\n');
                            continue;
                        case "noBreakHyphen":
                            sb.Append('-');
                            continue;
                        case "softHyphen":
                            sb.Append('\u00AD');
                            continue;
                        case "txbxContent":
                            textBoxes.Add(child);
                            continue;
                        case "pPr":
                        case "rPr":
                        case "del":
                        case "moveFrom":
                        case "delText":
                        case "instrText":
                        case "delInstrText":
                        case "fldData":
                        case "footnoteReference":
                        case "endnoteReference":
                        case "commentReference":
                        case "annotationRef":
                        case "sym":
                        case "object":
                            continue;
                    }
                }
                else if (child.NamespaceUri == Mc && child.LocalName == "Fallback")
                {
                    continue;
                }
                else if (child.LocalName == "oMath" || child.LocalName == "oMathPara")
                {
                    continue;
                }
                AppendRunContent(child, sb, textBoxes);
            }
        }

        public void ReadNotes(OpenXmlElement? notes, string heading)
        {
            if (notes is null) return;
            var number = 0;
            var added = false;
            foreach (var note in notes.ChildElements)
            {
                if (note.LocalName is not ("footnote" or "endnote")) continue;
                if (Attr(note, "type") is "separator" or "continuationSeparator" or "continuationNotice") continue;
                var parts = new List<string>();
                CollectText(note, parts);
                number++;
                var text = string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p))).Trim();
                if (text.Length == 0) continue;
                if (!added)
                {
                    Blocks.Add(new Block(BlockKind.Heading, heading, headingLevel: 1));
                    added = true;
                }
                Blocks.Add(new Block(BlockKind.Paragraph, $"[{number}] {text}"));
            }
        }
    }

    /// <summary>Style facts resolved through the basedOn chain, matched on names, not ids.</summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, OpenXmlElement> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _levels = new(StringComparer.Ordinal);

        public Styles(OpenXmlElement? styles)
        {
            if (styles is null) return;
            foreach (var style in styles.ChildElements)
            {
                if (style.LocalName != "style" || Attr(style, "type") is not (null or "paragraph")) continue;
                if (Attr(style, "styleId") is { } id) _byId.TryAdd(id, style);
            }
        }

        private IEnumerable<OpenXmlElement> Chain(string? styleId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var id = styleId;
            while (id is not null && seen.Add(id) && seen.Count < 32 && _byId.TryGetValue(id, out var style))
            {
                yield return style;
                id = Attr(Child(style, "basedOn"), "val");
            }
        }

        public IReadOnlyList<string> ResolveStyleChainIds(string? styleId) =>
            Chain(styleId).Select(s => Attr(s, "styleId")!).ToList();

        private static string? Name(OpenXmlElement style) => Attr(Child(style, "name"), "val")?.Trim();

        public bool IsTableOfContents(string? styleId)
        {
            if (styleId is null) return false;
            var name = Chain(styleId).Select(Name).FirstOrDefault(n => n is not null)?.ToLowerInvariant() ?? styleId.ToLowerInvariant();
            return name.StartsWith("toc ", StringComparison.Ordinal) || name == "toc heading"
                || Regex.IsMatch(name, @"^(?:toc|inhopg|inhoudsopgave)\s*\d$", RegexOptions.CultureInvariant);
        }

        /// <summary>1–9 for headings, null or 0 otherwise. Names win over outline levels, own style over base.</summary>
        public int? HeadingLevel(string? styleId)
        {
            if (styleId is null) return null;
            if (_levels.TryGetValue(styleId, out var cached)) return cached;
            var level = 0;
            foreach (var style in Chain(styleId))
            {
                var name = Name(style);
                var match = name is null ? null : HeadingStyleName().Match(name);
                if (match is { Success: true }) { level = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture); break; }
                if (name is not null && (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name.Equals("Titel", StringComparison.OrdinalIgnoreCase))) { level = 1; break; }
                var outline = Walker.OutlineLevel(Child(style, "pPr"));
                if (outline is not null) { level = outline.Value; break; }
                // Styles without a name: Word's own ids ("Heading1", Dutch "Kop1").
                var idMatch = HeadingStyleName().Match(Attr(style, "styleId") ?? string.Empty);
                if (name is null && idMatch.Success) { level = int.Parse(idMatch.Groups["n"].Value, CultureInfo.InvariantCulture); break; }
            }
            _levels[styleId] = level;
            return level;
        }

        public (int NumId, int? Level)? Numbering(string? styleId)
        {
            foreach (var style in Chain(styleId))
            {
                var numPr = Child(Child(style, "pPr"), "numPr");
                if (numPr is null) continue;
                if (!int.TryParse(Attr(Child(numPr, "numId"), "val"), out var numId)) continue;
                int? level = int.TryParse(Attr(Child(numPr, "ilvl"), "val"), out var l) ? l : null;
                return (numId, level);
            }
            return null;
        }
    }

    /// <summary>List and heading numbers, counted per numId as Word renders them.</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _instances = [];
        private readonly Dictionary<int, Dictionary<int, Level>> _abstracts = [];
        private readonly Dictionary<int, int?[]> _counters = [];

        private sealed record Level(int Start, string Format, string? Text, bool Legal, string? StyleId);

        public Numbering(OpenXmlElement? numbering)
        {
            if (numbering is null) return;
            foreach (var element in numbering.ChildElements)
            {
                if (element.LocalName == "abstractNum" && int.TryParse(Attr(element, "abstractNumId"), out var abstractId))
                {
                    var levels = new Dictionary<int, Level>();
                    foreach (var lvl in element.ChildElements.Where(e => e.LocalName == "lvl"))
                    {
                        if (!int.TryParse(Attr(lvl, "ilvl"), out var index)) continue;
                        var start = int.TryParse(Attr(Child(lvl, "start"), "val"), out var s) ? s : 1;
                        levels[index] = new Level(start, Attr(Child(lvl, "numFmt"), "val") ?? "decimal", Attr(Child(lvl, "lvlText"), "val"),
                            Child(lvl, "isLgl") is not null, Attr(Child(lvl, "pStyle"), "val"));
                    }
                    _abstracts[abstractId] = levels;
                }
                else if (element.LocalName == "num" && int.TryParse(Attr(element, "numId"), out var numId)
                         && int.TryParse(Attr(Child(element, "abstractNumId"), "val"), out var abs))
                {
                    var overrides = new Dictionary<int, int>();
                    foreach (var o in element.ChildElements.Where(e => e.LocalName == "lvlOverride"))
                        if (int.TryParse(Attr(o, "ilvl"), out var ilvl) && int.TryParse(Attr(Child(o, "startOverride"), "val"), out var so))
                            overrides[ilvl] = so;
                    _instances[numId] = (abs, overrides);
                }
            }
        }

        public int? LevelForStyle(int numId, IReadOnlyList<string> styleIds)
        {
            if (!_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var levels)) return null;
            foreach (var (index, level) in levels)
                if (level.StyleId is not null && styleIds.Contains(level.StyleId)) return index;
            return null;
        }

        /// <summary>Advances the counter of the level and renders its label; null when unnumbered.</summary>
        public string? Next(int numId, int ilvl)
        {
            if (ilvl is < 0 or > 8) ilvl = 0;
            if (!_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var levels)) return null;
            if (!levels.TryGetValue(ilvl, out var level)) return null;
            if (level.Format == "none") return null;
            if (level.Format == "bullet") return "•";
            if (!_counters.TryGetValue(numId, out var counters)) _counters[numId] = counters = new int?[9];
            counters[ilvl] = counters[ilvl] is { } c ? c + 1 : StartOf(instance, levels, ilvl);
            for (var deeper = ilvl + 1; deeper < 9; deeper++) counters[deeper] = null;
            var text = level.Text ?? $"%{ilvl + 1}.";
            var sb = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
                {
                    var referenced = text[i + 1] - '1';
                    var value = counters[referenced] ?? StartOf(instance, levels, referenced);
                    var format = level.Legal ? "decimal" : levels.TryGetValue(referenced, out var rl) ? rl.Format : "decimal";
                    sb.Append(FormatNumber(value, format));
                    i++;
                }
                else sb.Append(text[i]);
            }
            var label = sb.ToString().Trim();
            return label.Length == 0 ? null : label;
        }

        private static int StartOf((int AbstractId, Dictionary<int, int> StartOverrides) instance, Dictionary<int, Level> levels, int ilvl) =>
            instance.StartOverrides.TryGetValue(ilvl, out var s) ? s : levels.TryGetValue(ilvl, out var l) ? l.Start : 1;

        private static string FormatNumber(int value, string format) => format switch
        {
            "lowerLetter" => Letters(value).ToLowerInvariant(),
            "upperLetter" => Letters(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperRoman" => Roman(value),
            "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        private static string Letters(int value)
        {
            if (value < 1) return value.ToString(CultureInfo.InvariantCulture);
            // Word repeats the letter after z: aa, bb, …
            var letter = (char)('A' + (value - 1) % 26);
            return new string(letter, (value - 1) / 26 + 1);
        }

        private static string Roman(int value)
        {
            if (value is < 1 or > 3999) return value.ToString(CultureInfo.InvariantCulture);
            (int, string)[] map = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var sb = new StringBuilder();
            foreach (var (n, s) in map)
                while (value >= n) { sb.Append(s); value -= n; }
            return sb.ToString();
        }
    }
}

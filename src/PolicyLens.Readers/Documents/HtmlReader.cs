using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PolicyLens.Documents;
using Format = PolicyLens.Documents.DocumentFormat;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// Reads HTML pages with AngleSharp: h1–h6, paragraphs, list items (ordered lists numbered),
/// table rows with their th headers, and loose text in containers. Page chrome is dropped:
/// script, style, nav, aside, forms, page-level header and footer, ARIA landmarks for
/// navigation, and cookie/consent banners recognised by id or class. When the page has a
/// substantial &lt;main&gt;, only that is read. The &lt;title&gt; is the metadata title.
/// Pages nested too deep, too large or with too many elements are refused before parsing
/// (<see cref="HtmlPreCheck"/>), and parsing stops when the cancellation token fires.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "textarea", "input",
        "iframe", "svg", "canvas", "dialog", "object", "embed", "audio", "video", "map", "head", "menu", "math",
    };

    private static readonly HashSet<string> SkippedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
    };

    // Fragments of ids and classes that mark chrome rather than content.
    private static readonly string[] ChromeMarkers =
    [
        "cookie", "consent", "gdpr", "onetrust", "cookiebot", "breadcrumb", "skiplink", "skip-link", "skip-to", "navbar",
        "navigation", "sr-only", "visually-hidden", "social-share", "share-buttons", "site-header", "site-footer", "main-menu", "mainmenu",
    ];

    private static readonly HashSet<string> ChromeTokens = new(StringComparer.OrdinalIgnoreCase) { "nav", "menu", "sidebar", "topbar", "footer" };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "main", "blockquote", "figure", "figcaption", "dl", "dt", "dd", "address", "details",
        "summary", "pre", "center", "fieldset", "hr", "body", "html", "header", "footer", "caption",
    };

    private readonly ReaderOptions _options;

    public HtmlReader(ReaderOptions? options = null)
    {
        _options = options ?? new ReaderOptions();
        _options.Validate();
    }

    public IReadOnlyCollection<Format> Formats { get; } = [Format.Html];

    public ReaderOutput Read(DocumentSource source, Format format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        // AngleSharp's tree building slows down with the square of the nesting depth and never
        // looks at a cancellation token, so a hostile page is refused by a linear scan first,
        // and the parser reads through a stream that stops it once the token fires.
        using (var scan = source.OpenRead())
        {
            if (HtmlPreCheck.Check(scan, _options, cancellationToken) is { } refusal) return ReaderOutput.Failed(refusal);
        }
        using var stream = new CancellableReadStream(source.OpenRead(), cancellationToken);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(stream);
        cancellationToken.ThrowIfCancellationRequested();
        var body = document.Body;
        if (body is null) return ReaderOutput.Failed(IssueCode.MissingBody, "the HTML page has no body; save the page again with its content");
        var main = document.QuerySelector("main, [role=main]");
        IElement root = main is not null && main.TextContent.Trim().Length >= 200 ? main : body;
        var walker = new Walker(_options.MaxXmlDepth, cancellationToken);
        try
        {
            walker.Walk(root, 0);
            walker.Flush();
        }
        catch (TooDeepException)
        {
            return ReaderOutput.Failed(IngestionIssue.Error(IssueCode.NestingTooDeep,
                $"the HTML nests elements deeper than {_options.MaxXmlDepth} levels; this is not a normal page — save it again from the browser, or raise ReaderOptions.MaxXmlDepth").With("limit", _options.MaxXmlDepth));
        }
        return new ReaderOutput(walker.Blocks, [], document.Title);
    }

    private sealed class TooDeepException : Exception;

    private static bool IsChrome(IElement element)
    {
        if (SkippedTags.Contains(element.LocalName)) return true;
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true") return true;
        var style = element.GetAttribute("style");
        if (style is not null)
        {
            var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal)) return true;
        }
        if (element.GetAttribute("role") is { } role && SkippedRoles.Contains(role.Trim())) return true;
        if (element.LocalName is "header" or "footer" && element.Closest("article, main, [role=main]") is null) return true;
        foreach (var token in element.ClassList.Append(element.Id ?? string.Empty))
        {
            if (token.Length == 0) continue;
            var lower = token.ToLowerInvariant();
            if (ChromeTokens.Contains(lower)) return true;
            foreach (var marker in ChromeMarkers)
                if (lower.Contains(marker, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private sealed class Walker(int maxDepth, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _inline = new();

        public List<Block> Blocks { get; } = [];

        public void Flush()
        {
            if (_inline.Length == 0) return;
            var text = _inline.ToString();
            _inline.Clear();
            if (!string.IsNullOrWhiteSpace(text)) Blocks.Add(new Block(BlockKind.Paragraph, text));
        }

        public void Walk(INode node, int depth)
        {
            if (depth > maxDepth) throw new TooDeepException();
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _inline.Append(text.Data);
                    continue;
                }
                if (child is not IElement element || IsChrome(element)) continue;
                cancellationToken.ThrowIfCancellationRequested();
                var tag = element.LocalName;
                switch (tag)
                {
                    case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                        Flush();
                        var heading = TextOf(element, depth + 1);
                        if (!string.IsNullOrWhiteSpace(heading)) Blocks.Add(new Block(BlockKind.Heading, heading, headingLevel: tag[1] - '0'));
                        break;
                    case "p":
                        Flush();
                        var paragraph = TextOf(element, depth + 1);
                        if (!string.IsNullOrWhiteSpace(paragraph)) Blocks.Add(new Block(BlockKind.Paragraph, paragraph));
                        break;
                    case "ul" or "ol":
                        Flush();
                        ReadList(element, depth + 1);
                        break;
                    case "li":
                        Flush();
                        ReadListItem(element, "•", depth + 1);
                        break;
                    case "table":
                        Flush();
                        ReadTable((IHtmlTableElement)element, depth + 1);
                        break;
                    case "br":
                        _inline.Append('\n');
                        break;
                    case "img":
                        break;
                    default:
                        if (BlockTags.Contains(tag))
                        {
                            Flush();
                            Walk(element, depth + 1);
                            Flush();
                        }
                        else
                        {
                            Walk(element, depth + 1); // inline: span, a, strong, em, …
                        }
                        break;
                }
            }
        }

        private void ReadList(IElement list, int depth)
        {
            if (depth > maxDepth) throw new TooDeepException();
            var ordered = list.LocalName == "ol";
            var counter = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start - 1 : 0;
            var type = list.GetAttribute("type") ?? "1";
            foreach (var item in list.Children)
            {
                if (IsChrome(item)) continue;
                if (item.LocalName != "li")
                {
                    if (item.LocalName is "ul" or "ol") ReadList(item, depth + 1);
                    continue;
                }
                counter = int.TryParse(item.GetAttribute("value"), out var value) ? value : counter + 1;
                ReadListItem(item, ordered ? FormatNumber(counter, type) + "." : "•", depth + 1);
            }
        }

        private void ReadListItem(IElement item, string label, int depth)
        {
            var text = TextOf(item, depth, skipLists: true);
            if (!string.IsNullOrWhiteSpace(text)) Blocks.Add(new Block(BlockKind.ListItem, text, listLabel: label));
            foreach (var nested in item.QuerySelectorAll("ul, ol").Where(l => l.ParentElement?.Closest("li") == item).ToList())
                ReadList(nested, depth + 1);
        }

        private void ReadTable(IHtmlTableElement table, int depth)
        {
            var rows = table.Rows.Where(r => !IsChrome(r)).ToList();
            var cellRows = rows.Select(r => r.Cells.ToList()).ToList();
            var columns = cellRows.Count == 0 ? 0 : cellRows.Max(r => r.Count);
            if (columns <= 1)
            {
                foreach (var cell in cellRows.SelectMany(c => c)) { Walk(cell, depth + 1); Flush(); }
                return;
            }
            var texts = cellRows.Select(r => r.Select(c => TableHeuristics.Cell(TextOf(c, depth + 1))).ToList()).ToList();
            IReadOnlyList<string> headers = [];
            var first = 0;
            if (cellRows.Count > 0)
            {
                var headerRow = cellRows[0].All(c => c.LocalName == "th") || rows[0].ParentElement?.LocalName == "thead";
                if (headerRow || TableHeuristics.LooksLikeHeader(texts[0], texts.Count))
                {
                    headers = texts[0];
                    first = 1;
                }
            }
            for (var i = first; i < texts.Count; i++)
            {
                if (texts[i].All(string.IsNullOrWhiteSpace)) continue;
                // A row whose first cell is a th names itself ("Budget 2026 | 12.000").
                Blocks.Add(new Block(BlockKind.TableRow, string.Join('\t', texts[i]), tableHeaders: headers));
            }
        }

        private string TextOf(IElement element, int depth, bool skipLists = false)
        {
            var sb = new StringBuilder();
            AppendText(element, sb, depth, skipLists);
            return sb.ToString();
        }

        private void AppendText(INode node, StringBuilder sb, int depth, bool skipLists)
        {
            if (depth > maxDepth) throw new TooDeepException();
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text) { sb.Append(text.Data); continue; }
                if (child is not IElement element || IsChrome(element)) continue;
                if (skipLists && element.LocalName is "ul" or "ol") continue;
                if (element.LocalName == "br") { sb.Append('\n'); continue; }
                if (element.LocalName == "img") continue;
                var block = BlockTags.Contains(element.LocalName) || element.LocalName is "p" or "li" or "tr" or "td" or "th" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
                if (block) sb.Append(' ');
                AppendText(element, sb, depth + 1, skipLists);
                if (block) sb.Append(' ');
            }
        }

        private static string FormatNumber(int value, string type) => type switch
        {
            "a" when value >= 1 => ((char)('a' + (value - 1) % 26)).ToString(),
            "A" when value >= 1 => ((char)('A' + (value - 1) % 26)).ToString(),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
    }
}

using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLens.Documents;
using PolicyLens.Passages;
using Format = PolicyLens.Documents.DocumentFormat;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// Reads plain text and Markdown. Text must be UTF-8 (with or without BOM) or UTF-16 with a
/// BOM; invalid UTF-8 is an error that names the byte offset, because guessing a legacy
/// encoding silently garbles Dutch accents. A leading front-matter block (YAML between
/// <c>---</c> lines, or <c>key: value</c> lines closed by <c>---</c>) is metadata: its
/// <c>title</c> becomes the title and the rest is skipped.
/// Markdown: ATX and setext headings, blank-line paragraphs, list items (<c>-</c>, <c>*</c>,
/// <c>+</c>, <c>1.</c>), pipe tables; inline markup is stripped.
/// Plain text: blank lines separate paragraphs; hard-wrapped lines are joined; bullets
/// (•, -, *, –) and "1." start list items; a short stand-alone line reads as a heading (the
/// first one as the title heading); plan code lines start their own block so the passage
/// builder can see them.
/// </summary>
public sealed partial class PlainTextReader : IDocumentReader
{
    public PlainTextReader(ReaderOptions? options = null) => (options ?? new ReaderOptions()).Validate();

    public IReadOnlyCollection<Format> Formats { get; } = [Format.Text, Format.Markdown];

    public ReaderOutput Read(DocumentSource source, Format format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bytes = File.ReadAllBytes(source.Path);
        if (!TryDecode(bytes, out var text, out var error)) return ReaderOutput.Failed(error!);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var start = SkipFrontMatter(lines, out var title);
        var blocks = format == Format.Markdown ? ParseMarkdown(lines, start, cancellationToken) : ParsePlain(lines, start, cancellationToken);
        return new ReaderOutput(blocks, [], title);
    }

    /// <summary>Decodes by BOM, else as strict UTF-8; reports the first invalid byte's offset.</summary>
    internal static bool TryDecode(byte[] bytes, out string text, out IngestionIssue? error)
    {
        error = null;
        text = string.Empty;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2); return true; }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { text = Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2); return true; }
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) span = span[3..];
        var offset = 0;
        var remaining = span;
        while (!remaining.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(remaining, out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var at = offset + (bytes.Length - span.Length);
                error = IngestionIssue.Error(IssueCode.NotUtf8,
                    $"the text is not valid UTF-8 (first invalid byte 0x{remaining[0]:X2} at offset {at:N0}); save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8) and try again").With("offset", at);
                return false;
            }
            offset += consumed;
            remaining = remaining[consumed..];
        }
        text = Encoding.UTF8.GetString(span);
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]{0,40}:(\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterLine();

    private static int SkipFrontMatter(string[] lines, out string? title)
    {
        title = null;
        var first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0) first++;
        if (first >= lines.Length) return 0;
        var yaml = lines[first].Trim() == "---";
        var i = yaml ? first + 1 : first;
        var keys = 0;
        for (; i < lines.Length && i < first + 60; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Trim() == "---" || yaml && line.Trim() == "...")
            {
                if (keys == 0) return 0;
                for (var k = first; k < i; k++)
                {
                    var m = Regex.Match(lines[k], @"^title:\s*(?<t>.+)$", RegexOptions.IgnoreCase);
                    if (m.Success) title = m.Groups["t"].Value.Trim().Trim('"', '\'');
                }
                return i + 1;
            }
            if (FrontMatterLine().IsMatch(line)) keys++;
            else if (!(yaml && (line.StartsWith(' ') || line.StartsWith('-') || line.Length == 0))) return 0;
        }
        return 0;
    }

    // ---------- Markdown ----------

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:\s+(?<text>.*?))?\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s{0,12}(?<marker>[-*+•]|\d{1,3}[.)])\s+(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownListItem();

    [GeneratedRegex(@"^\s*(?:[-*_]\s*){3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableSeparator();

    private static List<Block> ParseMarkdown(string[] lines, int start, CancellationToken cancellationToken)
    {
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        (string Label, StringBuilder Text)? item = null;
        var inFence = false;

        void FlushParagraph()
        {
            if (paragraph.Count > 0) blocks.Add(new Block(BlockKind.Paragraph, Inline(string.Join("\n", paragraph))));
            paragraph.Clear();
        }
        void FlushItem()
        {
            if (item is { } it && it.Text.Length > 0) blocks.Add(new Block(BlockKind.ListItem, Inline(it.Text.ToString()), listLabel: it.Label));
            item = null;
        }

        for (var i = start; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                FlushItem();
                if (inFence) FlushParagraph();
                inFence = !inFence;
                continue;
            }
            if (inFence) { paragraph.Add(line); continue; }
            if (trimmed.Length == 0) { FlushParagraph(); FlushItem(); continue; }

            var atx = AtxHeading().Match(line);
            if (atx.Success)
            {
                FlushParagraph(); FlushItem();
                var text = Inline(atx.Groups["text"].Value);
                if (text.Length > 0) blocks.Add(new Block(BlockKind.Heading, text, headingLevel: atx.Groups["hashes"].Length));
                continue;
            }
            if (paragraph.Count == 1 && item is null && trimmed.Length >= 2 && (trimmed.All(c => c == '=') || trimmed.All(c => c == '-')))
            {
                blocks.Add(new Block(BlockKind.Heading, Inline(paragraph[0]), headingLevel: trimmed[0] == '=' ? 1 : 2));
                paragraph.Clear();
                continue;
            }
            if (Rule().IsMatch(line)) { FlushParagraph(); FlushItem(); continue; }
            if (trimmed.StartsWith('|') && i + 1 < lines.Length && TableSeparator().IsMatch(lines[i + 1]))
            {
                FlushParagraph(); FlushItem();
                var headers = Cells(trimmed);
                i += 2;
                for (; i < lines.Length && lines[i].Trim().StartsWith('|'); i++)
                    blocks.Add(new Block(BlockKind.TableRow, string.Join('\t', Cells(lines[i].Trim())), tableHeaders: headers));
                i--;
                continue;
            }
            var list = MarkdownListItem().Match(line);
            if (list.Success)
            {
                FlushParagraph(); FlushItem();
                var marker = list.Groups["marker"].Value;
                item = (char.IsDigit(marker[0]) ? marker.TrimEnd(')', '.') + "." : "•", new StringBuilder(list.Groups["text"].Value));
                continue;
            }
            if (item is { } current && (line.StartsWith(' ') || line.StartsWith('\t') || paragraph.Count == 0))
            {
                current.Text.Append('\n').Append(trimmed); // continuation of the list item
                continue;
            }
            paragraph.Add(trimmed.StartsWith('>') ? trimmed.TrimStart('>', ' ') : line);
        }
        FlushParagraph();
        FlushItem();
        return blocks;
    }

    private static List<string> Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => TableHeuristics.Cell(Inline(c))).ToList();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?<t>.+?)\1", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*(?<t>[^*\s][^*]*?)\*(?![\w*])|(?<!\w)_(?<t>[^_\s][^_]*?)_(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`(?<t>[^`]+)`", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    /// <summary>Strips Markdown inline markup, keeping the words.</summary>
    internal static string Inline(string text)
    {
        text = Image().Replace(text, string.Empty);
        text = Link().Replace(text, "${text}");
        text = Strong().Replace(text, "${t}");
        text = Emphasis().Replace(text, "${t}");
        text = Code().Replace(text, "${t}");
        text = HtmlTag().Replace(text, " ");
        return text.Replace("\\*", "*", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal).Replace("\\#", "#", StringComparison.Ordinal);
    }

    // ---------- Plain text ----------

    // "13 Campagne …" numbers actions without a period in many Flemish plans; years are not labels.
    [GeneratedRegex(@"^\s*(?<marker>[•·▪◦‣∙*\-–]|\d{1,3}[.)]|\d{1,3}(?=\s+\p{L}))\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainListItem();

    private const int ShortLine = 80;
    private const int WrapWidth = 100;

    private static List<Block> ParsePlain(string[] lines, int start, CancellationToken cancellationToken)
    {
        var blocks = new List<Block>();
        var chunk = new List<string>();
        var chunks = new List<List<string>>();
        for (var i = start; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                if (chunk.Count > 0) { chunks.Add(chunk); chunk = []; }
            }
            else chunk.Add(lines[i].Trim());
        }
        if (chunk.Count > 0) chunks.Add(chunk);

        for (var c = 0; c < chunks.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = chunks[c];
            if (current.Count == 1 && LooksLikeHeading(current[0], hasFollowing: c + 1 < chunks.Count))
            {
                var level = blocks.Count == 0 ? 1 : 0;
                blocks.Add(new Block(BlockKind.Heading, current[0], headingLevel: level));
                continue;
            }
            if (blocks.Count == 0 && c == 0 && current.Count == 1 && current[0].Length <= 200 && !current[0].EndsWith('.'))
            {
                blocks.Add(new Block(BlockKind.Heading, current[0], headingLevel: 1));
                continue;
            }
            SplitChunk(current, blocks);
        }
        return blocks;
    }

    private static bool LooksLikeHeading(string line, bool hasFollowing)
    {
        if (!hasFollowing || line.Length > ShortLine || line.Length < 2) return false;
        if (PlainListItem().IsMatch(line)) return false;
        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0]))) return false;
        if (line[^1] is '.' or ',' or ';' or ':' or '"' or '”' or '’' or '\'') return PlanStructure.RecogniseCodeLine(line) is not null;
        // "We streven naar circulair bouwen. 15": a sentence with a page number, not a title.
        if (line.Contains(". ", StringComparison.Ordinal)) return PlanStructure.RecogniseCodeLine(line) is not null;
        return true;
    }

    /// <summary>
    /// One blank-line-separated chunk: hard-wrapped lines are joined into one paragraph; lines
    /// that are each a paragraph (long unwrapped lines, code lines, list items) stay apart.
    /// </summary>
    private static void SplitChunk(List<string> lines, List<Block> blocks)
    {
        var wrapped = lines.Count >= 2 && lines.Take(lines.Count - 1).All(l => l.Length is >= 30 and <= WrapWidth);
        string? label = null;
        var text = new StringBuilder();
        var previousLine = string.Empty;

        void Flush()
        {
            if (text.Length == 0) return;
            blocks.Add(label is null ? new Block(BlockKind.Paragraph, text.ToString()) : new Block(BlockKind.ListItem, text.ToString(), listLabel: label));
            text.Clear();
            label = null;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var list = PlainListItem().Match(line);
            var isCode = PlanStructure.RecogniseCodeLine(line) is { Kind: not PlanMarkerKind.Numbered } || IsStrongCode(line);
            if (list.Success && !isCode)
            {
                Flush();
                var marker = list.Groups["marker"].Value;
                label = char.IsDigit(marker[0]) ? marker : "•";
                text.Append(list.Groups["text"].Value);
                continue;
            }
            if (isCode)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Paragraph, line));
                continue;
            }
            if (text.Length > 0 && !wrapped && (EndsParagraph(text, line) || StartsUnwrappedParagraph(previousLine, line))) Flush();
            if (text.Length > 0) text.Append('\n');
            text.Append(line);
            previousLine = line;
        }
        Flush();
    }

    private static bool IsStrongCode(string line) => PlanStructure.RecogniseCodeLine(line) is { Kind: PlanMarkerKind.Numbered, Code: { } code } && code.Contains('.');

    /// <summary>
    /// In text that is not hard-wrapped, a capitalised line after a short line ("versie: 2013",
    /// "1. Voorwoord") or a long unwrapped line starts a new paragraph.
    /// </summary>
    private static bool StartsUnwrappedParagraph(string previousLine, string next) =>
        char.IsUpper(next[0]) && (previousLine.Length is > 0 and < 60 || next.Length > WrapWidth);

    private static bool EndsParagraph(StringBuilder previous, string next)
    {
        var last = previous[^1];
        var startsNew = char.IsUpper(next[0]) || char.IsDigit(next[0]) || next[0] is '‘' or '“' or '"' or '(' or '[';
        return last is '.' or '!' or '?' or ':' or ';' or '"' or '”' or ')' ? startsNew : false;
    }
}

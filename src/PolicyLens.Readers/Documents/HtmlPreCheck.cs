using PolicyLens.Documents;
using System.Text;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// A streaming scan of an HTML file before AngleSharp builds its tree. AngleSharp's tree
/// building grows with the square of the nesting depth (100,000 nested elements took more than
/// seven minutes), so a page nested deeper than the reader accepts, or with more elements than
/// any plan has, is refused here in one linear pass that builds nothing.
/// <para>
/// The depth follows the parts of the HTML parsing rules that decide depth: void and raw-text
/// elements, end tags within their scope, the implied ends of <c>p</c>, <c>li</c>, <c>dd</c>/<c>dt</c>,
/// headings, options and table rows and cells, and formatting elements (<c>b</c>, <c>i</c>,
/// <c>font</c> …) that the parser re-opens inside later blocks. Where the rules are only
/// approximated the scan counts deeper, never shallower: a sloppy real page (unclosed
/// paragraphs and list items) is not mistaken for a deep one, and a hostile one cannot hide.
/// </para>
/// </summary>
internal sealed class HtmlPreCheck
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    };

    // Their content is text up to the matching end tag (noscript is not: AngleSharp parses without scripting).
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
    };

    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5",
        "h6", "pre", "listing", "form", "table", "hr", "xmp", "li", "dd", "dt",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // Elements that stop the search for a matching end tag or list item ("special" in the HTML standard).
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button", "caption",
        "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
        "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object",
        "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
        "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
    };

    private static readonly HashSet<string> ScopeBoundary = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    // Elements that put a marker in the list of active formatting elements: formatting does not leak out of them.
    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal) { "applet", "object", "marquee", "template", "td", "th", "caption" };

    private static readonly HashSet<string> TableParts = new(StringComparer.Ordinal)
    {
        "table", "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th",
    };

    private static readonly string[] Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>An open element; <see cref="Active"/> links a formatting element to its entry in the active list.</summary>
    private readonly record struct Open(string Name, ActiveEntry? Active);

    private sealed class ActiveEntry(string name, string key, bool marker)
    {
        public string Name { get; } = name;
        public string Key { get; } = key;
        public bool IsMarker { get; } = marker;
        public bool InStack { get; set; }
    }

    private const int BaseDepth = 2; // html and body, which every page has

    private readonly TextReader _reader;
    private readonly int _maxDepth;
    private readonly long _maxElements;
    private readonly CancellationToken _cancellationToken;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private readonly List<Open> _stack = [];

    // How many elements of each name are open: a search for one that is not open (the usual
    // case for p, li, form) then costs nothing, which keeps the scan linear on deep pages.
    private readonly Dictionary<string, int> _openCounts = new(StringComparer.Ordinal);
    private readonly List<ActiveEntry> _active = [];
    private readonly StringBuilder _name = new();
    private readonly StringBuilder _attributes = new();
    private bool _reconstruct;
    private int _foreign;

    private HtmlPreCheck(TextReader reader, int maxDepth, long maxElements, CancellationToken cancellationToken)
    {
        _reader = reader;
        _maxDepth = maxDepth;
        _maxElements = maxElements;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The deepest nesting seen (html and body included) and the number of elements.</summary>
    public int Depth { get; private set; } = BaseDepth;
    public long Elements { get; private set; }

    /// <summary>Why the page is refused, or null when AngleSharp may parse it.</summary>
    public static IngestionIssue? Check(Stream stream, ReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (stream.CanSeek && stream.Length > options.MaxHtmlBytes)
            return IngestionIssue.Error(IssueCode.FileTooLarge, $"the HTML page is {Megabytes(stream.Length)}, more than the limit of {Megabytes(options.MaxHtmlBytes)} for HTML; save the plan as DOCX or PDF instead, or raise ReaderOptions.MaxHtmlBytes")
                .With("size", stream.Length).With("limit", options.MaxHtmlBytes);
        var scan = Scan(stream, options.MaxXmlDepth, options.MaxHtmlElements, cancellationToken);
        if (scan.Depth > options.MaxXmlDepth)
            return IngestionIssue.Error(IssueCode.NestingTooDeep, $"the HTML nests elements deeper than {options.MaxXmlDepth} levels, which no real page does; save the page again from the browser or the word processor, or raise ReaderOptions.MaxXmlDepth")
                .With("limit", options.MaxXmlDepth);
        if (scan.Elements > options.MaxHtmlElements)
            return IngestionIssue.Error(IssueCode.TooManyElements, $"the HTML page has more than {options.MaxHtmlElements:N0} elements, more than PolicyLens reads from one page; save the plan as DOCX or PDF instead, or raise ReaderOptions.MaxHtmlElements")
                .With("limit", options.MaxHtmlElements);
        return null;
    }

    /// <summary>Scans until the end, or until the depth or element limit is passed (then the result is over the limit).</summary>
    internal static HtmlPreCheck Scan(Stream stream, int maxDepth, long maxElements, CancellationToken cancellationToken)
    {
        // Tag syntax is ASCII, so any ASCII-compatible charset scans right as UTF-8; a BOM picks UTF-16.
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var scan = new HtmlPreCheck(reader, maxDepth, maxElements, cancellationToken);
        scan.Run();
        return scan;
    }

    private bool OverLimit => Depth > _maxDepth || Elements > _maxElements;

    private int Next()
    {
        if (_position == _length)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length <= 0)
            {
                _length = 0;
                return -1;
            }
        }
        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length <= 0)
            {
                _length = 0;
                return -1;
            }
        }
        return _buffer[_position];
    }

    private void Run()
    {
        int c;
        while (!OverLimit && (c = Next()) >= 0)
        {
            if (c != '<')
            {
                if (_reconstruct && c > ' ') Reconstruct();
                continue;
            }
            var next = Peek();
            if (next == '!')
            {
                Next();
                SkipDeclarationOrComment();
            }
            else if (next == '?')
            {
                SkipTo('>');
            }
            else if (next == '/')
            {
                Next();
                if (!IsAsciiLetter(Peek()))
                {
                    SkipTo('>');
                    continue;
                }
                var name = ReadName();
                ReadAttributes(out _);
                EndTag(name);
            }
            else if (IsAsciiLetter(next))
            {
                var name = ReadName();
                var selfClosing = ReadAttributes(out var key);
                if (!StartTag(name, selfClosing, key)) return; // plaintext: the rest is text
            }
            else if (_reconstruct)
            {
                Reconstruct(); // a lone '<' is text
            }
        }
    }

    private static bool IsAsciiLetter(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private string ReadName()
    {
        _name.Clear();
        while (true)
        {
            var c = Peek();
            if (c < 0 || IsSpace(c) || c == '/' || c == '>') break;
            Next();
            if (_name.Length < 40) _name.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : (char)c);
        }
        return _name.ToString();
    }

    /// <summary>Reads up to the closing '>' (quotes respected); true for "/>". The attribute text is the formatting elements' identity.</summary>
    private bool ReadAttributes(out string key)
    {
        _attributes.Clear();
        const int outside = 0, afterEquals = 1, quoted = 2, unquoted = 3;
        var state = outside;
        var quote = '"';
        var previous = -1;
        int c;
        while ((c = Next()) >= 0)
        {
            switch (state)
            {
                case quoted:
                    if (c == quote) state = outside;
                    break;
                case afterEquals:
                    if (c == '>') goto end;
                    if (c is '"' or '\'') { quote = (char)c; state = quoted; }
                    else if (!IsSpace(c)) state = unquoted;
                    break;
                case unquoted:
                    if (c == '>') goto end;
                    if (IsSpace(c)) state = outside;
                    break;
                default:
                    if (c == '>') goto end;
                    if (c == '=') state = afterEquals;
                    break;
            }
            if (_attributes.Length < 200) _attributes.Append((char)c);
            previous = c;
        }
    end:
        key = _attributes.ToString();
        return state == outside && previous == '/';
    }

    private void SkipTo(char end)
    {
        int c;
        while ((c = Next()) >= 0 && c != end)
        {
        }
    }

    /// <summary>
    /// After "&lt;!": a comment ends at "-->" or "--!>" (also "&lt;!-->" and "&lt;!--->"); anything else,
    /// CDATA included, at the first '>' (as outside SVG; inside, scanning on from there only counts more).
    /// </summary>
    private void SkipDeclarationOrComment()
    {
        if (Peek() != '-')
        {
            SkipTo('>');
            return;
        }
        Next();
        if (Peek() != '-')
        {
            SkipTo('>');
            return;
        }
        Next();
        // The opening dashes count, so "<!-->" and "<!--->" end at once, as the parser has it.
        int p1 = '-', p2 = '-', p3 = ' ';
        int c;
        while ((c = Next()) >= 0)
        {
            if (c == '>' && ((p1 == '-' && p2 == '-') || (p1 == '!' && p2 == '-' && p3 == '-'))) return;
            p3 = p2;
            p2 = p1;
            p1 = c;
        }
    }

    /// <summary>Skips the text of a raw-text element up to and including its end tag.</summary>
    private void SkipRawText(string name)
    {
        // States: -2 looking for '<', -1 saw '<', 0..n-1 matching the name after "</", n matched: needs a delimiter.
        var state = -2;
        int c;
        while ((c = Next()) >= 0)
        {
            if (state == -2)
            {
                if (c == '<') state = -1;
            }
            else if (state == -1)
            {
                state = c == '/' ? 0 : c == '<' ? -1 : -2;
            }
            else if (state < name.Length)
            {
                var lower = c is >= 'A' and <= 'Z' ? c + 32 : c;
                state = lower == name[state] ? state + 1 : c == '<' ? -1 : -2;
            }
            else if (IsSpace(c) || c == '/' || c == '>')
            {
                if (c != '>') SkipTo('>');
                return;
            }
            else
            {
                state = c == '<' ? -1 : -2;
            }
        }
    }

    // ------------------------------------------------------------------ the stack of open elements

    private string? Current => _stack.Count > 0 ? _stack[^1].Name : null;

    private void Push(string name, ActiveEntry? active)
    {
        _stack.Add(new Open(name, active));
        _openCounts[name] = _openCounts.GetValueOrDefault(name) + 1;
        if (active is not null) active.InStack = true;
        if (name is "svg" or "math") _foreign++;
        Depth = Math.Max(Depth, _stack.Count + BaseDepth);
    }

    private void Pop()
    {
        var open = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _openCounts[open.Name]--;
        if (open.Name is "svg" or "math") _foreign--;
        if (open.Active is { } active && _active.Contains(active))
        {
            active.InStack = false;
            _reconstruct = true; // a formatting element still in effect comes back with the next content
        }
        if (Markers.Contains(open.Name)) ClearToLastMarker();
    }

    private void PopThrough(int index)
    {
        while (_stack.Count > index) Pop();
    }

    private bool IsOpen(string name) => _openCounts.GetValueOrDefault(name) > 0;

    /// <summary>The index of the topmost open element named <paramref name="name"/> within the scope, or -1.</summary>
    private int InScope(string name, bool buttonScope = false)
    {
        if (!IsOpen(name)) return -1;
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            var open = _stack[i].Name;
            if (open == name) return i;
            if (ScopeBoundary.Contains(open) || (buttonScope && open == "button")) return -1;
        }
        return -1;
    }

    /// <summary>li, dd, dt: close an open one unless a special element other than address, div or p lies in between.</summary>
    private void CloseListItem(params string[] names)
    {
        if (!names.Any(IsOpen)) return;
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            var open = _stack[i].Name;
            if (names.Contains(open))
            {
                PopThrough(i);
                return;
            }
            if (Special.Contains(open) && open is not ("address" or "div" or "p")) return;
        }
    }

    /// <summary>Closes the topmost element of <paramref name="names"/>, searching no further than <paramref name="stops"/>.</summary>
    private void CloseWithin(string[] names, params string[] stops)
    {
        if (!names.Any(IsOpen)) return;
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            var open = _stack[i].Name;
            if (names.Contains(open))
            {
                PopThrough(i);
                return;
            }
            if (stops.Contains(open)) return;
        }
    }

    // ------------------------------------------------------------------ active formatting elements

    private int LastMarker()
    {
        for (var i = _active.Count - 1; i >= 0; i--)
            if (_active[i].IsMarker) return i;
        return -1;
    }

    private void ClearToLastMarker()
    {
        var marker = LastMarker();
        for (var i = _active.Count - 1; i >= Math.Max(marker, 0); i--)
        {
            var removed = _active[i];
            _active.RemoveAt(i);
            if (removed.IsMarker) break;
        }
    }

    private ActiveEntry? LastActive(string name)
    {
        for (var i = _active.Count - 1; i >= 0 && !_active[i].IsMarker; i--)
            if (_active[i].Name == name) return _active[i];
        return null;
    }

    /// <summary>Re-opens formatting elements that a closed block left in effect (counted generously: every one not open).</summary>
    private void Reconstruct()
    {
        _reconstruct = false;
        for (var i = LastMarker() + 1; i < _active.Count && !OverLimit; i++)
            if (!_active[i].InStack) Push(_active[i].Name, _active[i]);
    }

    private void AddFormatting(string name, string key)
    {
        // "Noah's ark": at most three identical entries after the last marker.
        var same = 0;
        var marker = LastMarker();
        for (var i = _active.Count - 1; i > marker; i--)
        {
            if (_active[i].Name != name || _active[i].Key != key) continue;
            if (++same < 3) continue;
            _active.RemoveAt(i);
            break;
        }
        var entry = new ActiveEntry(name, key, marker: false);
        _active.Add(entry);
        Push(name, entry);
    }

    // ------------------------------------------------------------------ tags

    /// <summary>Handles a start tag; false when the rest of the file is text (plaintext).</summary>
    private bool StartTag(string name, bool selfClosing, string key)
    {
        Elements++;
        if (name is "html" or "body" or "head") return true;
        if (name == "plaintext") return false;
        if (!ClosesParagraph.Contains(name) && !TableParts.Contains(name) && _reconstruct) Reconstruct();
        if (ClosesParagraph.Contains(name) && InScope("p", buttonScope: true) is var p and >= 0) PopThrough(p);
        if (Headings.Contains(name) && Current is { } current && Headings.Contains(current)) Pop();
        switch (name)
        {
            case "li":
                CloseListItem("li");
                break;
            case "dd" or "dt":
                CloseListItem("dd", "dt");
                break;
            case "option" or "optgroup":
                if (Current == "option") Pop();
                break;
            case "tr":
                CloseWithin(["tr"], "table");
                if (Current == "table") Push("tbody", null); // the parser adds the row group the page left out
                break;
            case "td" or "th":
                CloseWithin(["td", "th"], "tr", "table");
                if (Current == "table") Push("tbody", null);
                if (Current is "tbody" or "thead" or "tfoot") Push("tr", null);
                break;
            case "tbody" or "thead" or "tfoot":
                CloseWithin(["tbody", "thead", "tfoot"], "table");
                break;
            case "a":
                // An "a" inside an open one ends it as its end tag would.
                if (LastActive("a") is { } open) EndFormatting(open);
                break;
            case "nobr" or "button":
                if (InScope(name) is var same and >= 0) PopThrough(same);
                break;
            case "form":
                if (IsOpen("form")) return true; // a form inside a form is dropped
                break;
        }
        // Inside SVG or MathML, script, style and title hold markup like any element.
        if (RawText.Contains(name) && _foreign == 0)
        {
            Depth = Math.Max(Depth, _stack.Count + 1 + BaseDepth);
            SkipRawText(name);
            return true;
        }
        if (Void.Contains(name) || (selfClosing && _foreign > 0))
        {
            Depth = Math.Max(Depth, _stack.Count + 1 + BaseDepth);
            return true;
        }
        if (Formatting.Contains(name))
        {
            AddFormatting(name, key);
            return true;
        }
        Push(name, null);
        if (Markers.Contains(name)) _active.Add(new ActiveEntry(name, "", marker: true));
        return true;
    }

    private void EndTag(string name)
    {
        if (name is "html" or "body" or "head") return;
        if (name == "br")
        {
            Depth = Math.Max(Depth, _stack.Count + 1 + BaseDepth); // "</br>" is read as "<br>"
            return;
        }
        if (Formatting.Contains(name) && LastActive(name) is { } entry)
        {
            EndFormatting(entry);
            return;
        }
        if (name == "p")
        {
            if (InScope("p", buttonScope: true) is var p and >= 0) PopThrough(p);
            return;
        }
        if (Headings.Contains(name))
        {
            if (!Headings.Any(IsOpen)) return;
            for (var i = _stack.Count - 1; i >= 0 && !ScopeBoundary.Contains(_stack[i].Name); i--)
                if (Headings.Contains(_stack[i].Name))
                {
                    PopThrough(i);
                    return;
                }
            return;
        }
        if (Special.Contains(name))
        {
            if (InScope(name) is var index and >= 0) PopThrough(index);
            return;
        }
        // Any other end tag closes the nearest open element of its name, unless a special element comes first.
        if (!IsOpen(name)) return;
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].Name == name)
            {
                PopThrough(i);
                return;
            }
            if (Special.Contains(_stack[i].Name)) return;
        }
    }

    /// <summary>
    /// The end tag of an active formatting element. Without a block opened inside it, the element
    /// closes; with one, the parser moves a copy of it below that block ("adoption agency"),
    /// which leaves the depth as it was, so the scan leaves the stack alone.
    /// </summary>
    private void EndFormatting(ActiveEntry entry)
    {
        var index = _stack.FindLastIndex(o => ReferenceEquals(o.Active, entry));
        _active.Remove(entry);
        if (index < 0) return;
        for (var i = index + 1; i < _stack.Count; i++)
            if (Special.Contains(_stack[i].Name))
            {
                _active.Add(entry); // the moved copy stays in effect
                return;
            }
        PopThrough(index);
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}

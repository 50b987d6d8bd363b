using System.IO.Compression;
using System.Text;

namespace PolicyLens.Documents;

/// <summary>
/// The outcome of looking at a file's bytes: the format to read it as, with an optional warning
/// (the extension said something else), or an error (the bytes are no format PolicyLens reads,
/// or the extension promises a format the content is not).
/// </summary>
public sealed record FormatDetection
{
    private FormatDetection(DocumentFormat format, IngestionIssue? issue)
    {
        Format = format;
        Issue = issue;
    }

    public DocumentFormat Format { get; }

    /// <summary>The warning or error, with its code for the Dutch message; null when all is well.</summary>
    public IngestionIssue? Issue { get; }

    /// <summary>The English warning, if any.</summary>
    public string? Warning => Issue is { Severity: IssueSeverity.Warning } w ? w.Message : null;

    /// <summary>Why the file cannot be read (English, a sentence fragment that follows the file name); null when it can.</summary>
    public string? Error => Issue is { Severity: IssueSeverity.Error } e ? e.Message : null;

    public static FormatDetection Detected(DocumentFormat format, IngestionIssue? warning = null)
    {
        if (format == DocumentFormat.Unknown) throw new ArgumentException("Use Unreadable for unknown formats.", nameof(format));
        if (warning is { Severity: not IssueSeverity.Warning }) throw new ArgumentException("A detected format can only carry a warning.", nameof(warning));
        return new(format, warning);
    }

    public static FormatDetection Unreadable(IssueCode code, string error) => Unreadable(IngestionIssue.Error(code, error));

    public static FormatDetection Unreadable(IngestionIssue error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Severity != IssueSeverity.Error) throw new ArgumentException("Unreadable needs an error issue.", nameof(error));
        return new(DocumentFormat.Unknown, error);
    }
}

/// <summary>Decides a document's format from its content; the file name is only a hint.</summary>
public interface IFormatDetector
{
    /// <param name="content">A readable, seekable stream positioned at the start of the file.</param>
    /// <param name="fileName">The name the user knows the file by, for the extension hint.</param>
    FormatDetection Detect(Stream content, string fileName);
}

/// <summary>
/// Detects PDF (the <c>%PDF-</c> signature, tolerating a little junk before it), DOCX and ODT
/// (ZIP containers recognised by their entries), legacy and encrypted Office files (OLE compound
/// files), HTML (markup sniffing) and text (UTF-8 or UTF-16 with a byte order mark; Markdown
/// by extension or by its syntax). When the extension disagrees with a format recognised by its
/// content (a PDF named .docx), the content wins and a warning says so; when the extension
/// promises a format and the content is only text (a text file named .pdf), the file is refused.
/// </summary>
public sealed partial class FormatDetector : IFormatDetector
{
    private const int SniffLength = 8192;
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public FormatDetection Detect(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var head = new byte[SniffLength];
        content.Position = 0;
        var read = content.ReadAtLeast(head, SniffLength, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);
        if (read == 0) return FormatDetection.Unreadable(IssueCode.EmptyFile, "the file is empty; choose the file that holds the plan's text");

        if (IsPdf(bytes)) return WithExtensionCheck(DocumentFormat.Pdf, extension);
        if (bytes.StartsWith(OleMagic)) return DetectOle(content, extension);
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] is 3 or 5 or 7 && bytes[3] is 4 or 6 or 8)
            return DetectZip(content, extension);
        if (LooksBinary(bytes, out var binary))
            return FormatDetection.Unreadable(binary.WithMessage($"the file is not a document PolicyLens can read ({binary.Message}); supported formats are PDF, DOCX, ODT, HTML, Markdown and plain text"));

        var text = DecodeForSniffing(bytes);
        if (LooksLikeHtml(text, extension)) return WithExtensionCheck(DocumentFormat.Html, extension);
        var textFormat = extension is ".md" or ".markdown" or ".mdown" or ".mkd" ? DocumentFormat.Markdown
            : extension is ".txt" or ".text" ? DocumentFormat.Text
            : LooksLikeMarkdown(text) ? DocumentFormat.Markdown : DocumentFormat.Text;
        return WithExtensionCheck(textFormat, extension);
    }

    private static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        // The PDF specification lets readers accept the header within the first 1,024 bytes.
        var window = bytes[..Math.Min(bytes.Length, 1024)];
        return window.IndexOf("%PDF-"u8) >= 0;
    }

    private static FormatDetection DetectOle(Stream content, string extension)
    {
        // Scan the (small) directory area for stream names written in UTF-16.
        content.Position = 0;
        var buffer = new byte[(int)Math.Min(content.Length, 4 * 1024 * 1024)];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, read);
        if (span.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0 || span.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0
            || span.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) < 0 && extension is ".docx" or ".docm" or ".odt")
            return FormatDetection.Unreadable(IssueCode.PasswordProtected, "the file is password-protected (an encrypted Office document); save it without a password and try again");
        if (span.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
            return FormatDetection.Unreadable(IssueCode.LegacyWord, "the file is an old Word 97–2003 document (.doc), which PolicyLens does not read; save it as .docx and try again");
        return FormatDetection.Unreadable(IssueCode.LegacyOffice, "the file is an old Office compound file (such as .doc, .xls or an encrypted document); save it as .docx or PDF without a password and try again");
    }

    private static FormatDetection DetectZip(Stream content, string extension)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var hasContentTypes = false;
            var hasWordDocument = false;
            ZipArchiveEntry? mimetype = null;
            var count = 0;
            foreach (var entry in zip.Entries)
            {
                // Detection only needs the names; the readers enforce the full archive limits.
                if (++count > 100_000) break;
                if (entry.FullName == "[Content_Types].xml") hasContentTypes = true;
                else if (entry.FullName == "word/document.xml") hasWordDocument = true;
                else if (entry.FullName == "mimetype") mimetype = entry;
            }
            if (hasContentTypes && hasWordDocument) return WithExtensionCheck(DocumentFormat.Docx, extension);
            if (mimetype is not null)
            {
                var type = ReadSmallEntry(mimetype).Trim();
                if (type == "application/vnd.oasis.opendocument.text") return WithExtensionCheck(DocumentFormat.Odt, extension);
                return FormatDetection.Unreadable(IssueCode.NotATextDocument, $"the file is an OpenDocument file of type '{Truncate(type, 80)}', not a text document; save it as .odt, .docx or PDF and try again");
            }
            if (hasContentTypes)
                return FormatDetection.Unreadable(IssueCode.NotATextDocument, "the file is an Office document but not a Word document (no word/document.xml); save the plan as .docx or PDF and try again");
            return FormatDetection.Unreadable(IssueCode.Archive, "the file is a ZIP archive, not a document; unpack it and add the plan itself (PDF, DOCX, ODT, HTML or text)");
        }
        catch (InvalidDataException ex)
        {
            return FormatDetection.Unreadable(IssueCode.Damaged, $"the file looks like a ZIP-based document (DOCX/ODT) but the archive is damaged or truncated ({ex.Message.TrimEnd('.')}); download or export it again");
        }
    }

    private static string ReadSmallEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[256];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>Binary content that is no document; <paramref name="issue"/> names what it is (its message is a short English hint).</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes, out IngestionIssue issue)
    {
        issue = IngestionIssue.Error(IssueCode.UnsupportedFormat, "binary data");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return false; // UTF-16 with BOM
        if (bytes.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })) { issue = Image("PNG"); return true; }
        if (bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) { issue = Image("JPEG"); return true; }
        if (bytes.StartsWith("GIF8"u8)) { issue = Image("GIF"); return true; }
        if (bytes.StartsWith("{\\rtf"u8)) { issue = IngestionIssue.Error(IssueCode.Rtf, "an RTF document; save it as .docx"); return true; }
        if (bytes.StartsWith(new byte[] { 0x1F, 0x8B })) { issue = IngestionIssue.Error(IssueCode.Archive, "a gzip archive"); return true; }
        var controls = 0;
        foreach (var b in bytes)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (9 or 10 or 13 or 12)) controls++;
        }
        return controls > bytes.Length / 20;
    }

    private static IngestionIssue Image(string kind) => IngestionIssue.Error(IssueCode.Image, $"a {kind} image").With("kind", kind);

    private static string DecodeForSniffing(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        return Encoding.UTF8.GetString(bytes); // lenient: the reader checks validity
    }

    private static bool LooksLikeHtml(string text, string extension)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)) return true;
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<html", StringComparison.OrdinalIgnoreCase)) return true;
        // Fragments: accept when the extension says HTML and there is any tag, or when structural tags clearly dominate.
        if (extension is ".html" or ".htm" or ".xhtml" && AnyTag().IsMatch(text)) return true;
        var hasTags = text.Contains("<body", StringComparison.OrdinalIgnoreCase) || text.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<p>", StringComparison.OrdinalIgnoreCase) && text.Contains("</p>", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<h1", StringComparison.OrdinalIgnoreCase) || text.Contains("<div", StringComparison.OrdinalIgnoreCase);
        return hasTags && (extension is ".html" or ".htm" or ".xhtml" || start.StartsWith('<'));
    }

    private static bool LooksLikeMarkdown(string text)
    {
        var lines = text.Split('\n');
        var signals = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# ") || line.StartsWith("## ") || line.StartsWith("### ")) signals += 2;
            else if (line.StartsWith("```") || line.StartsWith("|---") || line.StartsWith("| ---")) signals += 2;
            else if (line.Contains("](", StringComparison.Ordinal) && line.Contains('[')) signals++;
            else if (line.StartsWith("**", StringComparison.Ordinal)) signals++;
        }
        return signals >= 2;
    }

    private static FormatDetection WithExtensionCheck(DocumentFormat detected, string extension)
    {
        var expected = extension switch
        {
            ".pdf" => DocumentFormat.Pdf,
            ".docx" or ".docm" or ".dotx" => DocumentFormat.Docx,
            ".odt" or ".ott" => DocumentFormat.Odt,
            ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
            ".txt" or ".text" => DocumentFormat.Text,
            ".md" or ".markdown" or ".mdown" or ".mkd" => DocumentFormat.Markdown,
            _ => DocumentFormat.Unknown,
        };
        var sameFamily = expected == detected
            || expected is DocumentFormat.Text or DocumentFormat.Markdown && detected is DocumentFormat.Text or DocumentFormat.Markdown;
        if (expected == DocumentFormat.Unknown || sameFamily) return FormatDetection.Detected(detected);
        // Text is what is left when no format was recognised: a name promising PDF, DOCX, ODT or
        // HTML on plain text is a wrong file (or a renamed one), not a plan to read as text.
        var recognised = detected is not (DocumentFormat.Text or DocumentFormat.Markdown);
        var issue = recognised
            ? IngestionIssue.Warning(IssueCode.ExtensionDiffers,
                $"The file name ends in '{extension}' but the content is {Describe(detected)}; it was read as {Describe(detected)}.")
            : IngestionIssue.Error(IssueCode.ExtensionMismatch,
                $"the file name ends in '{extension}' but the content is {Describe(detected)}, not {Describe(expected)}; check that this is the right file, or give it the extension that matches its content");
        issue = issue.With("extension", extension).With("detected", detected).With("expected", expected);
        return recognised ? FormatDetection.Detected(detected, issue) : FormatDetection.Unreadable(issue);
    }

    private static string Describe(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "PDF",
        DocumentFormat.Docx => "a Word document (DOCX)",
        DocumentFormat.Odt => "an OpenDocument text (ODT)",
        DocumentFormat.Html => "HTML",
        DocumentFormat.Markdown => "Markdown",
        _ => "plain text",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AnyTag();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

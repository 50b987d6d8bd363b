using System.Security.Cryptography;
using PolicyLens.Passages;

namespace PolicyLens.Documents;

/// <summary>Turns one file into a document with passages, or a failed result that says why.</summary>
public interface IDocumentIngestor
{
    /// <summary>Never throws for a bad document; only cancellation by the caller escapes.</summary>
    IngestionResult Ingest(DocumentSource source, CancellationToken cancellationToken = default);
}

/// <summary>
/// The ingestion stage: checks size, hashes the bytes (SHA-256), detects the format from the
/// content, hands the file to the reader registered for that format, builds passages and picks
/// a title (metadata title, else first heading, else the file name). Every failure becomes a
/// failed <see cref="IngestionResult"/> whose message names the file, the problem and what to do.
/// </summary>
public sealed class DocumentIngestor : IDocumentIngestor
{
    private readonly Dictionary<DocumentFormat, IDocumentReader> _readers = [];
    private readonly IngestionOptions _options;
    private readonly IPassageBuilder _passageBuilder;
    private readonly IFormatDetector _detector;

    /// <param name="readers">One reader per format; a later reader for the same format replaces an earlier one.</param>
    public DocumentIngestor(IEnumerable<IDocumentReader> readers, IngestionOptions? options = null,
        IPassageBuilder? passageBuilder = null, IFormatDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _options = options ?? new IngestionOptions();
        _options.Validate();
        foreach (var reader in readers)
            foreach (var format in reader.Formats)
                _readers[format] = reader;
        _passageBuilder = passageBuilder ?? new PassageBuilder(_options.Passages);
        _detector = detector ?? new FormatDetector();
    }

    /// <summary>The formats some registered reader handles.</summary>
    public IReadOnlyCollection<DocumentFormat> SupportedFormats => _readers.Keys;

    public IngestionResult Ingest(DocumentSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = source.FileName;
        var issues = new List<IngestionIssue>();
        try
        {
            var info = new FileInfo(source.Path);
            if (!info.Exists) return Fail(name, IngestionIssue.Error(IssueCode.FileNotFound, "the file does not exist; check the path"), issues);
            if (info.Length == 0) return Fail(name, IngestionIssue.Error(IssueCode.EmptyFile, "the file is empty (0 bytes); choose the file that holds the plan's text"), issues);
            if (info.Length > _options.MaxFileSizeBytes)
                return Fail(name, IngestionIssue.Error(IssueCode.FileTooLarge,
                    $"the file is {Megabytes(info.Length)}, more than the limit of {Megabytes(_options.MaxFileSizeBytes)}; split the document or raise the limit (IngestionOptions.MaxFileSizeBytes)")
                    .With("size", info.Length).With("limit", _options.MaxFileSizeBytes), issues);

            string hash;
            FormatDetection detection;
            using (var stream = source.OpenRead())
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(stream));
                detection = _detector.Detect(stream, name);
            }
            if (detection.Issue is { Severity: IssueSeverity.Error } refusal) return Fail(name, refusal, issues);
            if (detection.Issue is { } warning) issues.Add(warning);

            if (!_readers.TryGetValue(detection.Format, out var reader))
                return Fail(name, IngestionIssue.Error(IssueCode.NoReader, detection.Format == DocumentFormat.Pdf
                    ? "the file is a PDF, but no PDF reader is installed in this build; convert it to DOCX or install PDF support"
                    : $"the file is {detection.Format}, but no reader for that format is registered").With("format", detection.Format), issues);

            var output = RunReader(reader, source, detection.Format, cancellationToken);
            foreach (var issue in output.Issues)
                issues.Add(issue.Severity == IssueSeverity.Error ? issue.WithMessage(Prefix(name, issue.Message)) : issue);
            if (issues.Any(i => i.Severity == IssueSeverity.Error))
                return new IngestionResult(name, null, [], issues, string.Empty);

            var passages = _passageBuilder.Build(output.Blocks, cancellationToken);
            if (passages.Passages.Count == 0)
                return Fail(name, IngestionIssue.Error(IssueCode.NoText, detection.Format == DocumentFormat.Pdf
                    ? "the document contains no text PolicyLens can read (a scanned PDF without a text layer?); run OCR on it or use the original DOCX"
                    : "the document contains no text; check that you chose the right file"), issues);

            var title = output.Title
                ?? passages.Passages.FirstOrDefault(p => p.Kind == PassageKind.Heading)?.Text
                ?? Path.GetFileNameWithoutExtension(name);
            title = BidiControls.Strip(title);
            if (string.IsNullOrWhiteSpace(title)) title = name;
            if (title.Length > 300) title = title[..300].TrimEnd() + "…";
            var document = new PlanDocument(title, name, detection.Format, output.PageCount, hash, info.Length, output.Engine);
            return new IngestionResult(name, document, passages.Passages, issues, passages.PlainText);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ReaderTimeoutException)
        {
            return Fail(name, IngestionIssue.Error(IssueCode.TimedOut,
                $"reading took longer than the limit of {_options.ReaderTimeLimit.TotalSeconds:0} seconds; the document may be damaged or unusually complex — try exporting it again, or raise IngestionOptions.ReaderTimeLimit")
                .With("seconds", (long)_options.ReaderTimeLimit.TotalSeconds), issues);
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(name, IngestionIssue.Error(IssueCode.PermissionDenied, "the file cannot be opened: permission denied; check the file's permissions"), issues);
        }
        catch (IOException ex)
        {
            return Fail(name, IngestionIssue.Error(IssueCode.ReadFailed, $"the file could not be read ({ex.Message.TrimEnd('.')}); check that it is not locked by another program"), issues);
        }
        catch (Exception ex)
        {
            // A reader bug or an input no check anticipated: still one file's failure, not the batch's.
            return Fail(name, IngestionIssue.Error(IssueCode.Unexpected, $"the document could not be read ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); the file may be damaged — try exporting it again"), issues);
        }
    }

    private ReaderOutput RunReader(IDocumentReader reader, DocumentSource source, DocumentFormat format, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReaderTimeLimit);
        try
        {
            return reader.Read(source, format, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new ReaderTimeoutException();
        }
    }

    private static IngestionResult Fail(string name, IngestionIssue reason, List<IngestionIssue> issues) =>
        IngestionResult.Failed(name, reason.WithMessage(Prefix(name, reason.Message)), issues);

    /// <summary>Error messages start with the file name ("plan.docx: the file is …").</summary>
    private static string Prefix(string name, string message) =>
        message.StartsWith(name + ":", StringComparison.Ordinal) ? message : $"{name}: {EnsureSentence(message)}";

    private static string EnsureSentence(string message)
    {
        var trimmed = message.Trim();
        if (trimmed.Length > 0 && char.IsUpper(trimmed[0]) && (trimmed.Length == 1 || !char.IsUpper(trimmed[1]))) trimmed = char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    private sealed class ReaderTimeoutException : Exception;
}

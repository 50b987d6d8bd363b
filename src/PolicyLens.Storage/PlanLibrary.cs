using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Tagging;

namespace PolicyLens.Storage;

/// <summary>Settings for <see cref="PlanLibrary"/>.</summary>
public sealed record PlanLibraryOptions
{
    /// <summary>
    /// How many files are read and tagged at once. Default <see cref="Environment.ProcessorCount"/>:
    /// reading and tagging are CPU-bound, and store writes are serialized anyway.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxParallelism);
}

/// <summary>Why a file failed, for callers that word the reason themselves (the web app's Dutch pages).</summary>
public enum FileFailure
{
    /// <summary>The file succeeded.</summary>
    None,

    /// <summary>The file could not be read (the reader's message says why).</summary>
    Unreadable,

    /// <summary>The disk (or the database's size limit) was full while storing it: nothing of it was stored.</summary>
    DiskFull,

    /// <summary>Another database fault (locked, read-only, an I/O error) while storing it.</summary>
    StorageError,

    /// <summary>A bug in tagging or storing.</summary>
    Unexpected,
}

/// <summary>What happened to one file in an ingest.</summary>
public sealed record FileOutcome
{
    public FileOutcome(string FileName, string Path, long? DocumentId, bool Duplicate, string? Error,
        IReadOnlyList<IngestionIssue> Issues, int Passages, int? Pages, FileFailure Failure = FileFailure.None, Exception? Cause = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(FileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        ArgumentNullException.ThrowIfNull(Issues);
        if ((DocumentId is null) == (Error is null))
            throw new ArgumentException("A file outcome has either a document id or an error.", nameof(Error));
        if (DocumentId is < 1) throw new ArgumentOutOfRangeException(nameof(DocumentId));
        if (Duplicate && DocumentId is null) throw new ArgumentException("A duplicate names the stored document.", nameof(Duplicate));
        ArgumentOutOfRangeException.ThrowIfNegative(Passages);
        if (Pages is < 0) throw new ArgumentOutOfRangeException(nameof(Pages));
        this.FileName = FileName;
        this.Path = Path;
        this.DocumentId = DocumentId;
        this.Duplicate = Duplicate;
        this.Error = Error;
        this.Issues = Issues;
        this.Passages = Passages;
        this.Pages = Pages;
        this.Failure = Error is null ? FileFailure.None : Failure == FileFailure.None ? FileFailure.Unreadable : Failure;
        this.Cause = Cause;
    }

    public string FileName { get; }
    public string Path { get; }

    /// <summary>The stored document (new, or the earlier one for a duplicate); null when the file failed.</summary>
    public long? DocumentId { get; }

    /// <summary>The same content was stored already; nothing new was written.</summary>
    public bool Duplicate { get; }

    /// <summary>Why the file failed, starting with its name ("plan.pdf: …"); null on success.</summary>
    public string? Error { get; }

    /// <summary>Warnings and errors the ingestion reported; a failure while storing is the last error.</summary>
    public IReadOnlyList<IngestionIssue> Issues { get; }

    /// <summary>The error that failed the file, whose code gives the Dutch message; null on success.</summary>
    public IngestionIssue? ErrorIssue => Succeeded ? null
        : Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error && i.Message == Error) ?? IngestionIssue.Error(IssueCode.Unexpected, Error!);
    public int Passages { get; }
    public int? Pages { get; }

    public bool Succeeded => Error is null;

    /// <summary>The kind of failure; <see cref="FileFailure.None"/> on success.</summary>
    public FileFailure Failure { get; }

    /// <summary>The exception behind a storage or unexpected failure, for the log.</summary>
    public Exception? Cause { get; }
}

/// <summary>
/// Ingest, tag and store, as the CLI and the web app do it: files are read and tagged in
/// parallel, writes to the store are serialized, and a file that fails (unreadable, or a
/// database fault while storing it) fails alone with its name and reason.
/// </summary>
public sealed class PlanLibrary
{
    private readonly IDocumentIngestor _ingestor;
    private readonly IPassageTagger _tagger;
    private readonly IPlanStore _store;
    private readonly PlanLibraryOptions _options;
    private readonly Lock _writeLock = new();

    public PlanLibrary(IDocumentIngestor ingestor, IPassageTagger tagger, IPlanStore store, PlanLibraryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ingestor);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(store);
        _options = options ?? new PlanLibraryOptions();
        _options.Validate();
        _ingestor = ingestor;
        _tagger = tagger;
        _store = store;
    }

    public IPlanStore Store => _store;
    public IPassageTagger Tagger => _tagger;

    /// <summary>Ingests, tags and stores one file. Only cancellation escapes as an exception.</summary>
    public FileOutcome IngestFile(DocumentSource source, string? municipality, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ingestion = _ingestor.Ingest(source, cancellationToken);
        if (!ingestion.Succeeded || ingestion.Document is not { } document)
            return Failed(source, ingestion.Failure ?? IngestionIssue.Error(IssueCode.Unexpected, $"{source.FileName}: the document could not be read."),
                ingestion.Issues, ingestion.Passages.Count, null);

        try
        {
            // A file stored before needs no tagging; Save checks again inside its transaction.
            if (_store.FindByContentHash(document.ContentHash) is { } existing)
                return new FileOutcome(source.FileName, source.Path, existing.Id, true, null, ingestion.Issues, ingestion.Passages.Count, document.PageCount);

            var tagged = new TaggedPassage[ingestion.Passages.Count];
            for (var i = 0; i < tagged.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var passage = ingestion.Passages[i];
                tagged[i] = new TaggedPassage(passage, _tagger.Tag(new TaggingInput(passage.Text, passage.Headings)));
            }
            StoreResult stored;
            lock (_writeLock) stored = _store.Save(ingestion, tagged, municipality, AnalysisRunInfo.For(_tagger), PlanFacts.Guess(document.Title, source.FileName));
            return new FileOutcome(source.FileName, source.Path, stored.DocumentId, stored.Duplicate, null, ingestion.Issues, tagged.Length, document.PageCount);
        }
        catch (PlanStoreException ex)
        {
            return Failed(source, IngestionIssue.Error(ex.Fault == StoreFault.DiskFull ? IssueCode.DiskFull : IssueCode.StorageFailed, $"{source.FileName}: {ex.Message}"),
                ingestion.Issues, ingestion.Passages.Count, document.PageCount, ex.Fault == StoreFault.DiskFull ? FileFailure.DiskFull : FileFailure.StorageError, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && StoreFaults.IsDiskFull(ex))
        {
            return Failed(source, IngestionIssue.Error(IssueCode.DiskFull, $"{source.FileName}: the disk is full ({ex.Message.TrimEnd('.')}); free some space and try again."),
                ingestion.Issues, ingestion.Passages.Count, document.PageCount, FileFailure.DiskFull, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in tagging or storing must not end a batch of many plans: this file fails, the rest go on.
            return Failed(source, IngestionIssue.Error(IssueCode.Unexpected, $"{source.FileName}: unexpected error while tagging or storing ({ex.GetType().Name}: {ex.Message}); please report it."),
                ingestion.Issues, ingestion.Passages.Count, document.PageCount, FileFailure.Unexpected, ex);
        }
    }

    /// <summary>
    /// Ingests many files, up to <see cref="PlanLibraryOptions.MaxParallelism"/> at once. Outcomes
    /// come back in the order of <paramref name="sources"/>; <paramref name="progress"/> hears of
    /// each file as it finishes (from worker threads).
    /// </summary>
    public IReadOnlyList<FileOutcome> IngestFiles(IReadOnlyList<DocumentSource> sources, string? municipality,
        IProgress<FileOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var outcomes = new FileOutcome[sources.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, sources.Count, parallel, i =>
        {
            var outcome = IngestFile(sources[i], municipality, cancellationToken);
            outcomes[i] = outcome;
            progress?.Report(outcome);
        });
        return outcomes;
    }

    /// <summary>A failed file; <paramref name="error"/> joins the issues unless it is one of them already.</summary>
    private static FileOutcome Failed(DocumentSource source, IngestionIssue error, IReadOnlyList<IngestionIssue> issues, int passages, int? pages,
        FileFailure failure = FileFailure.Unreadable, Exception? cause = null) =>
        new(source.FileName, source.Path, null, false, error.Message, issues.Contains(error) ? issues : [.. issues, error], passages, pages, failure, cause);
}

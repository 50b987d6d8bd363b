using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Import;
using PolicyLens.Tagging;

namespace PolicyLens.Storage;

/// <summary>What an import did with one plan.</summary>
public enum ImportState
{
    /// <summary>Stored as a plan of its own (version 1).</summary>
    New,

    /// <summary>Stored as the next version of the plan imported before with the same key.</summary>
    NewVersion,

    /// <summary>The same data were imported before; nothing was written.</summary>
    Unchanged,

    /// <summary>Could not be stored (a database fault); the message says why.</summary>
    Failed,
}

/// <summary>One plan of an import.</summary>
public sealed record PlanImportOutcome(string Key, string Title, string? Municipality, ImportState State, long? DocumentId, int Version,
    int Passages, int Rows, string? Error)
{
    public bool Succeeded => State != ImportState.Failed;
}

/// <summary>One file of an import: its plans and every problem with the file or its rows ("11001.json: record 12: …").</summary>
public sealed record FileImportOutcome(string FileName, string Path, int Rows, int SkippedRows, IReadOnlyList<PlanImportOutcome> Plans,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing of the file could be imported.</summary>
    public bool Failed => Plans.Count == 0 || Plans.All(p => !p.Succeeded);
}

/// <summary>Settings for <see cref="PlanImporter"/>.</summary>
public sealed record PlanImportOptions
{
    /// <summary>Files read and plans tagged at once. Default <see cref="Environment.ProcessorCount"/>; store writes are serialized.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxParallelism);
}

/// <summary>
/// The structured import: reads table files (CSV, XLSX, JSON), makes plans with a mapping,
/// tags their passages and stores each plan in one transaction. A plan whose content hash is
/// stored already is left alone (re-importing the same data is a no-op); a plan whose key
/// (mapping id + plan key) was imported before with other content becomes the next version of
/// that plan. Files are read and plans tagged in parallel; plans of one key are stored in file
/// order, so an older and a newer export in one run end up as versions 1 and 2.
/// </summary>
public sealed class PlanImporter
{
    private readonly IReadOnlyList<ITableReader> _readers;
    private readonly IStructuredPlanBuilder _builder;
    private readonly IPassageTagger _tagger;
    private readonly IPlanStore _store;
    private readonly PlanImportOptions _options;
    private readonly Lock _writeLock = new();

    public PlanImporter(IReadOnlyList<ITableReader> readers, IPassageTagger tagger, IPlanStore store, PlanImportOptions? options = null,
        IStructuredPlanBuilder? builder = null)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(store);
        _options = options ?? new PlanImportOptions();
        _options.Validate();
        _readers = readers;
        _tagger = tagger;
        _store = store;
        _builder = builder ?? new StructuredPlanBuilder();
    }

    /// <summary>The key a plan is stored under, so a later import finds it.</summary>
    public static string SourceKey(TableMapping mapping, string planKey) => mapping.Id + ":" + planKey;

    /// <summary>
    /// Imports the files (path, display name) with <paramref name="mapping"/>. Outcomes come back in
    /// file order; <paramref name="progress"/> hears of each plan as it is stored (from worker
    /// threads). Only cancellation escapes as an exception; plans stored before it stay.
    /// </summary>
    public IReadOnlyList<FileImportOutcome> Import(IReadOnlyList<(string Path, string Name)> files, TableMapping mapping,
        IProgress<PlanImportOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(mapping);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken };
        var imports = new TableImport[files.Count];
        Parallel.For(0, files.Count, parallel, i =>
        {
            var table = TableFiles.Read(_readers, files[i].Path, files[i].Name, mapping.Sheet, cancellationToken);
            imports[i] = _builder.Build(table, mapping, cancellationToken);
        });

        // Plans of one key in file order, keys in parallel.
        var byKey = new Dictionary<string, List<(int File, int Plan)>>(StringComparer.Ordinal);
        var keys = new List<string>();
        for (var f = 0; f < imports.Length; f++)
            for (var p = 0; p < imports[f].Plans.Count; p++)
            {
                var key = SourceKey(mapping, imports[f].Plans[p].Key);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                    keys.Add(key);
                }
                list.Add((f, p));
            }
        var outcomes = imports.Select(i => new PlanImportOutcome[i.Plans.Count]).ToArray();
        Parallel.ForEach(keys, parallel, key =>
        {
            foreach (var (f, p) in byKey[key])
            {
                var outcome = Store(imports[f].Plans[p], key, cancellationToken);
                outcomes[f][p] = outcome;
                progress?.Report(outcome);
            }
        });

        return [.. imports.Select((import, f) => new FileImportOutcome(import.FileName, files[f].Path, import.Table.Rows.Count, import.SkippedRows, outcomes[f],
            [.. import.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(import.Describe)],
            [.. import.Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(import.Describe)]))];
    }

    private PlanImportOutcome Store(ImportedPlan plan, string sourceKey, CancellationToken cancellationToken)
    {
        var document = plan.Document;
        try
        {
            if (_store.FindByContentHash(document.ContentHash) is { } existing)
                return Outcome(plan, ImportState.Unchanged, existing.Id);
            var passages = plan.Ingestion.Passages;
            var tagged = new TaggedPassage[passages.Count];
            for (var i = 0; i < tagged.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tagged[i] = new TaggedPassage(passages[i], _tagger.Tag(new TaggingInput(passages[i].Text, passages[i].Headings)));
            }
            StoreResult stored;
            lock (_writeLock) stored = _store.Save(plan.Ingestion, tagged, plan.Municipality, AnalysisRunInfo.For(_tagger), plan.Facts, sourceKey);
            if (stored.Duplicate) return Outcome(plan, ImportState.Unchanged, stored.DocumentId);
            var version = _store.ListVersions(stored.DocumentId).FirstOrDefault(v => v.Document.Id == stored.DocumentId)?.Version ?? 1;
            return Outcome(plan, version > 1 ? ImportState.NewVersion : ImportState.New, stored.DocumentId, version);
        }
        catch (PlanStoreException ex)
        {
            return Outcome(plan, ImportState.Failed, null, error: $"{document.FileName}: {plan.Key}: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in tagging or storing fails this plan; the other municipalities go on.
            return Outcome(plan, ImportState.Failed, null,
                error: $"{document.FileName}: {plan.Key}: onverwachte fout bij taggen of opslaan ({ex.GetType().Name}: {ex.Message}); meld dit probleem.");
        }
    }

    private PlanImportOutcome Outcome(ImportedPlan plan, ImportState state, long? documentId, int? version = null, string? error = null)
    {
        if (version is null && documentId is { } id && state == ImportState.Unchanged)
            version = _store.ListVersions(id).FirstOrDefault(v => v.Document.Id == id)?.Version;
        return new PlanImportOutcome(plan.Key, plan.Document.Title, plan.Municipality, state, documentId, version ?? 1, plan.Ingestion.Passages.Count,
            plan.Rows.Count, error);
    }
}

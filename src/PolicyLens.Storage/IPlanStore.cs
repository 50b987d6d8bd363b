using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Tagging;

namespace PolicyLens.Storage;

/// <summary>
/// Where ingested plans, their passages and every analysis run are kept. Small on purpose, so a
/// server database (PostgreSQL through Npgsql) can implement it next to the embedded SQLite store.
/// Implementations are thread-safe: one instance serves the whole application, and several
/// processes (the web app and a CLI batch) may use the same database at once.
/// Database faults (locked too long, disk full, damaged file) surface as <see cref="PlanStoreException"/>.
/// </summary>
public interface IPlanStore : IDisposable
{
    /// <summary>
    /// Stores one ingested document with its tagged passages, its ingestion issues and a first
    /// analysis run, in one transaction: after an error or a crash nothing of it is left behind.
    /// When a document with the same content hash is stored already, returns that document's id
    /// with <see cref="StoreResult.Duplicate"/> set and writes nothing.
    /// </summary>
    /// <param name="ingestion">A succeeded ingestion (it has a document).</param>
    /// <param name="passages">The ingestion's passages, in order, with their tags.</param>
    /// <param name="municipality">The municipality the plan belongs to, if known.</param>
    /// <param name="run">Which rule set and tool version produced the tags.</param>
    /// <param name="facts">NIS code, year and type of the plan, where known (the compare page filters by them).</param>
    /// <param name="sourceKey">
    /// For a plan made by the structured import, "mapping:key": when a document with this key is
    /// stored already, the new one becomes the next version of its plan (same transaction).
    /// </param>
    StoreResult Save(IngestionResult ingestion, IReadOnlyList<TaggedPassage> passages, string? municipality, AnalysisRunInfo run,
        PlanFacts? facts = null, string? sourceKey = null);

    /// <summary>Every stored document, newest first.</summary>
    IReadOnlyList<DocumentSummary> ListDocuments();

    DocumentSummary? FindDocument(long id);

    /// <summary>The newest document stored with a source key (see <see cref="Save"/>), or null.</summary>
    DocumentSummary? FindLatestBySourceKey(string sourceKey);

    /// <summary>Looks a document up by the lower-case hex SHA-256 of its file.</summary>
    DocumentSummary? FindByContentHash(string hash);

    /// <summary>The document with its passages as tagged by its latest analysis run; null when the id is unknown.</summary>
    StoredPlan? LoadPlan(long id);

    /// <summary>
    /// Several documents as <see cref="LoadPlan"/> gives them, in the order of <paramref name="ids"/>
    /// (unknown ids left out), read in one go: what a comparison of hundreds of plans needs.
    /// </summary>
    IReadOnlyList<StoredPlan> LoadPlans(IReadOnlyList<long> ids);

    /// <summary>Every analysis run of a document, oldest first; empty when the id is unknown.</summary>
    IReadOnlyList<AnalysisRun> ListRuns(long documentId);

    /// <summary>
    /// Full-text search over passage texts, best matches first. Words are matched as written
    /// (case and diacritics ignored); a word ending in <c>*</c> matches as a prefix. Any user text
    /// is safe: quotes, operators and brackets are searched as plain words, never parsed as query
    /// syntax. An empty or punctuation-only query gives an empty list.
    /// </summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 50);

    /// <summary>
    /// Deletes a document with everything stored for it; false when the id is unknown. The other
    /// versions of its plan stay, with their version numbers.
    /// </summary>
    bool DeleteDocument(long id);

    /// <summary>
    /// Corrects a document's title and municipality (a reader's guess may be wrong, e.g. the first
    /// heading of a two-column PDF). The title is trimmed and must not be empty; a blank
    /// municipality clears it. False when the id is unknown.
    /// </summary>
    bool UpdateDetails(long id, string title, string? municipality);

    /// <summary>
    /// Makes <paramref name="documentId"/> the newest version of the plan that
    /// <paramref name="versionOf"/> belongs to (its number is one more than the highest there).
    /// Every stored document starts as version 1 of a plan of its own; only such a single-version
    /// document can be linked, so plans are never merged by accident. Linking a document that is
    /// already a version of that plan changes nothing and reports <see cref="LinkVersionStatus.Linked"/>.
    /// </summary>
    LinkVersionResult LinkVersion(long documentId, long versionOf);

    /// <summary>
    /// The versions of the plan <paramref name="documentId"/> belongs to, oldest first (the
    /// document itself among them); empty when the id is unknown.
    /// </summary>
    IReadOnlyList<PlanVersion> ListVersions(long documentId);

    /// <summary>The newest version of every plan, newest document first (like <see cref="ListDocuments"/>, one row per plan).</summary>
    IReadOnlyList<PlanVersion> LatestVersions();

    /// <summary>
    /// Re-tags every stored passage with <paramref name="tagger"/> and records a new analysis run
    /// per document, one transaction per document. Documents whose latest run used the same
    /// rule-set version are skipped. Runs beyond the number the store keeps are deleted, oldest
    /// first. <paramref name="progress"/> hears after each document how many of all are done.
    /// </summary>
    RetagResult Retag(IPassageTagger tagger, CancellationToken cancellationToken = default, IProgress<RetagProgress>? progress = null);

    /// <summary>Where the store is and what it holds.</summary>
    StoreStatus Status();
}

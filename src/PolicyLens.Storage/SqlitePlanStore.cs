using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer, so the
/// web app and a CLI batch can share it), foreign keys on, a busy timeout for writers taking
/// turns, numbered migrations applied at open. Every query is hand-written SQL run by Dapper.
/// Each operation takes a pooled connection of its own, so one instance is safe on all threads;
/// an in-memory database lives on one connection that operations take turns on.
/// </summary>
public sealed class SqlitePlanStore : IPlanStore
{
    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly string _displayPath;
    private readonly SqliteConnection? _memory;
    private readonly Lock _memoryLock = new();
    private bool _disposed;

    private SqlitePlanStore(SqliteStoreOptions options, string connectionString, string displayPath, SqliteConnection? memory)
    {
        _options = options;
        _connectionString = connectionString;
        _displayPath = displayPath;
        _memory = memory;
    }

    /// <summary>
    /// Opens (creating when missing) the database and applies pending migrations.
    /// Throws <see cref="PlanStoreException"/> when the file cannot be opened or is no PolicyLens database.
    /// </summary>
    public static SqlitePlanStore Open(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var displayPath = options.IsInMemory ? SqliteStoreOptions.InMemory : Path.GetFullPath(options.DatabasePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = displayPath,
            Mode = options.IsInMemory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = !options.IsInMemory,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connectionString = builder.ToString();
        SqliteConnection? memory = null;
        try
        {
            if (!options.IsInMemory && Path.GetDirectoryName(displayPath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            try
            {
                Configure(connection, options);
                if (!options.IsInMemory)
                {
                    // WAL is a property of the file: set once, every later connection uses it.
                    var mode = connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
                    if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                        throw new PlanStoreException($"The database {displayPath} cannot switch to WAL mode (it stays in '{mode}'); put it on a local disk, not a network share.");
                }
                var known = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'") > 0
                    ? Migrations.CurrentVersion(connection) : 0;
                if (known > Migrations.Latest)
                    throw new PlanStoreException($"The database {displayPath} has schema version {known}, newer than this PolicyLens knows ({Migrations.Latest}); update PolicyLens or use another database file.");
                Migrations.Apply(connection);
            }
            finally
            {
                if (options.IsInMemory) memory = connection;
                else connection.Dispose();
            }
            return new SqlitePlanStore(options, connectionString, displayPath, memory);
        }
        catch (SqliteException ex)
        {
            memory?.Dispose();
            throw Translate(ex, displayPath, options);
        }
        catch (IOException ex)
        {
            throw new PlanStoreException($"The database folder for {displayPath} cannot be created ({ex.Message.TrimEnd('.')}); choose another path with --db or PolicyLens:DatabasePath.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PlanStoreException($"The database {displayPath} cannot be created: permission denied; choose a folder you can write to.", ex);
        }
        catch (PlanStoreException)
        {
            memory?.Dispose();
            throw;
        }
    }

    private static void Configure(SqliteConnection connection, SqliteStoreOptions options) =>
        // synchronous=NORMAL is safe in WAL mode (no corruption; at worst the last commit is lost on power failure).
        connection.Execute($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");

    /// <summary>A connection for one operation: a pooled one, or the in-memory one held under a lock.</summary>
    private Lease Connect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_memory is not null)
        {
            _memoryLock.Enter();
            return new Lease(_memory, _memoryLock);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Configure(connection, _options);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Translate(ex, _displayPath, _options);
        }
        return new Lease(connection, null);
    }

    private readonly struct Lease(SqliteConnection connection, Lock? held) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public void Dispose()
        {
            if (held is not null) held.Exit();
            else Connection.Dispose();
        }
    }

    private T Run<T>(Func<SqliteConnection, T> operation)
    {
        using var lease = Connect();
        try
        {
            return operation(lease.Connection);
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, _displayPath, _options);
        }
    }

    private static PlanStoreException Translate(SqliteException ex, string path, SqliteStoreOptions options)
    {
        var message = ex.SqliteErrorCode switch
        {
            5 or 6 => $"the database {path} stayed busy for more than {options.BusyTimeout.TotalSeconds:0} seconds because another program was writing to it; try again when it has finished",
            8 => $"the database {path} is read-only; check the file's permissions or choose another path",
            11 or 26 => $"the file {path} is damaged or is not a PolicyLens database; choose another path, or restore it from a backup",
            13 => $"the disk holding {path} is full; free some space and try again",
            14 => $"the database {path} cannot be opened; check that its folder exists and that you may write to it",
            _ => $"the database {path} reported an error ({ex.Message.TrimEnd('.')})",
        };
        return new PlanStoreException(char.ToUpperInvariant(message[0]) + message[1..] + ".", ex);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public StoreResult Save(IngestionResult ingestion, IReadOnlyList<TaggedPassage> passages, string? municipality, AnalysisRunInfo run)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(run);
        if (!ingestion.Succeeded || ingestion.Document is not { } document)
            throw new ArgumentException($"Only a succeeded ingestion can be stored; {ingestion.FileName} failed: {ingestion.Error}", nameof(ingestion));
        if (passages.Count != ingestion.Passages.Count)
            throw new ArgumentException($"Expected the ingestion's {ingestion.Passages.Count} passages, got {passages.Count}.", nameof(passages));
        municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim();

        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var existing = connection.ExecuteScalar<long?>("SELECT id FROM documents WHERE content_hash = @ContentHash",
                new { document.ContentHash }, transaction);
            if (existing is { } id) return new StoreResult(id, Duplicate: true);

            var documentId = connection.ExecuteScalar<long>("""
                INSERT INTO documents (title, file_name, municipality, format, page_count, passage_count, size_bytes, content_hash, ingested_at)
                VALUES (@Title, @FileName, @Municipality, @Format, @PageCount, @PassageCount, @SizeBytes, @ContentHash, @IngestedAt)
                RETURNING id
                """,
                new
                {
                    document.Title, document.FileName, Municipality = municipality, Format = document.Format.ToString(), document.PageCount,
                    PassageCount = passages.Count, document.SizeBytes, document.ContentHash, IngestedAt = Now(),
                }, transaction);

            connection.Execute("""
                INSERT INTO ingestion_issues (document_id, ordinal, severity, message, page)
                VALUES (@DocumentId, @Ordinal, @Severity, @Message, @Page)
                """,
                ingestion.Issues.Select((issue, i) => new { DocumentId = documentId, Ordinal = i, Severity = issue.Severity.ToString(), issue.Message, issue.Page }),
                transaction);

            var runId = InsertRun(connection, transaction, documentId, run);
            // Ids are assigned here rather than read back row by row, so each table takes one
            // batched insert on one prepared statement. Safe: the transaction holds the write lock.
            var firstPassageId = NextId(connection, transaction, "passages");
            connection.Execute("""
                INSERT INTO passages (id, document_id, ordinal, page, headings, kind, text, start_offset, end_offset)
                VALUES (@Id, @DocumentId, @Ordinal, @Page, @Headings, @Kind, @Text, @Start, @End)
                """,
                passages.Select((tagged, i) => new
                {
                    Id = firstPassageId + i, DocumentId = documentId, tagged.Passage.Ordinal, tagged.Passage.Page,
                    Headings = JsonSerializer.Serialize(tagged.Passage.Headings), Kind = tagged.Passage.Kind.ToString(),
                    tagged.Passage.Text, tagged.Passage.Start, tagged.Passage.End,
                }), transaction);
            InsertTags(connection, transaction, runId, passages.Select((tagged, i) => (firstPassageId + i, tagged.Tags)).ToList());
            transaction.Commit();
            return new StoreResult(documentId, Duplicate: false);
        });
    }

    private static long InsertRun(SqliteConnection connection, SqliteTransaction transaction, long documentId, AnalysisRunInfo run) =>
        connection.ExecuteScalar<long>("""
            INSERT INTO analysis_runs (document_id, rule_set_version, tool_version, created_at)
            VALUES (@DocumentId, @RuleSetVersion, @ToolVersion, @At)
            RETURNING id
            """,
            new { DocumentId = documentId, run.RuleSetVersion, run.ToolVersion, At = Now() }, transaction);

    private static long NextId(SqliteConnection connection, SqliteTransaction transaction, string table) =>
        connection.ExecuteScalar<long>($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}", transaction: transaction);

    private sealed record TagInsert(long Id, long RunId, long PassageId, int Ordinal, string Dimension, string Label, double Score);

    private sealed record EvidenceInsert(long TagId, int Ordinal, string RuleId, string Term, string MatchedText, int Start, int Length,
        double Weight, string Source, int HeadingIndex);

    /// <summary>Inserts the tags of one run for many passages, and their evidence, as two batched inserts.</summary>
    private static void InsertTags(SqliteConnection connection, SqliteTransaction transaction, long runId,
        IReadOnlyList<(long PassageId, IReadOnlyList<PassageTag> Tags)> passages)
    {
        var nextTagId = NextId(connection, transaction, "tags");
        var tags = new List<TagInsert>();
        var evidence = new List<EvidenceInsert>();
        foreach (var (passageId, passageTags) in passages)
            for (var t = 0; t < passageTags.Count; t++)
            {
                var tag = passageTags[t];
                var tagId = nextTagId++;
                tags.Add(new TagInsert(tagId, runId, passageId, t, tag.Dimension, tag.Label, tag.Score));
                for (var i = 0; i < tag.Evidence.Count; i++)
                {
                    var e = tag.Evidence[i];
                    evidence.Add(new EvidenceInsert(tagId, i, e.RuleId, e.Term, e.MatchedText, e.Start, e.Length, e.Weight, e.Source.ToString(), e.HeadingIndex));
                }
            }
        connection.Execute("""
            INSERT INTO tags (id, run_id, passage_id, ordinal, dimension, label, score)
            VALUES (@Id, @RunId, @PassageId, @Ordinal, @Dimension, @Label, @Score)
            """, tags, transaction);
        connection.Execute("""
            INSERT INTO evidence (tag_id, ordinal, rule_id, term, matched_text, start_offset, length, weight, source, heading_index)
            VALUES (@TagId, @Ordinal, @RuleId, @Term, @MatchedText, @Start, @Length, @Weight, @Source, @HeadingIndex)
            """, evidence, transaction);
    }

    // The latest run's rule-set version comes with every summary, through the latest_runs view.
    private const string SummarySelect = """
        SELECT d.id AS Id, d.title AS Title, d.file_name AS FileName, d.municipality AS Municipality, d.format AS Format,
               d.page_count AS PageCount, d.passage_count AS PassageCount, d.size_bytes AS SizeBytes,
               d.content_hash AS ContentHash, d.ingested_at AS IngestedAt, r.rule_set_version AS RuleSetVersion
        FROM documents d
        JOIN latest_runs lr ON lr.document_id = d.id
        JOIN analysis_runs r ON r.id = lr.run_id
        """;

    private sealed class DocumentRow
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public string FileName { get; set; } = "";
        public string? Municipality { get; set; }
        public string Format { get; set; } = "";
        public long? PageCount { get; set; }
        public long PassageCount { get; set; }
        public long SizeBytes { get; set; }
        public string ContentHash { get; set; } = "";
        public string IngestedAt { get; set; } = "";
        public string RuleSetVersion { get; set; } = "";

        public DocumentSummary ToSummary() => new(Id, Title, FileName, Municipality, Enum.Parse<DocumentFormat>(Format), (int?)PageCount,
            (int)PassageCount, SizeBytes, ContentHash, ParseTime(IngestedAt), RuleSetVersion);
    }

    public IReadOnlyList<DocumentSummary> ListDocuments() =>
        Run(connection => connection.Query<DocumentRow>(SummarySelect + " ORDER BY d.id DESC").Select(r => r.ToSummary()).ToList());

    public DocumentSummary? FindDocument(long id) =>
        Run(connection => connection.QuerySingleOrDefault<DocumentRow>(SummarySelect + " WHERE d.id = @id", new { id })?.ToSummary());

    public DocumentSummary? FindByContentHash(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Run(connection => connection.QuerySingleOrDefault<DocumentRow>(SummarySelect + " WHERE d.content_hash = @hash",
            new { hash = hash.Trim().ToLowerInvariant() })?.ToSummary());
    }

    private sealed class RunRow
    {
        public long Id { get; set; }
        public string RuleSetVersion { get; set; } = "";
        public string ToolVersion { get; set; } = "";
        public string At { get; set; } = "";

        public AnalysisRun ToRun() => new(Id, RuleSetVersion, ToolVersion, ParseTime(At));
    }

    private const string RunSelect = "SELECT id AS Id, rule_set_version AS RuleSetVersion, tool_version AS ToolVersion, created_at AS At FROM analysis_runs";

    public IReadOnlyList<AnalysisRun> ListRuns(long documentId) =>
        Run(connection => connection.Query<RunRow>(RunSelect + " WHERE document_id = @documentId ORDER BY id", new { documentId })
            .Select(r => r.ToRun()).ToList());

    private sealed class PassageRow
    {
        public long Id { get; set; }
        public long Ordinal { get; set; }
        public long? Page { get; set; }
        public string Headings { get; set; } = "[]";
        public string Kind { get; set; } = "";
        public string Text { get; set; } = "";
        public long Start { get; set; }

        public Passage ToPassage() => new((int)Ordinal, Enum.Parse<PassageKind>(Kind), Text, (int?)Page, ParseHeadings(Headings), (int)Start);
    }

    private sealed class TagRow
    {
        public long Id { get; set; }
        public long PassageId { get; set; }
        public string Dimension { get; set; } = "";
        public string Label { get; set; } = "";
        public double Score { get; set; }
    }

    private sealed class EvidenceRow
    {
        public long TagId { get; set; }
        public string RuleId { get; set; } = "";
        public string Term { get; set; } = "";
        public string MatchedText { get; set; } = "";
        public long Start { get; set; }
        public long Length { get; set; }
        public double Weight { get; set; }
        public string Source { get; set; } = "";
        public long HeadingIndex { get; set; }

        public Evidence ToEvidence() => new(RuleId, Term, MatchedText, (int)Start, (int)Length, Weight, Enum.Parse<EvidenceSource>(Source), (int)HeadingIndex);
    }

    private sealed class IssueRow
    {
        public string Severity { get; set; } = "";
        public string Message { get; set; } = "";
        public long? Page { get; set; }
    }

    private static IReadOnlyList<string> ParseHeadings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public StoredPlan? LoadPlan(long id) => Run(connection =>
    {
        // One read transaction: a concurrent retag cannot slip a new run in between the queries.
        using var transaction = connection.BeginTransaction(deferred: true);
        var document = connection.QuerySingleOrDefault<DocumentRow>(SummarySelect + " WHERE d.id = @id", new { id }, transaction)?.ToSummary();
        if (document is null) return null;
        var run = connection.QuerySingle<RunRow>(RunSelect + " WHERE id = (SELECT run_id FROM latest_runs WHERE document_id = @id)", new { id }, transaction).ToRun();
        var passages = connection.Query<PassageRow>("""
            SELECT id AS Id, ordinal AS Ordinal, page AS Page, headings AS Headings, kind AS Kind, text AS Text, start_offset AS Start
            FROM passages WHERE document_id = @id ORDER BY ordinal
            """, new { id }, transaction).ToList();
        var tags = connection.Query<TagRow>("""
            SELECT id AS Id, passage_id AS PassageId, dimension AS Dimension, label AS Label, score AS Score
            FROM tags WHERE run_id = @runId ORDER BY passage_id, ordinal
            """, new { runId = run.Id }, transaction).ToList();
        var evidence = connection.Query<EvidenceRow>("""
            SELECT e.tag_id AS TagId, e.rule_id AS RuleId, e.term AS Term, e.matched_text AS MatchedText, e.start_offset AS Start,
                   e.length AS Length, e.weight AS Weight, e.source AS Source, e.heading_index AS HeadingIndex
            FROM evidence e JOIN tags t ON t.id = e.tag_id
            WHERE t.run_id = @runId ORDER BY e.tag_id, e.ordinal
            """, new { runId = run.Id }, transaction).ToLookup(e => e.TagId, e => e.ToEvidence());
        var issues = connection.Query<IssueRow>("SELECT severity AS Severity, message AS Message, page AS Page FROM ingestion_issues WHERE document_id = @id ORDER BY ordinal",
            new { id }, transaction).Select(i => new IngestionIssue(Enum.Parse<IssueSeverity>(i.Severity), i.Message, (int?)i.Page)).ToList();
        transaction.Commit();

        var tagsByPassage = tags.ToLookup(t => t.PassageId, t => new PassageTag(t.Dimension, t.Label, t.Score, evidence[t.Id].ToList()));
        var tagged = passages.Select(p => new TaggedPassage(p.ToPassage(), tagsByPassage[p.Id].ToList())).ToList();
        return new StoredPlan(document, tagged, run, issues);
    });

    private sealed class HitRow
    {
        public long DocumentId { get; set; }
        public string DocumentTitle { get; set; } = "";
        public long Ordinal { get; set; }
        public long? Page { get; set; }
        public string Headings { get; set; } = "[]";
        public string Snippet { get; set; } = "";
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = FtsQuery.Build(query);
        if (match is null) return [];
        return Run(connection => connection.Query<HitRow>("""
                SELECT p.document_id AS DocumentId, d.title AS DocumentTitle, p.ordinal AS Ordinal, p.page AS Page, p.headings AS Headings,
                       snippet(passages_fts, 0, char(2), char(3), '…', 24) AS Snippet
                FROM passages_fts
                JOIN passages p ON p.id = passages_fts.rowid
                JOIN documents d ON d.id = p.document_id
                WHERE passages_fts MATCH @match
                ORDER BY passages_fts.rank, p.document_id, p.ordinal
                LIMIT @limit
                """, new { match, limit })
            .Select(h => new SearchHit(h.DocumentId, h.DocumentTitle, (int)h.Ordinal, (int?)h.Page, ParseHeadings(h.Headings), h.Snippet))
            .ToList());
    }

    public bool DeleteDocument(long id) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        // Foreign keys cascade to passages (whose trigger cleans the full-text index), runs, tags, evidence and issues.
        var deleted = connection.Execute("DELETE FROM documents WHERE id = @id", new { id }, transaction);
        transaction.Commit();
        return deleted > 0;
    });

    private sealed class RetagCandidate
    {
        public long Id { get; set; }
        public string RuleSetVersion { get; set; } = "";
    }

    public RetagResult Retag(IPassageTagger tagger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var run = AnalysisRunInfo.For(tagger);
        return Run(connection =>
        {
            var candidates = connection.Query<RetagCandidate>("""
                SELECT d.id AS Id, r.rule_set_version AS RuleSetVersion
                FROM documents d
                JOIN latest_runs lr ON lr.document_id = d.id
                JOIN analysis_runs r ON r.id = lr.run_id
                ORDER BY d.id
                """).ToList();
            int retagged = 0, skipped = 0, passagesTagged = 0;
            foreach (var candidate in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (candidate.RuleSetVersion == run.RuleSetVersion)
                {
                    skipped++;
                    continue;
                }
                // Passages never change after ingestion, so they are read and tagged before the write transaction.
                var passages = connection.Query<PassageRow>("""
                    SELECT id AS Id, ordinal AS Ordinal, page AS Page, headings AS Headings, kind AS Kind, text AS Text, start_offset AS Start
                    FROM passages WHERE document_id = @id ORDER BY ordinal
                    """, new { id = candidate.Id }).ToList();
                var tags = passages.Select(p => tagger.Tag(new TaggingInput(p.Text, ParseHeadings(p.Headings)))).ToList();

                using var transaction = connection.BeginTransaction();
                var latest = connection.ExecuteScalar<string?>("""
                    SELECT r.rule_set_version FROM latest_runs lr JOIN analysis_runs r ON r.id = lr.run_id WHERE lr.document_id = @id
                    """, new { id = candidate.Id }, transaction);
                if (latest is null || latest == run.RuleSetVersion)
                {
                    // Deleted, or retagged by another process, while we were tagging.
                    skipped++;
                    continue;
                }
                var runId = InsertRun(connection, transaction, candidate.Id, run);
                InsertTags(connection, transaction, runId, passages.Select((p, i) => (p.Id, tags[i])).ToList());
                transaction.Commit();
                retagged++;
                passagesTagged += passages.Count;
            }
            return new RetagResult(run.RuleSetVersion, retagged, skipped, passagesTagged);
        });
    }

    public StoreStatus Status() => Run(connection =>
    {
        var documents = connection.ExecuteScalar<long>("SELECT count(*) FROM documents");
        var passages = connection.ExecuteScalar<long>("SELECT count(*) FROM passages");
        var mode = connection.ExecuteScalar<string>("PRAGMA journal_mode");
        return new StoreStatus(_displayPath, Migrations.CurrentVersion(connection), (int)documents, (int)passages,
            string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase));
    });

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_memory is not null) _memory.Dispose();
        else
        {
            // Release pooled connections so the file is closed (and can be moved or deleted) once the store is.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}

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
public sealed partial class SqlitePlanStore : IPlanStore
{
    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly string _displayPath;
    private readonly SqliteConnection? _memory;
    private readonly Lock _memoryLock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (string RuleId, string Term)> _terms = new();
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

    private static void Configure(SqliteConnection connection, SqliteStoreOptions options)
    {
        // synchronous=NORMAL is safe in WAL mode (no corruption; at worst the last commit is lost on power failure).
        connection.Execute($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
        // A size limit is a page limit of each connection: writes past it fail as SQLITE_FULL, like a full disk.
        if (options.MaxDatabaseBytes is { } max)
        {
            var pageSize = connection.ExecuteScalar<long>("PRAGMA page_size");
            connection.Execute($"PRAGMA max_page_count = {Math.Max(1, max / pageSize)}");
        }
    }

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
            10 => $"the disk holding {path} reported a read or write error ({ex.Message.TrimEnd('.')}); check the disk, then try again",
            13 => options.MaxDatabaseBytes is { } max
                ? $"the database {path} reached its size limit of {max / (1024 * 1024)} MB, or the disk holding it is full; free some space or raise the limit, then try again"
                : $"the disk holding {path} is full; free some space and try again",
            14 => $"the database {path} cannot be opened; check that its folder exists and that you may write to it",
            _ => $"the database {path} reported an error ({ex.Message.TrimEnd('.')})",
        };
        return new PlanStoreException(char.ToUpperInvariant(message[0]) + message[1..] + ".", ex);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public StoreResult Save(IngestionResult ingestion, IReadOnlyList<TaggedPassage> passages, string? municipality, AnalysisRunInfo run,
        PlanFacts? facts = null, string? sourceKey = null)
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

            // Numbered above every id ever given out (id_high_water), so a deleted plan's id is never reused.
            var documentId = connection.ExecuteScalar<long>("""
                INSERT INTO documents (id, title, file_name, municipality, format, page_count, passage_count, size_bytes, content_hash, ingested_at,
                                       nis_code, plan_year, plan_type, source_key)
                VALUES ((SELECT MAX(last_id, COALESCE((SELECT MAX(id) FROM documents), 0)) + 1 FROM id_high_water WHERE name = 'documents'),
                        @Title, @FileName, @Municipality, @Format, @PageCount, @PassageCount, @SizeBytes, @ContentHash, @IngestedAt,
                        @NisCode, @Year, @PlanType, @SourceKey)
                RETURNING id
                """,
                new
                {
                    document.Title, document.FileName, Municipality = municipality, Format = document.Format.ToString(), document.PageCount,
                    PassageCount = passages.Count, document.SizeBytes, document.ContentHash, IngestedAt = Now(),
                    facts?.NisCode, facts?.Year, facts?.PlanType, SourceKey = string.IsNullOrWhiteSpace(sourceKey) ? null : sourceKey,
                }, transaction);

            // An import of a plan stored before (same source key, other content) is its next version, in the same transaction.
            if (!string.IsNullOrWhiteSpace(sourceKey)
                && connection.ExecuteScalar<long?>("SELECT MAX(id) FROM documents WHERE source_key = @sourceKey AND id <> @documentId",
                    new { sourceKey, documentId }, transaction) is { } previous)
                MoveIntoPlan(connection, transaction, documentId,
                    connection.ExecuteScalar<long>("SELECT plan_id FROM plan_versions WHERE document_id = @previous", new { previous }, transaction));

            connection.Execute("""
                INSERT INTO ingestion_issues (document_id, ordinal, severity, message, page, code, facts)
                VALUES (@DocumentId, @Ordinal, @Severity, @Message, @Page, @Code, @Facts)
                """,
                ingestion.Issues.Select((issue, i) => new
                {
                    DocumentId = documentId, Ordinal = i, Severity = issue.Severity.ToString(), issue.Message, issue.Page, Code = issue.Code.ToString(),
                    Facts = issue.Facts.Count == 0 ? null : JsonSerializer.Serialize(issue.Facts),
                }),
                transaction);

            var runId = InsertRun(connection, transaction, documentId, run);
            // Ids are assigned here rather than read back row by row, so each table takes one
            // prepared statement reused for every row. Safe: the transaction holds the write lock.
            var firstPassageId = NextId(connection, transaction, "passages");
            using (var insert = new BatchInsert(connection, transaction,
                "INSERT INTO passages (id, document_id, ordinal, page, headings, kind, text, start_offset, end_offset, from_ocr)", 10))
            {
                // Consecutive passages usually share their heading path: serialise each path once.
                IReadOnlyList<string>? lastPath = null;
                var lastJson = "[]";
                for (var i = 0; i < passages.Count; i++)
                {
                    var passage = passages[i].Passage;
                    if (!ReferenceEquals(passage.Headings, lastPath))
                    {
                        lastPath = passage.Headings;
                        lastJson = JsonSerializer.Serialize(passage.Headings);
                    }
                    insert.Add(firstPassageId + i, documentId, passage.Ordinal, passage.Page, lastJson, KindNames[(int)passage.Kind],
                        passage.Text, passage.Start, passage.End, passage.FromOcr ? 1 : 0);
                }
                insert.Flush();
            }
            InsertTags(connection, transaction, runId, passages.Select((tagged, i) => (firstPassageId + i, tagged.Passage.Text, tagged.Passage.Headings, tagged.Tags)).ToList());
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

    private static readonly string[] KindNames = Enum.GetNames<PassageKind>();

    private static readonly Dictionary<string, PassageKind> KindsByName =
        Enum.GetValues<PassageKind>().ToDictionary(k => k.ToString(), StringComparer.Ordinal);

    /// <summary>A command compiled once for many rows; the caller sets the parameters' values per row.</summary>
    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        command.Prepare();
        return command;
    }

    /// <summary>
    /// Inserts the tags of one run for many passages, and their evidence, in multi-row batches. Rule id + term pairs go to evidence_terms once; a matched text that is
    /// just the span it points at (nearly always) is stored as NULL and rebuilt on load.
    /// </summary>
    private static void InsertTags(SqliteConnection connection, SqliteTransaction transaction, long runId,
        IReadOnlyList<(long PassageId, string Text, IReadOnlyList<string> Headings, IReadOnlyList<PassageTag> Tags)> passages)
    {
        var terms = new Dictionary<(string RuleId, string Term), long>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT id, rule_id, term FROM evidence_terms";
            using var reader = read.ExecuteReader();
            while (reader.Read()) terms[(reader.GetString(1), reader.GetString(2))] = reader.GetInt64(0);
        }
        using var insertTerm = Prepare(connection, transaction,
            "INSERT INTO evidence_terms (rule_id, term) VALUES ($rule_id, $term) RETURNING id", "$rule_id", "$term");
        // Tags first, then evidence: every evidence row's tag is then in place for its foreign key.
        var nextTagId = NextId(connection, transaction, "tags");
        using (var insertTag = new BatchInsert(connection, transaction, "INSERT INTO tags (id, run_id, passage_id, ordinal, dimension, label, score)", 7))
        {
            var tagId = nextTagId;
            foreach (var (passageId, _, _, passageTags) in passages)
                for (var t = 0; t < passageTags.Count; t++)
                    insertTag.Add(tagId++, runId, passageId, t, passageTags[t].Dimension, passageTags[t].Label, passageTags[t].Score);
            insertTag.Flush();
        }
        using var insertEvidence = new BatchInsert(connection, transaction,
            "INSERT INTO evidence (tag_id, ordinal, term_id, matched_text, start_offset, length, weight, heading_index)", 8);
        var nextId = nextTagId;
        foreach (var (_, text, headings, passageTags) in passages)
            foreach (var tag in passageTags)
            {
                var tagId = nextId++;
                for (var i = 0; i < tag.Evidence.Count; i++)
                {
                    var e = tag.Evidence[i];
                    if (!terms.TryGetValue((e.RuleId, e.Term), out var termId))
                    {
                        insertTerm.Parameters[0].Value = e.RuleId;
                        insertTerm.Parameters[1].Value = e.Term;
                        termId = (long)insertTerm.ExecuteScalar()!;
                        terms[(e.RuleId, e.Term)] = termId;
                    }
                    var source = e.Source == EvidenceSource.Heading ? (uint)e.HeadingIndex < (uint)headings.Count ? headings[e.HeadingIndex] : null : text;
                    var matched = source is not null && IsSpan(source, e.Start, e.Length, e.MatchedText) ? null : e.MatchedText;
                    insertEvidence.Add(tagId, i, termId, matched, e.Start, e.Length, e.Weight, e.HeadingIndex);
                }
            }
        insertEvidence.Flush();
    }

    private static bool IsSpan(string source, int start, int length, string matched) =>
        matched.Length == length && start <= source.Length - length && source.AsSpan(start, length).SequenceEqual(matched);

    // The latest run's rule-set version comes with every summary, through the latest_runs view.
    private const string SummaryColumns = """
        d.id AS Id, d.title AS Title, d.file_name AS FileName, d.municipality AS Municipality, d.format AS Format,
               d.page_count AS PageCount, d.passage_count AS PassageCount, d.size_bytes AS SizeBytes,
               d.content_hash AS ContentHash, d.ingested_at AS IngestedAt, r.rule_set_version AS RuleSetVersion,
               d.nis_code AS NisCode, d.plan_year AS PlanYear, d.plan_type AS PlanType, d.source_key AS SourceKey
        """;

    private const string SummaryFrom = """
        FROM documents d
        JOIN latest_runs lr ON lr.document_id = d.id
        JOIN analysis_runs r ON r.id = lr.run_id
        """;

    private const string SummarySelect = "SELECT " + SummaryColumns + "\n" + SummaryFrom;

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
        public string? NisCode { get; set; }
        public long? PlanYear { get; set; }
        public string? PlanType { get; set; }
        public string? SourceKey { get; set; }

        public DocumentSummary ToSummary() => new(Id, Title, FileName, Municipality, Enum.Parse<DocumentFormat>(Format), (int?)PageCount,
            (int)PassageCount, SizeBytes, ContentHash, ParseTime(IngestedAt), RuleSetVersion)
        {
            // Stored facts are trusted; a code that is no NIS code (a hand-edited row) is dropped rather than failing the list.
            Facts = new PlanFacts(BelgianProvinces.IsNisCode(NisCode) ? NisCode : null, PlanYear is >= 1900 and <= 2200 ? (int)PlanYear : null, PlanType),
            SourceKey = SourceKey,
        };
    }

    public IReadOnlyList<DocumentSummary> ListDocuments() =>
        Run(connection => connection.Query<DocumentRow>(SummarySelect + " ORDER BY d.id DESC").Select(r => r.ToSummary()).ToList());

    public DocumentSummary? FindDocument(long id) =>
        Run(connection => connection.QuerySingleOrDefault<DocumentRow>(SummarySelect + " WHERE d.id = @id", new { id })?.ToSummary());

    public DocumentSummary? FindLatestBySourceKey(string sourceKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        return Run(connection => connection.QuerySingleOrDefault<DocumentRow>(SummarySelect + " WHERE d.source_key = @sourceKey ORDER BY d.id DESC LIMIT 1",
            new { sourceKey })?.ToSummary());
    }

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
    }

    private sealed class IssueRow
    {
        public long DocumentId { get; set; }
        public string Severity { get; set; } = "";
        public string Message { get; set; } = "";
        public long? Page { get; set; }
        public string? Code { get; set; }
        public string? Facts { get; set; }

        /// <summary>A code this version does not know (stored by a newer one) or none (stored before codes) reads as Unexpected with its English text.</summary>
        public IngestionIssue ToIssue() => new(Enum.Parse<IssueSeverity>(Severity),
            Enum.TryParse<IssueCode>(Code, out var code) && Enum.IsDefined(code) ? code : IssueCode.Unexpected, Message, (int?)Page,
            Facts is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(Facts));
    }

    private static IReadOnlyList<string> ParseHeadings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public StoredPlan? LoadPlan(long id) => LoadPlans([id]).FirstOrDefault();

    private sealed class RunOfDocument
    {
        public long DocumentId { get; set; }
        public long Id { get; set; }
        public string RuleSetVersion { get; set; } = "";
        public string ToolVersion { get; set; } = "";
        public string At { get; set; } = "";
    }

    public IReadOnlyList<StoredPlan> LoadPlans(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return [];
        // The ids go in as one JSON array parameter (json_each), so a comparison of hundreds of
        // plans takes five queries, not five per plan.
        var json = JsonSerializer.Serialize(ids.Distinct());
        return Run(connection =>
        {
            // One read transaction: a concurrent retag cannot slip a new run in between the queries.
            using var transaction = connection.BeginTransaction(deferred: true);
            var documents = connection.Query<DocumentRow>(SummarySelect + " WHERE d.id IN (SELECT value FROM json_each(@json))", new { json }, transaction)
                .Select(r => r.ToSummary()).ToDictionary(d => d.Id);
            if (documents.Count == 0) return (IReadOnlyList<StoredPlan>)[];
            var runs = connection.Query<RunOfDocument>("""
                SELECT r.document_id AS DocumentId, r.id AS Id, r.rule_set_version AS RuleSetVersion, r.tool_version AS ToolVersion, r.created_at AS At
                FROM latest_runs lr JOIN analysis_runs r ON r.id = lr.run_id
                WHERE lr.document_id IN (SELECT value FROM json_each(@json))
                """, new { json }, transaction)
                .ToDictionary(r => r.DocumentId, r => new AnalysisRun(r.Id, r.RuleSetVersion, r.ToolVersion, ParseTime(r.At)));
            var passages = ReadPassages(connection, transaction, json);
            var tags = ReadTags(connection, transaction, JsonSerializer.Serialize(runs.Values.Select(r => r.Id)), passages);
            var issues = connection.Query<IssueRow>("""
                SELECT document_id AS DocumentId, severity AS Severity, message AS Message, page AS Page, code AS Code, facts AS Facts
                FROM ingestion_issues WHERE document_id IN (SELECT value FROM json_each(@json)) ORDER BY document_id, ordinal
                """, new { json }, transaction)
                .ToLookup(i => i.DocumentId, i => i.ToIssue());
            transaction.Commit();

            var byDocument = new Dictionary<long, List<TaggedPassage>>(documents.Count);
            for (var i = 0; i < passages.Count; i++)
            {
                var (documentId, _, passage) = passages[i];
                if (!byDocument.TryGetValue(documentId, out var list)) byDocument[documentId] = list = [];
                list.Add(new TaggedPassage(passage, tags[i] ?? (IReadOnlyList<PassageTag>)[]));
            }
            var plans = new List<StoredPlan>(documents.Count);
            foreach (var id in ids.Distinct())
                if (documents.TryGetValue(id, out var document))
                    plans.Add(new StoredPlan(document, byDocument.TryGetValue(id, out var tagged) ? tagged : [], runs[id], [.. issues[id]]));
            return plans;
        });
    }

    // The hot path of reports and comparisons (a 300-page plan has ~10,000 passages and ~25,000
    // tags), so rows are read straight from SqliteDataReader instead of through Dapper row classes.
    private static List<(long DocumentId, long Id, Passage Passage)> ReadPassages(SqliteConnection connection, SqliteTransaction transaction, string documentIds)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT id, ordinal, page, headings, kind, text, start_offset, document_id, from_ocr
            FROM passages WHERE document_id IN (SELECT value FROM json_each($ids)) ORDER BY document_id, ordinal
            """;
        command.Parameters.AddWithValue("$ids", documentIds);
        var passages = new List<(long, long, Passage)>();
        // Many passages share a heading path: each distinct path is parsed once and its list shared.
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var json = reader.GetString(3);
            if (!paths.TryGetValue(json, out var headings)) paths[json] = headings = ParseHeadings(json);
            var passage = new Passage(reader.GetInt32(1), KindsByName[reader.GetString(4)], reader.GetString(5),
                reader.IsDBNull(2) ? null : reader.GetInt32(2), headings, reader.GetInt32(6), fromOcr: reader.GetInt64(8) != 0);
            passages.Add((reader.GetInt64(7), reader.GetInt64(0), passage));
        }
        return passages;
    }

    /// <summary>
    /// The runs' tags with their evidence in one query, in run, passage, tag and evidence order
    /// (the (run_id, passage_id, ordinal) index and the evidence key give that order without
    /// sorting). Returns one tag list per passage, null where a passage has none.
    /// </summary>
    private List<PassageTag>?[] ReadTags(SqliteConnection connection, SqliteTransaction transaction, string runIds,
        List<(long DocumentId, long Id, Passage Passage)> passages)
    {
        var index = new Dictionary<long, int>(passages.Count);
        for (var i = 0; i < passages.Count; i++) index[passages[i].Id] = i;
        var result = new List<PassageTag>?[passages.Count];
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT t.id, t.passage_id, t.dimension, t.label, t.score,
                   e.term_id, e.matched_text, e.start_offset, e.length, e.weight, e.heading_index
            FROM tags t JOIN evidence e ON e.tag_id = t.id
            WHERE t.run_id IN (SELECT value FROM json_each($run_ids))
            ORDER BY t.run_id, t.passage_id, t.ordinal, e.ordinal
            """;
        command.Parameters.AddWithValue("$run_ids", runIds);
        // Dimension and label names repeat on every tag: keep one string instance of each.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        long currentTag = 0;
        int passageIndex = -1;
        string dimension = "", label = "";
        double score = 0;
        List<Evidence>? evidence = null;
        while (reader.Read())
        {
            var tagId = reader.GetInt64(0);
            if (tagId != currentTag)
            {
                if (evidence is not null) (result[passageIndex] ??= []).Add(new PassageTag(dimension, label, score, evidence));
                currentTag = tagId;
                passageIndex = index[reader.GetInt64(1)];
                dimension = Intern(names, reader.GetString(2));
                label = Intern(names, reader.GetString(3));
                score = reader.GetDouble(4);
                evidence = [];
            }
            var (ruleId, term) = Term(connection, transaction, reader.GetInt64(5));
            var start = reader.GetInt32(7);
            var length = reader.GetInt32(8);
            var headingIndex = reader.GetInt32(10);
            var passage = passages[passageIndex].Passage;
            var matched = reader.IsDBNull(6)
                ? (headingIndex < 0 ? passage.Text : passage.Headings[headingIndex]).Substring(start, length)
                : reader.GetString(6);
            evidence!.Add(new Evidence(ruleId, term, matched, start, length, reader.GetDouble(9),
                headingIndex < 0 ? EvidenceSource.Passage : EvidenceSource.Heading, headingIndex));
        }
        if (evidence is not null) (result[passageIndex] ??= []).Add(new PassageTag(dimension, label, score, evidence));
        return result;
    }

    private static string Intern(Dictionary<string, string> names, string name)
    {
        if (names.TryGetValue(name, out var known)) return known;
        names[name] = name;
        return name;
    }

    /// <summary>
    /// Rule id and term of an evidence_terms row. Rows are only ever added, never changed or
    /// deleted, so a row once read stays valid: the table is read again only when an id is new.
    /// </summary>
    private (string RuleId, string Term) Term(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        if (_terms.TryGetValue(id, out var term)) return term;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, rule_id, term FROM evidence_terms";
        using var reader = command.ExecuteReader();
        while (reader.Read()) _terms.TryAdd(reader.GetInt64(0), (reader.GetString(1), reader.GetString(2)));
        return _terms.TryGetValue(id, out term) ? term
            : throw new InvalidOperationException($"Evidence refers to rule term {id}, which the database lacks.");
    }

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

    public bool UpdateDetails(long id, string title, string? municipality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim();
        return Run(connection => connection.Execute("UPDATE documents SET title = @title, municipality = @municipality WHERE id = @id",
            new { id, title = title.Trim(), municipality }) > 0);
    }

    private sealed class VersionRow
    {
        public long DocumentId { get; set; }
        public long PlanId { get; set; }
        public long Version { get; set; }
    }

    public LinkVersionResult LinkVersion(long documentId, long versionOf) => Run(connection =>
    {
        if (documentId == versionOf)
            return new LinkVersionResult(connection.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE id = @documentId", new { documentId }) > 0
                ? LinkVersionStatus.SameDocument : LinkVersionStatus.UnknownDocument, null);
        using var transaction = connection.BeginTransaction();
        const string select = "SELECT document_id AS DocumentId, plan_id AS PlanId, version AS Version FROM plan_versions WHERE document_id = @id";
        var document = connection.QuerySingleOrDefault<VersionRow>(select, new { id = documentId }, transaction);
        if (document is null) return new LinkVersionResult(LinkVersionStatus.UnknownDocument, null);
        var target = connection.QuerySingleOrDefault<VersionRow>(select, new { id = versionOf }, transaction);
        if (target is null) return new LinkVersionResult(LinkVersionStatus.UnknownVersionOf, null);
        if (document.PlanId != target.PlanId)
        {
            var others = connection.ExecuteScalar<long>("SELECT count(*) FROM plan_versions WHERE plan_id = @PlanId AND document_id <> @DocumentId", document, transaction);
            if (others > 0) return new LinkVersionResult(LinkVersionStatus.HasVersions, null);
            MoveIntoPlan(connection, transaction, documentId, target.PlanId);
        }
        transaction.Commit();
        return new LinkVersionResult(LinkVersionStatus.Linked, ReadVersions(connection, "WHERE pv.document_id = @documentId", new { documentId }).Single());
    });

    /// <summary>Makes a document the next version of a plan; the trigger removes the plan it leaves when that is now empty.</summary>
    private static void MoveIntoPlan(SqliteConnection connection, SqliteTransaction transaction, long documentId, long planId) =>
        connection.Execute("""
            UPDATE plan_versions
            SET plan_id = @planId, version = (SELECT MAX(version) + 1 FROM plan_versions WHERE plan_id = @planId)
            WHERE document_id = @documentId
            """, new { planId, documentId }, transaction);

    public IReadOnlyList<PlanVersion> ListVersions(long documentId) => Run(connection =>
        ReadVersions(connection, "WHERE pv.plan_id = (SELECT plan_id FROM plan_versions WHERE document_id = @documentId) ORDER BY pv.version",
            new { documentId }));

    public IReadOnlyList<PlanVersion> LatestVersions() => Run(connection =>
        ReadVersions(connection, "WHERE pv.version = p.latest ORDER BY d.id DESC", null));

    private sealed class PlanVersionRow
    {
        public long PlanId { get; set; }
        public long Version { get; set; }
        public long VersionCount { get; set; }
        public long Latest { get; set; }
    }

    // A plan's version count and highest number, for every row of the plan.
    private const string VersionSelect = "SELECT " + SummaryColumns + """
        , pv.plan_id AS PlanId, pv.version AS Version, p.version_count AS VersionCount, p.latest AS Latest
        """ + "\n" + SummaryFrom + """

        JOIN plan_versions pv ON pv.document_id = d.id
        JOIN (SELECT plan_id, count(*) AS version_count, MAX(version) AS latest FROM plan_versions GROUP BY plan_id) p ON p.plan_id = pv.plan_id
        """;

    /// <summary>Versions with their document summaries; <paramref name="where"/> may use <c>d</c>, <c>pv</c> and <c>p</c> of <see cref="VersionSelect"/>.</summary>
    private static List<PlanVersion> ReadVersions(SqliteConnection connection, string where, object? parameters) =>
        connection.Query<DocumentRow, PlanVersionRow, PlanVersion>(VersionSelect + " " + where,
            (document, version) => new PlanVersion(version.PlanId, (int)version.Version, (int)version.VersionCount, version.Version == version.Latest, document.ToSummary()),
            parameters, splitOn: "PlanId").ToList();

    private sealed class RetagCandidate
    {
        public long Id { get; set; }
        public string RuleSetVersion { get; set; } = "";
    }

    public RetagResult Retag(IPassageTagger tagger, CancellationToken cancellationToken = default, IProgress<RetagProgress>? progress = null)
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
            progress?.Report(new RetagProgress(0, candidates.Count));
            foreach (var candidate in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (candidate.RuleSetVersion == run.RuleSetVersion)
                {
                    skipped++;
                    progress?.Report(new RetagProgress(retagged + skipped, candidates.Count));
                    continue;
                }
                // Passages never change after ingestion, so they are read and tagged before the write transaction.
                var passages = connection.Query<PassageRow>("""
                    SELECT id AS Id, ordinal AS Ordinal, page AS Page, headings AS Headings, kind AS Kind, text AS Text, start_offset AS Start
                    FROM passages WHERE document_id = @id ORDER BY ordinal
                    """, new { id = candidate.Id }).ToList();
                var headings = passages.Select(p => ParseHeadings(p.Headings)).ToList();
                var tags = passages.Select((p, i) => tagger.Tag(new TaggingInput(p.Text, headings[i]))).ToList();

                using var transaction = connection.BeginTransaction();
                var latest = connection.ExecuteScalar<string?>("""
                    SELECT r.rule_set_version FROM latest_runs lr JOIN analysis_runs r ON r.id = lr.run_id WHERE lr.document_id = @id
                    """, new { id = candidate.Id }, transaction);
                if (latest is null || latest == run.RuleSetVersion)
                {
                    // Deleted, or retagged by another process, while we were tagging.
                    skipped++;
                    progress?.Report(new RetagProgress(retagged + skipped, candidates.Count));
                    continue;
                }
                var runId = InsertRun(connection, transaction, candidate.Id, run);
                InsertTags(connection, transaction, runId, passages.Select((p, i) => (p.Id, p.Text, headings[i], tags[i])).ToList());
                // Older runs beyond the number kept go with their tags and evidence (ON DELETE CASCADE).
                connection.Execute("""
                    DELETE FROM analysis_runs WHERE document_id = @id
                      AND id NOT IN (SELECT id FROM analysis_runs WHERE document_id = @id ORDER BY id DESC LIMIT @keep)
                    """, new { id = candidate.Id, keep = _options.KeepRuns }, transaction);
                transaction.Commit();
                retagged++;
                passagesTagged += passages.Count;
                progress?.Report(new RetagProgress(retagged + skipped, candidates.Count));
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

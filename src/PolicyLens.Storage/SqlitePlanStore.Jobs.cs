using System.Globalization;
using System.Text.Json;
using Dapper;

namespace PolicyLens.Storage;

/// <summary>The upload jobs of the web app, in the same database as the plans (tables of migrations 0004 and 0011).</summary>
public sealed partial class SqlitePlanStore : IJobStore
{
    private const string UnfinishedStates = "('Wachtend', 'Bezig')";

    public void SaveJob(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("DELETE FROM upload_jobs WHERE id = @Id", new { job.Id }, transaction);
            connection.Execute("""
                INSERT INTO upload_jobs (id, owner, municipality, is_demo, refused, created_at, version_of)
                VALUES (@Id, @Owner, @Municipality, @IsDemo, @Refused, @CreatedAt, @VersionOf)
                """,
                new { job.Id, job.Owner, job.Municipality, job.IsDemo, Refused = JsonSerializer.Serialize(job.Refused), CreatedAt = Time(job.Created), job.VersionOf },
                transaction);
            foreach (var file in job.Files) InsertFile(connection, transaction, job.Id, file);
            transaction.Commit();
            return 0;
        });
    }

    public void SaveJobFile(string jobId, StoredJobFile file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(file);
        Run(connection => connection.Execute("""
            UPDATE upload_job_files
            SET state = @State, attempts = @Attempts, error = @Error, error_detail = @ErrorDetail, document_id = @DocumentId,
                duplicate = @Duplicate, warnings = @Warnings
            WHERE job_id = @JobId AND ordinal = @Ordinal
            """, FileParameters(jobId, file)));
    }

    private static void InsertFile(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string jobId, StoredJobFile file) =>
        connection.Execute("""
            INSERT INTO upload_job_files (job_id, ordinal, display_name, temp_path, delete_when_done, municipality, state, attempts,
                                          error, error_detail, document_id, duplicate, warnings)
            VALUES (@JobId, @Ordinal, @DisplayName, @TempPath, @DeleteWhenDone, @Municipality, @State, @Attempts,
                    @Error, @ErrorDetail, @DocumentId, @Duplicate, @Warnings)
            """, FileParameters(jobId, file), transaction);

    private static object FileParameters(string jobId, StoredJobFile f) => new
    {
        JobId = jobId, f.Ordinal, f.DisplayName, f.TempPath, f.DeleteWhenDone, f.Municipality, f.State, f.Attempts, f.Error, f.ErrorDetail,
        f.DocumentId, f.Duplicate, Warnings = JsonSerializer.Serialize(f.Warnings),
    };

    private sealed class JobRow
    {
        public string Id { get; set; } = "";
        public string? Owner { get; set; }
        public string? Municipality { get; set; }
        public bool IsDemo { get; set; }
        public string Refused { get; set; } = "[]";
        public string CreatedAt { get; set; } = "";
        public long? VersionOf { get; set; }
    }

    private sealed class JobFileRow
    {
        public string JobId { get; set; } = "";
        public long Ordinal { get; set; }
        public string DisplayName { get; set; } = "";
        public string TempPath { get; set; } = "";
        public bool DeleteWhenDone { get; set; }
        public string? Municipality { get; set; }
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public string? Error { get; set; }
        public string? ErrorDetail { get; set; }
        public long? DocumentId { get; set; }
        public bool Duplicate { get; set; }
        public string Warnings { get; set; } = "[]";

        public StoredJobFile ToFile() => new((int)Ordinal, DisplayName, TempPath, DeleteWhenDone, Municipality, State, (int)Attempts, Error, ErrorDetail,
            DocumentId, Duplicate, JsonSerializer.Deserialize<string[]>(Warnings) ?? []);
    }

    public IReadOnlyList<StoredJob> LoadJobs(DateTimeOffset since) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var selected = $"""
            SELECT id FROM upload_jobs
            WHERE created_at >= @Since OR id IN (SELECT job_id FROM upload_job_files WHERE state IN {UnfinishedStates})
            """;
        var jobs = connection.Query<JobRow>($"""
            SELECT id AS Id, owner AS Owner, municipality AS Municipality, is_demo AS IsDemo, refused AS Refused, created_at AS CreatedAt,
                   version_of AS VersionOf
            FROM upload_jobs WHERE id IN ({selected}) ORDER BY created_at, id
            """, new { Since = Time(since) }, transaction).ToList();
        var files = connection.Query<JobFileRow>($"""
            SELECT job_id AS JobId, ordinal AS Ordinal, display_name AS DisplayName, temp_path AS TempPath, delete_when_done AS DeleteWhenDone,
                   municipality AS Municipality, state AS State, attempts AS Attempts, error AS Error, error_detail AS ErrorDetail,
                   document_id AS DocumentId, duplicate AS Duplicate, warnings AS Warnings
            FROM upload_job_files WHERE job_id IN ({selected}) ORDER BY job_id, ordinal
            """, new { Since = Time(since) }, transaction).ToLookup(f => f.JobId);
        transaction.Commit();
        return jobs.Where(j => files[j.Id].Any())
            .Select(j => new StoredJob(j.Id, j.Owner, j.Municipality, j.IsDemo, ParseTime(j.CreatedAt),
                JsonSerializer.Deserialize<string[]>(j.Refused) ?? [], [.. files[j.Id].Select(f => f.ToFile())]) { VersionOf = j.VersionOf })
            .ToList();
    });

    public int DeleteFinishedJobs(DateTimeOffset cutoff) => Run(connection => connection.Execute($"""
        DELETE FROM upload_jobs
        WHERE created_at < @Cutoff AND id NOT IN (SELECT job_id FROM upload_job_files WHERE state IN {UnfinishedStates})
        """, new { Cutoff = Time(cutoff) }));

    // Sortable text: UTC, fixed width, so comparisons in SQL follow time.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

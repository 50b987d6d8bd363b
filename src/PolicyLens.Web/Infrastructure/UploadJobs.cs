using System.Collections.Concurrent;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>Where one uploaded file stands.</summary>
public enum FileState
{
    Wachtend,
    Bezig,
    Klaar,
    Mislukt,

    /// <summary>The server stopped and the upload copy was lost: the user has to upload the file again.</summary>
    Onderbroken,
}

/// <summary>
/// One file of an upload. <see cref="TempPath"/> is a random name under the upload folder chosen
/// by the app; <see cref="DisplayName"/> is the user's file name, only ever shown (encoded), never
/// used as a path.
/// </summary>
public sealed class JobFile
{
    public JobFile(string displayName, string tempPath, bool deleteWhenDone = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(tempPath);
        DisplayName = displayName;
        TempPath = tempPath;
        DeleteWhenDone = deleteWhenDone;
    }

    public string DisplayName { get; }
    public string TempPath { get; }

    /// <summary>True for uploads (a temp copy); false for demo plans read from the seeds folder.</summary>
    public bool DeleteWhenDone { get; }

    /// <summary>Municipality of this file when it differs per file (demo plans); else the job's.</summary>
    public string? Municipality { get; init; }

    /// <summary>The file's place in its job, set by the job.</summary>
    public int Ordinal { get; internal set; }

    // Written by a worker, read by request threads: volatile fields keep each read current.
    private volatile FileState _state = FileState.Wachtend;
    private volatile string? _error;
    private volatile string? _errorDetail;
    private long _documentId;
    private volatile bool _duplicate;
    private volatile IReadOnlyList<string> _warnings = [];
    private int _attempts;

    public FileState State { get => _state; set => _state = value; }

    /// <summary>Dutch reason the file failed.</summary>
    public string? Error { get => _error; set => _error = value; }

    /// <summary>The technical message of the reader (English), for the curious.</summary>
    public string? ErrorDetail { get => _errorDetail; set => _errorDetail = value; }
    public long? DocumentId { get => Interlocked.Read(ref _documentId) is var id && id > 0 ? id : null; set => Interlocked.Exchange(ref _documentId, value ?? 0); }

    /// <summary>The same bytes were stored before; <see cref="DocumentId"/> is that document.</summary>
    public bool Duplicate { get => _duplicate; set => _duplicate = value; }
    public IReadOnlyList<string> Warnings { get => _warnings; set => _warnings = value; }

    /// <summary>Why an upload meant as a new version was stored as a plan of its own (Dutch); null otherwise.</summary>
    public string? VersionNote { get => _versionNote; set => _versionNote = value; }
    private volatile string? _versionNote;

    /// <summary>How often reading this file began (a file being read during two crashes is not tried a third time).</summary>
    public int Attempts { get => Volatile.Read(ref _attempts); set => Volatile.Write(ref _attempts, value); }

    public bool Done => State is FileState.Klaar or FileState.Mislukt or FileState.Onderbroken;
    public bool Failed => State is FileState.Mislukt or FileState.Onderbroken;

    internal StoredJobFile ToStored() =>
        new(Ordinal, DisplayName, TempPath, DeleteWhenDone, Municipality, State.ToString(), Attempts, Error, ErrorDetail, DocumentId, Duplicate, Warnings);

    internal static JobFile FromStored(StoredJobFile stored) => new(stored.DisplayName, stored.TempPath, stored.DeleteWhenDone)
    {
        Municipality = stored.Municipality,
        State = Enum.TryParse<FileState>(stored.State, out var state) ? state : FileState.Mislukt,
        Attempts = stored.Attempts,
        Error = stored.Error,
        ErrorDetail = stored.ErrorDetail,
        DocumentId = stored.DocumentId,
        Duplicate = stored.Duplicate,
        Warnings = stored.Warnings,
    };
}

/// <summary>An upload of one or more files, processed in the background; its id is the only handle the browser gets.</summary>
public sealed class UploadJob
{
    public UploadJob(IReadOnlyList<JobFile> files, DateTimeOffset created, string? municipality = null, bool isDemo = false, string? owner = null,
        string? id = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ArgumentException("A job has at least one file.", nameof(files));
        Id = id ?? Guid.NewGuid().ToString("N");
        Files = files;
        for (var i = 0; i < files.Count; i++) files[i].Ordinal = i;
        Created = created;
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim();
        IsDemo = isDemo;
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner;
    }

    public string Id { get; }

    /// <summary>The municipality the uploader named, if any; stored with every document of the job.</summary>
    public string? Municipality { get; }

    /// <summary>The demo plans loaded at first start.</summary>
    public bool IsDemo { get; }

    /// <summary>The stored document this upload (one file) is a new version of; null for a new plan.</summary>
    public long? VersionOf { get; init; }

    /// <summary>The browser that started the job (<see cref="ClientIdentity"/>); null: everyone sees it (demo plans).</summary>
    public string? Owner { get; }

    /// <summary>Files of the upload refused before queuing (type by content), each "name: Dutch reason".</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];
    public IReadOnlyList<JobFile> Files { get; }
    public DateTimeOffset Created { get; }
    public bool Done => Files.All(f => f.Done);
    public bool AllFailed => Done && Files.All(f => f.Failed);

    /// <summary>The files lost when the server stopped: the ones to upload again.</summary>
    public IReadOnlyList<JobFile> Interrupted => [.. Files.Where(f => f.State == FileState.Onderbroken)];

    /// <summary>Where to go when done: the report of the only document, else null (the job page lists them).</summary>
    public long? SingleDocumentId => Done && Files.Count == 1 ? Files[0].DocumentId : null;

    /// <summary>Where a finished one-file job goes: its version page when it became a new version, else its report; null to stay.</summary>
    public string? NextPage => SingleDocumentId is not { } id || Files[0].VersionNote is not null ? null
        : VersionOf is not null && !Files[0].Duplicate ? $"/documenten/{id}/versies" : $"/documenten/{id}";
    /// <summary>Only the browser that started a job sees it; nobody's uploads show up on another visitor's pages.</summary>
    public bool IsVisibleTo(string? browser) => Owner is null || string.Equals(Owner, browser, StringComparison.Ordinal);

    internal StoredJob ToStored() => new(Id, Owner, Municipality, IsDemo, Created, Refused, [.. Files.Select(f => f.ToStored())]) { VersionOf = VersionOf };

    internal static UploadJob FromStored(StoredJob stored) =>
        new([.. stored.Files.OrderBy(f => f.Ordinal).Select(JobFile.FromStored)], stored.Created, stored.Municipality, stored.IsDemo, stored.Owner, stored.Id)
        {
            Refused = stored.Refused,
            VersionOf = stored.VersionOf,
        };
}

/// <summary>
/// Jobs by id. They live in memory for the pages and in the database (<see cref="IJobStore"/>)
/// so that a restart does not lose them: waiting files are read after the restart, and a file
/// whose upload copy is gone is marked interrupted so its job page says to upload it again.
/// Finished jobs are dropped after a few hours.
/// </summary>
public sealed class JobRegistry(TimeProvider time, ILogger<JobRegistry> log, IJobStore? store = null)
{
    /// <summary>How long a finished job's page keeps working.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(6);
    private const int MaxJobs = 1000;
    private readonly ConcurrentDictionary<string, UploadJob> _jobs = new(StringComparer.Ordinal);

    public void Add(UploadJob job)
    {
        Prune();
        _jobs[job.Id] = job;
        Persist(() => store?.SaveJob(job.ToStored()), job.Id);
    }

    /// <summary>Writes a file's current state, so a restart knows it.</summary>
    public void Save(UploadJob job, JobFile file) => Persist(() => store?.SaveJobFile(job.Id, file.ToStored()), job.Id);

    public UploadJob? Find(string? id) => id is not null && _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Unfinished jobs of every visitor (for counts).</summary>
    public IReadOnlyList<UploadJob> Active => [.. _jobs.Values.Where(j => !j.Done).OrderBy(j => j.Created)];

    /// <summary>Unfinished jobs this browser may see.</summary>
    public IReadOnlyList<UploadJob> ActiveFor(string? browser) => [.. Active.Where(j => j.IsVisibleTo(browser))];

    /// <summary>
    /// Loads the stored jobs after a restart. A waiting file, or one being read when the server
    /// stopped, waits again when its copy is still there; without the copy it is interrupted; a
    /// file being read at two stops in a row is given up (it may be what stops the server).
    /// Returns the jobs with files to read again.
    /// </summary>
    public IReadOnlyList<UploadJob> Restore()
    {
        if (store is null) return [];
        IReadOnlyList<StoredJob> stored;
        try
        {
            store.DeleteFinishedJobs(time.GetUtcNow() - KeepFor);
            stored = store.LoadJobs(time.GetUtcNow() - KeepFor);
        }
        catch (PlanStoreException ex)
        {
            log.LogError(ex, "Could not load the upload jobs of the last run; their pages will say they do not exist");
            return [];
        }
        var resumed = new List<UploadJob>();
        foreach (var job in stored.Select(UploadJob.FromStored))
        {
            _jobs[job.Id] = job;
            var waiting = false;
            foreach (var file in job.Files.Where(f => f.State is FileState.Wachtend or FileState.Bezig))
            {
                if (file.State == FileState.Bezig && file.Attempts >= 2)
                {
                    file.State = FileState.Mislukt;
                    file.Error = "de server stopte twee keer terwijl dit bestand gelezen werd, dus het is overgeslagen. Controleer het bestand of exporteer het opnieuw, en upload het daarna nog eens.";
                    log.LogWarning("Giving up on {File} of job {Job}: the server stopped twice while reading it", file.DisplayName, job.Id);
                }
                else if (File.Exists(file.TempPath))
                {
                    file.State = FileState.Wachtend;
                    waiting = true;
                }
                else
                {
                    file.State = FileState.Onderbroken;
                    file.Error = "de server werd gestopt voordat dit bestand verwerkt was, en de upload is niet bewaard gebleven. Upload het bestand opnieuw.";
                }
                Save(job, file);
            }
            if (waiting) resumed.Add(job);
        }
        if (stored.Count > 0)
            log.LogInformation("Restored {Jobs} upload jobs; {Resumed} have files to read again", stored.Count, resumed.Count);
        return resumed;
    }

    private void Persist(Action write, string jobId)
    {
        try
        {
            write();
        }
        catch (PlanStoreException ex)
        {
            // The job still runs; only a restart would forget it.
            log.LogWarning(ex, "Could not store the state of upload job {Job}", jobId);
        }
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        foreach (var (id, job) in _jobs)
            if (job.Done && job.Created < cutoff) _jobs.TryRemove(id, out _);
        if (_jobs.Count >= MaxJobs)
            foreach (var job in _jobs.Values.Where(j => j.Done).OrderBy(j => j.Created).Take(_jobs.Count - MaxJobs + 1))
                _jobs.TryRemove(job.Id, out _);
        Persist(() => store?.DeleteFinishedJobs(cutoff), "(old jobs)");
    }
}

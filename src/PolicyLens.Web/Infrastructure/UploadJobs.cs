using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PolicyLens.Web.Infrastructure;

/// <summary>Where one uploaded file stands.</summary>
public enum FileState
{
    Wachtend,
    Bezig,
    Klaar,
    Mislukt,
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

    // Written by the worker, read by request threads: volatile fields keep each read current.
    private volatile FileState _state = FileState.Wachtend;
    private volatile string? _error;
    private volatile string? _errorDetail;
    private long _documentId;
    private volatile bool _duplicate;
    private volatile IReadOnlyList<string> _warnings = [];

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
    public bool Done => State is FileState.Klaar or FileState.Mislukt;
}

/// <summary>An upload of one or more files, processed in the background; its id is the only handle the browser gets.</summary>
public sealed class UploadJob
{
    public UploadJob(IReadOnlyList<JobFile> files, DateTimeOffset created, string? municipality = null, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ArgumentException("A job has at least one file.", nameof(files));
        Id = Guid.NewGuid().ToString("N");
        Files = files;
        Created = created;
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim();
        IsDemo = isDemo;
    }

    public string Id { get; }

    /// <summary>The municipality the uploader named, if any; stored with every document of the job.</summary>
    public string? Municipality { get; }

    /// <summary>The demo plans loaded at first start.</summary>
    public bool IsDemo { get; }

    /// <summary>The stored document this upload (one file) is a new version of; null for a new plan.</summary>
    public long? VersionOf { get; init; }

    /// <summary>Files of the upload refused before queuing (type by content), each "name: Dutch reason".</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];
    public IReadOnlyList<JobFile> Files { get; }
    public DateTimeOffset Created { get; }
    public bool Done => Files.All(f => f.Done);
    public bool AllFailed => Done && Files.All(f => f.State == FileState.Mislukt);

    /// <summary>Where to go when done: the report of the only document, else null (the job page lists them).</summary>
    public long? SingleDocumentId => Done && Files.Count == 1 ? Files[0].DocumentId : null;

    /// <summary>Where a finished one-file job goes: its version page when it became a new version, else its report; null to stay.</summary>
    public string? NextPage => SingleDocumentId is not { } id || Files[0].VersionNote is not null ? null
        : VersionOf is not null && !Files[0].Duplicate ? $"/documenten/{id}/versies" : $"/documenten/{id}";
}

/// <summary>Jobs by id, in memory; old finished jobs are dropped so memory stays bounded.</summary>
public sealed class JobRegistry(TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(6);
    private const int MaxJobs = 1000;
    private readonly ConcurrentDictionary<string, UploadJob> _jobs = new(StringComparer.Ordinal);

    public void Add(UploadJob job)
    {
        Prune();
        _jobs[job.Id] = job;
    }

    public UploadJob? Find(string? id) => id is not null && _jobs.TryGetValue(id, out var job) ? job : null;

    public IReadOnlyList<UploadJob> Active => [.. _jobs.Values.Where(j => !j.Done).OrderBy(j => j.Created)];

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        foreach (var (id, job) in _jobs)
            if (job.Done && job.Created < cutoff) _jobs.TryRemove(id, out _);
        if (_jobs.Count < MaxJobs) return;
        foreach (var job in _jobs.Values.Where(j => j.Done).OrderBy(j => j.Created).Take(_jobs.Count - MaxJobs + 1))
            _jobs.TryRemove(job.Id, out _);
    }
}

/// <summary>The hand-over from request threads to the background worker.</summary>
public sealed class IngestionQueue
{
    private readonly Channel<UploadJob> _channel = Channel.CreateUnbounded<UploadJob>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(UploadJob job, CancellationToken cancellationToken = default) => _channel.Writer.WriteAsync(job, cancellationToken);

    public IAsyncEnumerable<UploadJob> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

namespace PolicyLens.Storage;

/// <summary>How far a retag is: documents done (retagged or skipped) of all documents.</summary>
public sealed record RetagProgress
{
    public RetagProgress(int Done, int Total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Done);
        ArgumentOutOfRangeException.ThrowIfLessThan(Total, Done);
        this.Done = Done;
        this.Total = Total;
    }

    public int Done { get; }
    public int Total { get; }
}

/// <summary>
/// Where the web app keeps its upload jobs, so queued files survive a restart. Writes are small
/// and frequent (one per file state change); implementations are thread-safe.
/// </summary>
public interface IJobStore
{
    /// <summary>Stores a new job with its files (or replaces one with the same id).</summary>
    void SaveJob(StoredJob job);

    /// <summary>Writes the current state of one file of a job.</summary>
    void SaveJobFile(string jobId, StoredJobFile file);

    /// <summary>Jobs created at or after <paramref name="since"/>, and older ones with a file not yet done; oldest first.</summary>
    IReadOnlyList<StoredJob> LoadJobs(DateTimeOffset since);

    /// <summary>Deletes jobs created before <paramref name="cutoff"/> whose files are all done; returns how many.</summary>
    int DeleteFinishedJobs(DateTimeOffset cutoff);
}

/// <summary>An upload job as stored. <see cref="Owner"/> is the random id of the browser that started it; null for demo plans.</summary>
public sealed record StoredJob
{
    public StoredJob(string Id, string? Owner, string? Municipality, bool IsDemo, DateTimeOffset Created, IReadOnlyList<string> Refused,
        IReadOnlyList<StoredJobFile> Files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id);
        ArgumentNullException.ThrowIfNull(Refused);
        ArgumentNullException.ThrowIfNull(Files);
        if (Files.Count == 0) throw new ArgumentException("A job has at least one file.", nameof(Files));
        this.Id = Id;
        this.Owner = string.IsNullOrWhiteSpace(Owner) ? null : Owner;
        this.Municipality = string.IsNullOrWhiteSpace(Municipality) ? null : Municipality;
        this.IsDemo = IsDemo;
        this.Created = Created;
        this.Refused = Refused;
        this.Files = Files;
    }

    public string Id { get; }
    public string? Owner { get; }
    public string? Municipality { get; }
    public bool IsDemo { get; }
    public DateTimeOffset Created { get; }
    public IReadOnlyList<string> Refused { get; }
    public IReadOnlyList<StoredJobFile> Files { get; }

    /// <summary>The stored document whose plan this upload becomes the next version of; null for a plan of its own.</summary>
    public long? VersionOf { get; init; }
}

/// <summary>One file of a stored job. <see cref="State"/> is the web app's state name (Wachtend, Bezig, Klaar, Mislukt).</summary>
public sealed record StoredJobFile
{
    public StoredJobFile(int Ordinal, string DisplayName, string TempPath, bool DeleteWhenDone, string? Municipality, string State, int Attempts,
        string? Error, string? ErrorDetail, long? DocumentId, bool Duplicate, IReadOnlyList<string> Warnings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Ordinal);
        ArgumentException.ThrowIfNullOrWhiteSpace(DisplayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(TempPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(State);
        ArgumentOutOfRangeException.ThrowIfNegative(Attempts);
        ArgumentNullException.ThrowIfNull(Warnings);
        this.Ordinal = Ordinal;
        this.DisplayName = DisplayName;
        this.TempPath = TempPath;
        this.DeleteWhenDone = DeleteWhenDone;
        this.Municipality = string.IsNullOrWhiteSpace(Municipality) ? null : Municipality;
        this.State = State;
        this.Attempts = Attempts;
        this.Error = Error;
        this.ErrorDetail = ErrorDetail;
        this.DocumentId = DocumentId;
        this.Duplicate = Duplicate;
        this.Warnings = Warnings;
    }

    public int Ordinal { get; }
    public string DisplayName { get; }
    public string TempPath { get; }
    public bool DeleteWhenDone { get; }
    public string? Municipality { get; }
    public string State { get; }
    public int Attempts { get; }
    public string? Error { get; }
    public string? ErrorDetail { get; }
    public long? DocumentId { get; }
    public bool Duplicate { get; }
    public IReadOnlyList<string> Warnings { get; }
}

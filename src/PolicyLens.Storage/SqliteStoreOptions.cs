namespace PolicyLens.Storage;

/// <summary>Settings for <see cref="SqlitePlanStore"/>.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The in-memory database path: a private database that lives as long as the store (for tests).</summary>
    public const string InMemory = ":memory:";

    public SqliteStoreOptions(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = databasePath;
    }

    /// <summary>
    /// The database file; its folder is created when missing. <see cref="InMemory"/> (":memory:")
    /// gives a private in-memory database that the store keeps on one open connection.
    /// </summary>
    public string DatabasePath { get; }

    /// <summary>
    /// How long a statement waits for another connection's write lock before failing with
    /// "database is locked". Default 30 seconds: long enough for a CLI batch and the web app
    /// to take turns on the same file, short enough that a stuck process is reported.
    /// Whole seconds (rounded up), from 1 second to 1 hour.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A ceiling on the database file's size, in bytes; null (the default) leaves it to the disk.
    /// Writes past it fail as "disk full" and are rolled back, so a server can keep room on its
    /// disk for everything else.
    /// </summary>
    public long? MaxDatabaseBytes { get; init; }

    /// <summary>
    /// Analysis runs kept per document: a retag adds one and deletes the oldest beyond this
    /// number (tags and evidence with them). Default 2, the current run and the one before, so
    /// the database stops growing with every rule change. At least 1.
    /// </summary>
    public int KeepRuns { get; init; } = 2;

    public bool IsInMemory => DatabasePath == InMemory;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        // Zero would mean "wait forever" to Microsoft.Data.Sqlite's command timeout.
        if (BusyTimeout < TimeSpan.FromSeconds(1) || BusyTimeout > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout runs from 1 second to 1 hour.");
        if (MaxDatabaseBytes is < 64 * 1024) throw new ArgumentOutOfRangeException(nameof(MaxDatabaseBytes), MaxDatabaseBytes, "Allow at least 64 KB.");
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepRuns, 1, nameof(KeepRuns));
    }
}

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

    public bool IsInMemory => DatabasePath == InMemory;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        // Zero would mean "wait forever" to Microsoft.Data.Sqlite's command timeout.
        if (BusyTimeout < TimeSpan.FromSeconds(1) || BusyTimeout > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout runs from 1 second to 1 hour.");
    }
}

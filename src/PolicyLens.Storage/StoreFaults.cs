using Microsoft.Data.Sqlite;

namespace PolicyLens.Storage;

/// <summary>The kinds of storage fault a user can be told about in their own words.</summary>
public enum StoreFault
{
    Other,

    /// <summary>Another program held the write lock too long.</summary>
    Busy,
    ReadOnly,
    Damaged,

    /// <summary>The disk (or the database's size limit) is full: free space, then try again.</summary>
    DiskFull,
    CannotOpen,

    /// <summary>The operating system reported a read or write error.</summary>
    Io,
}

/// <summary>
/// Classifies SQLite and file-system errors by their codes, never by message text: SQLite's
/// result codes, and the errno (Unix) or Win32 error (Windows) that .NET keeps in
/// <see cref="Exception.HResult"/> of an <see cref="IOException"/>.
/// </summary>
public static class StoreFaults
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteCorrupt = 11, SqliteFull = 13,
        SqliteCannotOpen = 14, SqliteNotADatabase = 26;

    // ENOSPC, EDQUOT (Linux 122, macOS 69); Win32 ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs.
    private static readonly int[] DiskFullCodes = [28, 122, 69, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>The fault behind an exception or any exception it wraps; <see cref="StoreFault.Other"/> when unknown.</summary>
    public static StoreFault Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode switch
                    {
                        SqliteBusy or SqliteLocked => StoreFault.Busy,
                        SqliteReadOnly => StoreFault.ReadOnly,
                        SqliteCorrupt or SqliteNotADatabase => StoreFault.Damaged,
                        SqliteFull => StoreFault.DiskFull,
                        SqliteCannotOpen => StoreFault.CannotOpen,
                        SqliteIoError => StoreFault.Io,
                        _ => StoreFault.Other,
                    };
                case IOException io when DiskFullCodes.Contains(io.HResult):
                    return StoreFault.DiskFull;
                case IOException and not (FileNotFoundException or DirectoryNotFoundException or EndOfStreamException):
                    return StoreFault.Io;
            }
        }
        return StoreFault.Other;
    }

    /// <summary>True when the exception says the disk is full.</summary>
    public static bool IsDiskFull(Exception? exception) => Classify(exception) == StoreFault.DiskFull;
}

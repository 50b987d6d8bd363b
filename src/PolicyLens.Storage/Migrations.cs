using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PolicyLens.Storage;

/// <summary>One numbered schema change, from an embedded <c>Migrations/NNNN_name.sql</c> file.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies the embedded migrations in number order, each in its own transaction together with
/// its row in <c>schema_version</c>, so a migration is applied exactly once even when two
/// processes open a new database at the same moment.
/// </summary>
internal static class Migrations
{
    private const string Prefix = "PolicyLens.Storage.Migrations.";

    public static IReadOnlyList<Migration> All { get; } = Load();

    public static int Latest => All[^1].Version;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal)) continue;
            var name = resource[Prefix.Length..^4];
            var underscore = name.IndexOf('_');
            if (underscore < 1 || !int.TryParse(name[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_description.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, name, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1) throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3 … without gaps; found {list[i].Name}.");
        return list;
    }

    /// <summary>Brings the database up to <see cref="Latest"/>; returns the versions it applied.</summary>
    public static IReadOnlyList<int> Apply(SqliteConnection connection)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var applied = new List<int>();
        foreach (var migration in All)
        {
            // BEGIN IMMEDIATE (the default here) takes the write lock first, so the check below
            // cannot race another process applying the same migration.
            using var transaction = connection.BeginTransaction();
            var current = connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;
            if (current >= migration.Version) continue;
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, transaction);
            transaction.Commit();
            applied.Add(migration.Version);
        }
        return applied;
    }

    public static int CurrentVersion(SqliteConnection connection) =>
        (int)(connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0);
}

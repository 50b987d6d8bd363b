using Dapper;
using Microsoft.Data.Sqlite;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Storage.Tests;

/// <summary>Real ingestion and tagging of the repository's fixtures, shared by the tests.</summary>
internal static class TestSupport
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PolicyLens.sln not found above the test binaries.");
    }

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "documents", name);

    public static string RulesPath => Path.Combine(RepoRoot, "rules");

    public static RuleTagger Tagger { get; } = new(RuleSetLoader.LoadOrThrow(RulesPath));

    public static DocumentIngestor Ingestor { get; } = DefaultReaders.CreateIngestor();

    public static IngestionResult Ingest(string path)
    {
        var result = Ingestor.Ingest(new DocumentSource(path));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    public static IReadOnlyList<TaggedPassage> Tag(IngestionResult ingestion, IPassageTagger? tagger = null) =>
        ingestion.Passages.Select(p => new TaggedPassage(p, (tagger ?? Tagger).Tag(new TaggingInput(p.Text, p.Headings)))).ToList();

    public static StoreResult SaveFixture(IPlanStore store, string name, string? municipality = "Lindeveld")
    {
        var ingestion = Ingest(Fixture(name));
        return store.Save(ingestion, Tag(ingestion), municipality, AnalysisRunInfo.For(Tagger));
    }

    public static SqlitePlanStore Memory() => SqlitePlanStore.Open(new SqliteStoreOptions(SqliteStoreOptions.InMemory));

    /// <summary>A plain connection to a database file, to look at or tamper with it behind the store's back.</summary>
    public static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static long Count(SqliteConnection connection, string table) => connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}");
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("policylens-store-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

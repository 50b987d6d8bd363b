using Microsoft.Data.Sqlite;

namespace PolicyLens.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-import-cli-").FullName;
    private string Db => Path.Combine(_dir, "plans.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Export(string nis) =>
        Path.GetFullPath(Path.Combine(CliHarness.RepositoryRoot(), "..", "shared", "real-docs", "flemish-mjp-2026", "municipality", nis + ".json"));

    [Fact]
    public void Import_stores_one_plan_per_municipality_and_a_second_run_reports_them_unchanged()
    {
        var (code, output, error) = CliHarness.Run("import", Export("11001"), Export("44021"), "--db", Db);
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        Assert.Contains("nieuw: Meerjarenplan 2026-2031 Aartselaar (#", output);
        Assert.Contains("2 bestanden, 2 plannen", output);
        Assert.Contains("2 nieuw, 0 nieuwe versie, 0 ongewijzigd, 0 mislukt", output);

        var (again, second, _) = CliHarness.Run("import", Export("11001"), Export("44021"), "--db", Db);
        Assert.Equal(0, again);
        Assert.Contains("0 nieuw, 0 nieuwe versie, 2 ongewijzigd", second);
        var (_, list, _) = CliHarness.Run("list", "--db", Db, "--format", "json");
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(list).RootElement.GetArrayLength());
    }

    [Fact]
    public void Bad_rows_are_named_with_file_and_line_on_stderr_the_rest_is_imported_and_the_exit_code_is_1()
    {
        var csv = Path.Combine(_dir, "eigen.csv");
        File.WriteAllText(csv, "gemeente;actie;uitleg\nLindeveld;Buurthuis;Een plek om elkaar te ontmoeten\nLindeveld;;\nBeekhoven;Wandelpad;Samen wandelen\n");
        var mapping = Path.Combine(_dir, "eigen.yaml");
        File.WriteAllText(mapping, "id: eigen\nplan:\n  key: gemeente\n  municipality: gemeente\nlevels:\n  - name: Actie\n    title: actie\n    text: uitleg\n");

        var (code, output, error) = CliHarness.Run("import", csv, "--mapping", mapping, "--db", Db);
        Assert.Equal(1, code);
        Assert.Contains("policylens: eigen.csv: regel 3: actie zonder titel en tekst", error);
        Assert.Contains("2 nieuw", output);
        Assert.Contains("1 rij overgeslagen", output);
    }

    [Fact]
    public void A_broken_mapping_stops_before_anything_is_read_with_file_and_line()
    {
        var mapping = Path.Combine(_dir, "fout.yaml");
        File.WriteAllText(mapping, "id: fout\nplan:\n  sleutel: gemeente\nlevels: []\n");
        var (code, _, error) = CliHarness.Run("import", Export("11001"), "--mapping", mapping, "--db", Db);
        Assert.Equal(2, code);
        Assert.Contains("fout.yaml:3: unknown key 'sleutel'", error);
        Assert.False(File.Exists(Db));
    }
}

using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PolicyLens.Cli.Tests;

/// <summary>Versions of a plan from the command line: ingest --version-of, diff and edit.</summary>
public sealed class VersionCommands : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-versions-cli-").FullName;
    private string Db => Path.Combine(_dir, "plans.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private const string Draft1 = """
        # Actieplan Samen Lindeveld

        ## Ontmoeting

        We openen een buurthuis in elke wijk, waar buren elkaar wekelijks ontmoeten.

        Vrijwilligers bezoeken eenzame ouderen thuis.
        """;

    private const string Draft2 = """
        # Actieplan Samen Lindeveld

        ## Ontmoeting

        We openen een buurthuis in elke wijk, waar buren elkaar wekelijks ontmoeten.

        Vrijwilligers en buren bezoeken eenzame ouderen en jongeren thuis.

        ## Onderwijs

        Scholen leren kinderen over vriendschap en omgaan met eenzaamheid, samen met het jeugdwerk.
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_second_draft_ingested_as_a_new_version_and_diffed_by_id_shows_what_changed_as_json()
    {
        var first = CliHarness.Run("ingest", Write("v1.md", Draft1), "--db", Db);
        var second = CliHarness.Run("ingest", Write("v2.md", Draft2), "--db", Db, "--version-of", "1");
        var (code, output, error) = CliHarness.Run("diff", "1", "2", "--db", Db, "--format", "json");

        Assert.Equal(0, first.Code);
        Assert.Equal(0, second.Code);
        Assert.Contains("Document 2 is versie 2 van het plan waar document 1 bij hoort.", second.Out);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var key in new[] { "gained", "lost", "status_changes", "passages_added", "passages_removed" })
            Assert.True(root.TryGetProperty(key, out _), $"no '{key}' in {output}");
        var gained = root.GetProperty("gained").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains("age:jongeren", gained);
        Assert.All(gained, k => Assert.Matches("^[a-z0-9-]+:[a-z0-9-]+$", k));
        Assert.Empty(root.GetProperty("lost").EnumerateArray());
        Assert.Contains(root.GetProperty("passages_added").EnumerateArray(), p => p.GetProperty("text").GetString()!.StartsWith("Scholen leren", StringComparison.Ordinal));
        var changed = Assert.Single(root.GetProperty("passages_changed").EnumerateArray());
        Assert.Contains(changed.GetProperty("edits").EnumerateArray(), e => e.GetProperty("op").GetString() == "inserted");
        Assert.Equal(1, root.GetProperty("old").GetProperty("document_id").GetInt32());
    }

    [Fact]
    public void Two_files_diff_as_Dutch_text_without_a_database()
    {
        var (code, output, error) = CliHarness.Run("diff", Write("a.md", Draft1), Write("b.md", Draft2));

        Assert.True(code == 0, error);
        Assert.Contains("Nieuw in het plan", output);
        Assert.Contains("Toegevoegde passages (", output);
        Assert.Contains("Gewijzigde passages (1):", output);
        Assert.Contains("[+en buren+]", output);
    }

    [Fact]
    public void Version_of_an_unknown_document_or_with_several_files_is_refused_before_anything_is_stored()
    {
        CliHarness.Run("ingest", Write("v1.md", Draft1), "--db", Db);

        var unknown = CliHarness.Run("ingest", Write("v2.md", Draft2), "--db", Db, "--version-of", "42");
        var several = CliHarness.Run("ingest", Write("v3.md", Draft2 + "\nNog een zin.\n"), Write("v4.md", Draft2 + "\nEn nog een.\n"), "--db", Db, "--version-of", "1");

        Assert.Equal(1, unknown.Code);
        Assert.Contains("er is geen document 42", unknown.Err);
        Assert.Equal(2, several.Code);
        Assert.Contains("--version-of neemt één bestand", several.Err);
        using var json = JsonDocument.Parse(CliHarness.Run("list", "--db", Db, "--format", "json").Out);
        Assert.Equal(1, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Edit_corrects_title_and_municipality_and_an_empty_municipality_clears_it()
    {
        CliHarness.Run("ingest", Write("v1.md", Draft1), "--db", Db, "--municipality", "Lindeveld");

        var edited = CliHarness.Run("edit", "1", "--title", "Actieplan eenzaamheid 2026", "--municipality", "Lindeveld-Oost", "--db", Db);
        var cleared = CliHarness.Run("edit", "1", "--municipality", "", "--db", Db);
        var nothing = CliHarness.Run("edit", "1", "--db", Db);
        var unknown = CliHarness.Run("edit", "9", "--title", "x", "--db", Db);

        Assert.Equal(0, edited.Code);
        Assert.Contains("titel ‘Actieplan eenzaamheid 2026’, gemeente ‘Lindeveld-Oost’", edited.Out);
        Assert.Contains("titel ‘Actieplan eenzaamheid 2026’, gemeente onbekend", cleared.Out);
        Assert.Equal(2, nothing.Code);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Actieplan eenzaamheid 2026", CliHarness.Run("list", "--db", Db).Out);
    }
}

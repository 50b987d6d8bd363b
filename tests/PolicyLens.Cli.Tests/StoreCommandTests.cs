using System.Text.Json;
using Microsoft.Data.Sqlite;
using PolicyLens.Cli;
using PolicyLens.Cli.Commands;

namespace PolicyLens.Cli.Tests;

public sealed class StoreCommands : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-store-cli-").FullName;
    private string Db => Path.Combine(_dir, "db", "plans.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Fixtures => Path.GetDirectoryName(Fixture("x"))!;

    private static string Fixture(string name) => CliHarness.Fixture(name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Ingest_stores_the_files_of_a_folder_and_prints_plain_lines_and_a_summary_when_redirected()
    {
        var (code, output, error) = Run("ingest", Fixture("lindeveld-plan.docx"), Fixture("lindeveld-plan.odt"), "--db", Db, "--municipality", "Lindeveld");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains($"opgeslagen: {Fixture("lindeveld-plan.docx")} (#", output);
        Assert.Contains("2 bestanden", output);
        Assert.Contains("2 opgeslagen, 0 al aanwezig, 0 mislukt", output);
        Assert.DoesNotContain("\u001b[", output); // no ANSI codes when captured
        Assert.True(File.Exists(Db));
    }

    [Fact]
    public void A_bad_file_is_named_on_stderr_with_its_reason_the_rest_is_stored_and_the_exit_code_is_1()
    {
        var bad = Path.Combine(_dir, "kapot.docx");
        File.WriteAllBytes(bad, [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);

        var (code, output, error) = Run("ingest", Fixture("lindeveld-plan.docx"), bad, "--db", Db);

        Assert.Equal(1, code);
        Assert.StartsWith($"policylens: {bad}: ", error);
        Assert.Contains("beschadigd", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains("1 opgeslagen, 0 al aanwezig, 1 mislukt", output);
        var (_, list, _) = Run("list", "--db", Db, "--format", "json");
        Assert.Equal(1, JsonDocument.Parse(list).RootElement.GetArrayLength());
    }

    [Fact]
    public void Ingesting_a_folder_recurses_and_a_second_ingest_reports_duplicates()
    {
        var folder = Path.Combine(_dir, "plans", "sub");
        Directory.CreateDirectory(folder);
        File.Copy(Fixture("lindeveld-plan.docx"), Path.Combine(folder, "a.docx"));
        File.Copy(Fixture("lindeveld-plan.md"), Path.Combine(_dir, "plans", "b.md"));
        File.WriteAllText(Path.Combine(folder, "notes.json"), "{}");

        Assert.Equal(0, Run("ingest", Path.Combine(_dir, "plans"), "--db", Db).Code);
        var (code, output, _) = Run("ingest", Path.Combine(_dir, "plans"), "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("2 bestanden", output);
        Assert.Contains("0 opgeslagen, 2 al aanwezig, 0 mislukt", output);
    }

    [Fact]
    public void A_text_file_named_pdf_in_a_folder_is_refused_in_Dutch_naming_both_and_the_rest_is_stored()
    {
        var plans = Directory.CreateDirectory(Path.Combine(_dir, "plannen")).FullName;
        File.Copy(Fixture("lindeveld-plan.md"), Path.Combine(plans, "plan.md"));
        var fake = Path.Combine(plans, "geen-pdf.pdf");
        File.WriteAllText(fake, "dit is geen pdf, maar gewone tekst over eenzaamheid in de wijk");

        var (code, output, error) = Run("ingest", plans, "--db", Db);

        Assert.Equal(1, code);
        Assert.Contains($"policylens: {fake}: de naam eindigt op '.pdf', maar de inhoud is platte tekst.", error);
        Assert.Contains("1 opgeslagen, 0 al aanwezig, 1 mislukt", output);
    }

    [Fact]
    public void A_missing_path_is_reported_and_fails()
    {
        var (code, _, error) = Run("ingest", Path.Combine(_dir, "nergens"), "--db", Db);
        Assert.Equal(1, code);
        Assert.Contains("nergens: bestand of map niet gevonden", error);
    }

    [Fact]
    public void List_shows_id_title_file_municipality_and_passages()
    {
        Run("ingest", Fixture("lindeveld-plan.md"), "--db", Db, "--municipality", "Lindeveld");

        var (code, json, _) = Run("list", "--db", Db, "--format", "json");
        var (tableCode, table, _) = Run("list", "--db", Db);

        Assert.Equal((0, 0), (code, tableCode));
        var document = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal(1, document.GetProperty("id").GetInt64());
        Assert.Equal("Meerjarenplan 2026–2031 gemeente Lindeveld", document.GetProperty("title").GetString());
        Assert.Equal("lindeveld-plan.md", document.GetProperty("file").GetString());
        Assert.Equal("Lindeveld", document.GetProperty("municipality").GetString());
        Assert.True(document.GetProperty("passages").GetInt32() > 10);
        Assert.StartsWith("sha256:", document.GetProperty("ruleSetVersion").GetString());
        Assert.Contains("lindeveld-plan.md", table);
        Assert.Contains("Lindeveld", table);
    }

    [Fact]
    public void List_on_an_empty_database_says_how_to_add_plans()
    {
        var (code, output, _) = Run("list", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("policylens ingest", output);
    }

    [Fact]
    public void Search_prints_hits_with_the_matches_marked_and_json_with_html_marks()
    {
        Run("ingest", Fixture("lindeveld-plan.md"), "--db", Db);

        var (code, output, _) = Run("search", "buurtankers", "--db", Db);
        var (jsonCode, json, _) = Run("search", "buurtankers", "--db", Db, "--format", "json", "--limit", "1");

        Assert.Equal((0, 0), (code, jsonCode));
        Assert.Contains("**buurtankers**", output, StringComparison.OrdinalIgnoreCase);
        var hit = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Contains("<mark>buurtankers</mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u0002", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NEAR(")]
    [InlineData("\"")]
    [InlineData("AND OR -")]
    public void Search_with_query_syntax_characters_still_succeeds(string query)
    {
        Run("ingest", Fixture("lindeveld-plan.md"), "--db", Db);
        var (code, _, error) = Run("search", query, "--db", Db);
        Assert.Equal(0, code);
        Assert.Equal("", error);
    }

    [Fact]
    public void Retag_with_unchanged_rules_skips_every_plan()
    {
        Run("ingest", Fixture("lindeveld-plan.md"), "--db", Db);
        var (code, output, _) = Run("retag", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("0 plannen opnieuw getagd", output);
        Assert.Contains("1 waren al bijgewerkt", output);
    }

    [Fact]
    public void A_database_that_is_no_database_is_a_clear_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Db)!);
        File.WriteAllText(Db, new string('x', 5000));
        var (code, _, error) = Run("list", "--db", Db);
        Assert.Equal(1, code);
        Assert.Contains("not a PolicyLens database", error);
    }

    [Fact]
    public void The_db_option_beats_the_environment_which_beats_appsettings_which_beats_the_default()
    {
        var program = Path.Combine(_dir, "program");
        Directory.CreateDirectory(program);
        var settings = Path.Combine(program, "appsettings.json");
        File.WriteAllText(settings, """{ "PolicyLens": { "DatabasePath": "uit-config/plans.db" } }""");
        static string? Env(string name) => name == StoreAccess.EnvironmentVariable ? "/srv/env.db" : null;
        static string? NoEnv(string name) => null;
        var elsewhere = Path.Combine(_dir, "elders");

        Assert.Equal(Path.GetFullPath("/tmp/x.db"), new CliSettings(Env, elsewhere, program).DatabasePath("/tmp/x.db"));
        Assert.Equal(Path.Combine(elsewhere, "mine.db"), new CliSettings(Env, elsewhere, program).DatabasePath("mine.db"));
        Assert.Equal("/srv/env.db", new CliSettings(Env, elsewhere, program).DatabasePath(null));
        // Outside a checkout a configured relative path is the program's, as in the web app, so both share one database.
        Assert.Equal(Path.Combine(program, "uit-config", "plans.db"), new CliSettings(NoEnv, elsewhere, program).DatabasePath(null));
        File.WriteAllText(settings, "{ not json");
        Assert.Equal(Path.Combine(program, "data", "policylens.db"), new CliSettings(NoEnv, elsewhere, program).DatabasePath(null));
    }

    [Fact]
    public void Inside_a_checkout_configured_paths_are_the_checkouts_so_cli_and_web_share_one_database_and_the_edited_rules()
    {
        var root = Path.Combine(_dir, "checkout");
        var sub = Path.Combine(root, "src", "PolicyLens.Web");
        var program = Path.Combine(_dir, "program");
        Directory.CreateDirectory(sub);
        Directory.CreateDirectory(Path.Combine(root, "rules"));
        Directory.CreateDirectory(Path.Combine(program, "rules"));
        File.WriteAllText(Path.Combine(root, "PolicyLens.sln"), "");
        static string? NoEnv(string name) => null;

        var inside = new CliSettings(NoEnv, sub, program);
        Assert.Equal(Path.Combine(root, "data", "policylens.db"), inside.DatabasePath(null));
        Assert.Equal(Path.Combine(root, "rules"), inside.RulesPath(null));
        Assert.Equal(Path.Combine(sub, "mine.db"), inside.DatabasePath("mine.db"));

        var outside = new CliSettings(NoEnv, _dir, program);
        Assert.Equal(Path.Combine(program, "rules"), outside.RulesPath(null));
        // A build inside the checkout, started from elsewhere, still reads the checkout's rules.
        Assert.Equal(Path.Combine(root, "rules"), new CliSettings(NoEnv, _dir, Path.Combine(root, "src", "bin")).RulesPath(null));
    }

    [Fact]
    public void Ingesting_a_folder_skips_source_build_and_hidden_folders_and_other_files_and_says_so()
    {
        var plans = Path.Combine(_dir, "plans");
        foreach (var folder in new[] { "src", ".git", "bin", "sub" }) Directory.CreateDirectory(Path.Combine(plans, folder));
        File.Copy(Fixture("lindeveld-plan.md"), Path.Combine(plans, "plan.md"));
        File.Copy(Fixture("lindeveld-plan.docx"), Path.Combine(plans, "sub", "plan.docx"));
        File.Copy(Fixture("lindeveld-plan.md"), Path.Combine(plans, "src", "bron.md"));
        File.Copy(Fixture("lindeveld-plan.md"), Path.Combine(plans, ".git", "x.md"));
        File.Copy(Fixture("lindeveld-plan.md"), Path.Combine(plans, "bin", "y.md"));
        File.WriteAllText(Path.Combine(plans, "make.sh"), "echo");
        File.WriteAllText(Path.Combine(plans, "sub", "notes.json"), "{}");

        var (code, output, error) = Run("ingest", plans, "--db", Db);

        Assert.True(code == 0, error);
        Assert.Contains("2 bestanden in", output);
        var skipped = output.Split('\n').Single(l => l.StartsWith("Overgeslagen: ", StringComparison.Ordinal));
        Assert.Contains("3 bron-, build- of verborgen mappen", skipped);
        Assert.Contains(Path.Combine("plans", "src"), skipped);
        Assert.Contains("2 bestanden die geen plan zijn", skipped);
        Assert.Contains(".json", skipped);
        Assert.Contains("0 mislukt; 5 overgeslagen.", output);
        // A skipped folder given by name is read.
        var (srcCode, srcOutput, _) = Run("ingest", Path.Combine(plans, "src"), "--db", Db);
        Assert.Equal(0, srcCode);
        Assert.Contains("1 al aanwezig", srcOutput); // the same Markdown as plan.md
    }

    [Fact]
    public void The_readme_search_example_finds_passages_in_the_demo_plans_each_stored_once()
    {
        var root = CliHarness.RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var example = System.Text.RegularExpressions.Regex.Match(readme, "policylens search \"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(example);

        Assert.Equal(0, Run("ingest", Path.Combine(root, "seeds"), "--db", Db).Code);
        var (_, list, _) = Run("list", "--db", Db, "--format", "json");
        var (code, json, _) = Run("search", example, "--db", Db, "--format", "json");

        Assert.Equal(Directory.GetFiles(Path.Combine(root, "seeds")).Count(f => !f.EndsWith(".md", StringComparison.Ordinal)), JsonDocument.Parse(list).RootElement.GetArrayLength());
        Assert.Equal(0, code);
        Assert.NotEqual(0, JsonDocument.Parse(json).RootElement.GetArrayLength());
    }
}

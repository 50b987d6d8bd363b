using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Tests;

/// <summary>policylens report and compare, from files in memory and from a store on disk.</summary>
public sealed class ReportCommands : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Root() => CliHarness.RepositoryRoot();

    private static string Fixture(string name) => CliHarness.Fixture(name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    /// <summary>A database on disk holding the given fixtures; returns its path and the ids.</summary>
    private (string Path, long[] Ids) Store(params string[] fixtures)
    {
        var path = Path.Combine(_dir, "plans.db");
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Combine(Root(), "rules")));
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        var library = new PlanLibrary(DefaultReaders.CreateIngestor(), tagger, store);
        var ids = fixtures.Select(f =>
        {
            var outcome = library.IngestFile(new DocumentSource(Fixture(f)), "Lindeveld");
            Assert.True(outcome.Succeeded, outcome.Error);
            return outcome.DocumentId!.Value;
        }).ToArray();
        return (path, ids);
    }

    [Fact]
    public void A_file_gets_a_Markdown_report_on_standard_output_without_a_database()
    {
        var (code, output, error) = Run("report", Fixture("lindeveld-plan.docx"), "--db", Path.Combine(_dir, "absent.db"));
        Assert.Equal(0, code);
        Assert.StartsWith("# Rapport: Meerjarenplan 2026–2031 gemeente Lindeveld", output);
        Assert.Contains("## Lacunes en suggesties", output);
        Assert.Contains("| herhaalde ontmoetingen | uitgewerkt |", output);
        Assert.Equal("", error);
        Assert.False(File.Exists(Path.Combine(_dir, "absent.db")));
    }

    [Fact]
    public void The_json_report_names_the_plan_and_its_rule_set()
    {
        var (code, output, _) = Run("report", Fixture("lindeveld-plan.md"), "--format", "json", "--municipality", "Lindeveld");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var plan = json.RootElement.GetProperty("plan");
        Assert.Equal("lindeveld-plan.md", plan.GetProperty("fileName").GetString());
        Assert.Equal("Lindeveld", plan.GetProperty("municipality").GetString());
        Assert.StartsWith("sha256:", plan.GetProperty("ruleSetVersion").GetString());
    }

    [Fact]
    public void The_json_report_holds_the_plan_checks_with_id_title_status_explanation_and_passages()
    {
        var (code, output, _) = Run("report", Fixture("lindeveld-plan.md"), "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToArray();
        Assert.True(checks.Length >= 5, "the shipped checks run on the report");
        var fields = checks.Single(c => c.GetProperty("id").GetString() == "neglected-fields");
        foreach (var name in new[] { "id", "title", "status", "explanation", "passages" }) Assert.True(fields.TryGetProperty(name, out _), name);
        Assert.Equal("waarschuwing", fields.GetProperty("status").GetString());
        Assert.Equal("Onderwijs, werk en zorg", fields.GetProperty("title").GetString());
        Assert.Contains(checks, c => c.GetProperty("status").GetString() == "in-orde");
    }

    [Fact]
    public void The_markdown_report_has_the_checklist()
    {
        var (code, output, _) = Run("report", Fixture("lindeveld-plan.md"));
        Assert.Equal(0, code);
        Assert.Contains("## Controles", output);
        Assert.Contains("### ✘ Onderwijs, werk en zorg (waarschuwing)", output);
        Assert.Contains("### ✔ Sociale verbinding in alle beleidsdomeinen (in orde)", output);
    }

    [Fact]
    public void Docx_needs_an_output_file()
    {
        var (code, output, error) = Run("report", Fixture("lindeveld-plan.docx"), "--format", "docx");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("--out", error);
    }

    [Fact]
    public void The_output_extension_chooses_the_format()
    {
        var docx = Path.Combine(_dir, "rapport.docx");
        var html = Path.Combine(_dir, "rapport.html");
        Assert.Equal(0, Run("report", Fixture("lindeveld-plan.docx"), "--out", docx).Code);
        Assert.Equal(0, Run("report", Fixture("lindeveld-plan.docx"), "--out", html).Code);
        using (var doc = WordprocessingDocument.Open(docx, false))
            Assert.StartsWith("Rapport: Meerjarenplan", doc.MainDocumentPart!.Document.Body!.InnerText);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }

    [Fact]
    public void An_unwritable_output_file_is_a_clear_error()
    {
        var (code, _, error) = Run("report", Fixture("lindeveld-plan.docx"), "--out", Path.Combine(_dir, "no-such-folder", "r.md"));
        Assert.Equal(1, code);
        Assert.Contains("kan niet geschreven worden", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_missing_file_or_database_exits_1_with_the_reason()
    {
        var missing = Run("report", Path.Combine(_dir, "weg.docx"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("bestand niet gevonden", missing.Err);

        var noDb = Run("report", "42", "--db", Path.Combine(_dir, "absent.db"));
        Assert.Equal(1, noDb.Code);
        Assert.Contains("daar staat geen database", noDb.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "absent.db")));
    }

    [Fact]
    public void A_stored_document_is_reported_by_its_id()
    {
        var (db, ids) = Store("lindeveld-plan.docx");
        var (code, output, error) = Run("report", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(ids[0], json.RootElement.GetProperty("plan").GetProperty("documentId").GetInt64());
        Assert.Equal("Lindeveld", json.RootElement.GetProperty("plan").GetProperty("municipality").GetString());
        var elements = json.RootElement.GetProperty("dimensions")[0].GetProperty("rows").EnumerateArray();
        Assert.Equal("uitgewerkt", elements.Single(r => r.GetProperty("id").GetString() == "herhaalde-ontmoetingen").GetProperty("status").GetString());

        var unknown = Run("report", "999", "--db", db);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("geen document met nummer 999", unknown.Err);
    }

    [Fact]
    public void Two_files_compare_as_csv_with_one_row_each_semicolons_by_default_commas_on_request()
    {
        var (code, output, error) = Run("compare", Fixture("lindeveld-plan.docx"), Fixture("lindeveld-plan.odt"), "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("document_id;gemeente;nis_code;provincie;jaar;type;titel;bestand;element gedekt;element:maatschappelijk-vertrouwen passages", lines[0]);
        Assert.DoesNotContain('\uFEFF', output); // no byte order mark on standard output
        Assert.Contains("lindeveld-plan.odt", lines[2]);

        var comma = Run("compare", Fixture("lindeveld-plan.docx"), "--separator", ",", "--decimal", ".");
        Assert.StartsWith("document_id,gemeente,", comma.Out);
        Assert.Equal(2, Run("compare", Fixture("lindeveld-plan.docx"), "--separator", ",", "--decimal", ",").Code);
    }

    [Fact]
    public void The_comparison_report_is_written_as_markdown_html_or_docx_with_the_headline_findings_first()
    {
        var md = Run("compare", Fixture("lindeveld-plan.docx"), Fixture("lindeveld-plan.odt"), "--format", "md");
        Assert.True(md.Code == 0, md.Err);
        Assert.StartsWith("# Vergelijking van plannen", md.Out);
        Assert.Contains("## Belangrijkste bevindingen", md.Out);
        var docx = Path.Combine(_dir, "vergelijking.docx");
        Assert.Equal(0, Run("compare", Fixture("lindeveld-plan.docx"), "--out", docx).Code);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        Assert.Contains("Belangrijkste bevindingen", doc.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void Compare_without_ids_takes_every_stored_document_and_writes_xlsx()
    {
        var (db, ids) = Store("lindeveld-plan.docx", "lindeveld-plan.html");
        var xlsx = Path.Combine(_dir, "vergelijking.xlsx");
        var (code, _, error) = Run("compare", "--db", db, "--out", xlsx);
        Assert.True(code == 0, error);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("Werkzame elementen", sheets[0]);
        Assert.Equal("Bewijs", sheets[^1]);

        var json = Run("compare", "--db", db, "--format", "json");
        Assert.Equal(0, json.Code);
        using var parsed = JsonDocument.Parse(json.Out);
        Assert.Equal(ids, parsed.RootElement.GetProperty("plans").EnumerateArray().Select(p => p.GetProperty("documentId").GetInt64()));
    }

    [Fact]
    public void Compare_names_an_unreadable_plan_and_refuses_binary_output_to_the_terminal()
    {
        var broken = Path.Combine(_dir, "leeg.docx");
        File.WriteAllBytes(broken, []);
        var (code, output, error) = Run("compare", Fixture("lindeveld-plan.docx"), broken);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("leeg.docx", error);

        Assert.Equal(2, Run("compare", Fixture("lindeveld-plan.docx"), "--format", "xlsx").Code);
    }

    [Fact]
    public void Stored_ids_and_files_compare_in_the_order_given_and_an_unknown_id_fails()
    {
        var (db, ids) = Store("lindeveld-plan.docx");
        var id = ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, output, error) = Run("compare", Fixture("lindeveld-plan.odt"), id, "--db", db, "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("lindeveld-plan.odt", lines[1]);
        Assert.StartsWith(id + ";", lines[2]);

        var unknown = Run("compare", id, "777", "--db", db);
        Assert.Equal(1, unknown.Code);
        Assert.Equal("", unknown.Out);
        Assert.Contains("geen document met nummer 777", unknown.Err);
    }

    [Fact]
    public void Compare_with_an_empty_store_says_there_is_nothing_to_compare()
    {
        var path = Path.Combine(_dir, "empty.db");
        using (SqlitePlanStore.Open(new SqliteStoreOptions(path))) { }
        var (code, _, error) = Run("compare", "--db", path);
        Assert.Equal(1, code);
        Assert.Contains("geen plannen om te vergelijken", error);
    }

    [Fact]
    public void Compare_writes_a_table_by_default_and_csv_to_an_out_file_without_a_known_extension()
    {
        var (code, output, error) = Run("compare", Fixture("lindeveld-plan.docx"), Fixture("lindeveld-plan.odt"));
        Assert.True(code == 0, error);
        Assert.Contains("1  Meerjarenplan 2026–2031 gemeente Lindeveld (lindeveld-plan.docx)", output);
        Assert.Contains("Werkzame elementen", output);
        Assert.Matches(@"│\s+herhaalde ontmoetingen\s+│ U │ U │\s+2/2 │", output);
        Assert.DoesNotContain("document_id,", output);

        var csv = Path.Combine(_dir, "matrix.out");
        Assert.Equal(0, Run("compare", Fixture("lindeveld-plan.docx"), "--out", csv).Code);
        Assert.StartsWith("document_id;gemeente;", File.ReadAllText(csv));
    }
}

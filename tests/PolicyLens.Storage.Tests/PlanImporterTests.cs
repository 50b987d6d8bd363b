using PolicyLens.Import;
using PolicyLens.Readers.Tables;

namespace PolicyLens.Storage.Tests;

public sealed class PlanImporterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Export(string nis) =>
        Path.GetFullPath(Path.Join(TestSupport.RepoRoot, "..", "shared", "real-docs", "flemish-mjp-2026", "municipality", nis + ".json"));

    private static TableMapping Mapping { get; } = TableMappingLoader.Resolve(null, Path.Join(TestSupport.RepoRoot, "mappings")).Mapping!;

    private static PlanImporter Importer(IPlanStore store) => new(TableReaders.Create(Mapping), TestSupport.Tagger, store);

    private static (string, string) File(string path) => (path, Path.GetFileName(path));

    [Fact]
    public void Importing_real_municipalities_stores_a_plan_each_with_its_facts_and_importing_them_again_writes_nothing()
    {
        using var store = TestSupport.Memory();
        var files = new[] { File(Export("11001")), File(Export("71001")), File(Export("31005")) };
        var first = Importer(store).Import(files, Mapping);
        Assert.All(first, f => Assert.Equal(ImportState.New, Assert.Single(f.Plans).State));
        var aalst = store.FindDocument(first[1].Plans[0].DocumentId!.Value)!;
        Assert.Equal("Aalst", aalst.Municipality);
        Assert.Equal("41002", aalst.Facts.NisCode);
        Assert.Equal("Oost-Vlaanderen", aalst.Facts.Province);
        Assert.Equal(2026, aalst.Facts.Year);
        Assert.Equal("meerjarenplan", aalst.Facts.PlanType);
        Assert.Equal("bbc-meerjarenplan:41002", aalst.SourceKey); // keyed by the corrected code, as a later export would be
        var passages = store.Status().Passages;

        var again = Importer(store).Import(files, Mapping);
        Assert.All(again, f => Assert.Equal(ImportState.Unchanged, Assert.Single(f.Plans).State));
        Assert.Equal(first.Select(f => f.Plans[0].DocumentId), again.Select(f => f.Plans[0].DocumentId));
        Assert.Equal(3, store.Status().Documents);
        Assert.Equal(passages, store.Status().Passages);
    }

    [Fact]
    public void A_newer_export_of_the_same_municipality_becomes_the_next_version_of_its_plan()
    {
        using var store = TestSupport.Memory();
        var old = Export("11001");
        var first = Importer(store).Import([File(old)], Mapping).Single().Plans.Single();
        var newer = _folder.File("11001-nieuw.json");
        System.IO.File.WriteAllText(newer, System.IO.File.ReadAllText(old).Replace("nooduitgangen", "extra nooduitgangen", StringComparison.Ordinal));

        var second = Importer(store).Import([File(newer)], Mapping).Single().Plans.Single();
        Assert.Equal(ImportState.NewVersion, second.State);
        Assert.Equal(2, second.Version);
        var versions = store.ListVersions(second.DocumentId!.Value);
        Assert.Equal([first.DocumentId!.Value, second.DocumentId.Value], versions.Select(v => v.Document.Id));
        Assert.Single(store.LatestVersions());

        // The old export again is the stored version 1, not a third version.
        var oldAgain = Importer(store).Import([File(old)], Mapping).Single().Plans.Single();
        Assert.Equal(ImportState.Unchanged, oldAgain.State);
        Assert.Equal(first.DocumentId, oldAgain.DocumentId);
        Assert.Equal(2, store.ListVersions(first.DocumentId.Value).Count);
    }

    [Fact]
    public void Bad_rows_and_broken_files_are_named_with_file_and_row_and_the_rest_is_imported()
    {
        using var store = TestSupport.Memory();
        var csv = _folder.File("plannen.csv");
        System.IO.File.WriteAllText(csv, """
            municipality;nis_code;bd_code;bd_short;ap_code;ap_short;ac_code;ac_short;ac_long
            Lindeveld;11099;BD1;Samen leven;AP1;Ontmoeten;A1;Buurthuis openen;We openen een buurthuis waar eenzame ouderen elkaar ontmoeten.
            Lindeveld;11099;BD1;Samen leven;AP1;Ontmoeten;A2;;
            Lindeveld;;BD1;Samen leven;AP1;Ontmoeten;A3;Zonder NIS-code;tekst
            Lindeveld;11099;BD1;Samen leven;AP1;Ontmoeten;A4;Te veel;velden;hier
            """);
        var broken = _folder.File("kapot.json");
        System.IO.File.WriteAllText(broken, "[{\"municipality\": \"X\", ");
        var outcomes = Importer(store).Import([File(csv), File(broken)], Mapping);

        var plans = outcomes[0];
        Assert.Equal(ImportState.New, Assert.Single(plans.Plans).State);
        Assert.Equal(3, plans.SkippedRows);
        Assert.Contains(plans.Errors, e => e.StartsWith("plannen.csv: regel 3:"));
        Assert.Contains(plans.Errors, e => e.StartsWith("plannen.csv: regel 4:"));
        Assert.Contains(plans.Errors, e => e.StartsWith("plannen.csv: regel 5:"));
        Assert.True(outcomes[1].Failed);
        Assert.Contains(outcomes[1].Errors, e => e.StartsWith("kapot.json: record 1: de JSON is kapot"));
        // The stored plan keeps the skipped row of its municipality as a warning for its report.
        var stored = store.LoadPlan(plans.Plans[0].DocumentId!.Value)!;
        Assert.Contains(stored.Issues, i => i.Message.Contains("regel 3"));
    }

    [Fact]
    public void An_uploaded_plan_gets_the_year_and_type_its_title_announces()
    {
        using var store = TestSupport.Memory();
        var library = new PlanLibrary(TestSupport.Ingestor, TestSupport.Tagger, store);
        var outcome = library.IngestFile(new PolicyLens.Documents.DocumentSource(TestSupport.Fixture("lindeveld-plan.docx")), "Lindeveld");
        var facts = store.FindDocument(outcome.DocumentId!.Value)!.Facts;
        Assert.Null(facts.NisCode);
        Assert.Equal(2026, facts.Year);
        Assert.Equal("meerjarenplan", facts.PlanType);
    }
}

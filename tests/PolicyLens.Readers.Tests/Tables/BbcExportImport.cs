using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Import;
using PolicyLens.Passages;
using PolicyLens.Readers.Rules;
using PolicyLens.Readers.Tables;
using PolicyLens.Tagging;

namespace PolicyLens.Readers.Tests.Tables;

/// <summary>
/// The shipped BBC mapping on the real export of Flemish multi-year plans in
/// ../shared/real-docs/flemish-mjp-2026 (read there, never copied into the repository).
/// </summary>
public sealed class BbcExportImport
{
    internal static string MappingsFolder => Path.Join(TestFiles.RepoRoot(), "mappings");
    internal static string ExportFolder => Path.GetFullPath(Path.Join(TestFiles.RepoRoot(), "..", "shared", "real-docs", "flemish-mjp-2026", "municipality"));

    internal static TableMapping Mapping { get; } = TableMappingLoader.Resolve(null, MappingsFolder).Mapping
        ?? throw new InvalidOperationException(TableMappingLoader.Resolve(null, MappingsFolder).Describe());

    internal static string Export(string nis)
    {
        var path = Path.Join(ExportFolder, nis + ".json");
        Assert.True(File.Exists(path), $"{path} is missing: the real BBC export belongs in ../shared/real-docs (see SOURCES.md, section E).");
        return path;
    }

    private static TableImport Import(string nis) =>
        new StructuredPlanBuilder().Build(TableReaders.Read(Export(nis), nis + ".json", Mapping), Mapping);

    [Fact]
    public void The_shipped_mapping_loads()
    {
        Assert.Equal(TableMappingLoader.DefaultMappingId, Mapping.Id);
        Assert.Equal(3, Mapping.Levels.Count);
        Assert.Equal(3, Mapping.Corrections.Count);
        Assert.Contains("Publieke info:", Mapping.StripPrefixes);
    }

    [Fact]
    public void A_municipality_of_the_export_becomes_one_plan_shaped_like_a_plan_document()
    {
        var import = Import("11001");
        Assert.Empty(import.Issues);
        var plan = Assert.Single(import.Plans);
        Assert.Equal("Aartselaar", plan.Municipality);
        Assert.Equal("Meerjarenplan 2026-2031 Aartselaar", plan.Document.Title);
        Assert.Equal(117, plan.Rows.Count);
        Assert.Equal(new PlanFacts("11001", 2026, "meerjarenplan"), plan.Facts);

        var passages = plan.Ingestion.Passages;
        Assert.Equal(117, passages.Count(p => p.Kind == PassageKind.TableRow));
        Assert.DoesNotContain(passages, p => p.Text.StartsWith("Publieke info", StringComparison.OrdinalIgnoreCase) || p.Text.StartsWith("Kwalitatieve omschrijving", StringComparison.OrdinalIgnoreCase));
        var action = passages.First(p => p.Kind == PassageKind.Paragraph && p.Headings.Count == 3);
        Assert.StartsWith("Beleidsdoelstelling BD-1:", action.Headings[0]);
        Assert.StartsWith("Actieplan AP-", action.Headings[1]);
        Assert.StartsWith("Actie ", action.Headings[2]);
        Assert.All(passages.Where(p => p.Kind == PassageKind.Heading), h => Assert.NotNull(PlanStructure.Recognise(h.Text)));
    }

    [Theory]
    [InlineData("71001", "Aalst", "41002", "Oost-Vlaanderen")]
    [InlineData("24047", "Kapellen", "11023", "Antwerpen")]
    [InlineData("44037", "Machelen", "23047", "Vlaams-Brabant")]
    public void The_three_mis_resolved_nis_codes_of_the_export_are_corrected(string file, string municipality, string nis, string province)
    {
        var plan = Assert.Single(Import(file).Plans);
        Assert.Equal(municipality, plan.Municipality);
        Assert.Equal(nis, plan.Facts.NisCode);
        Assert.Equal(province, plan.Facts.Province);
    }

    [Fact]
    public void The_tagger_and_the_coverage_see_an_imported_plan_as_a_plan_loneliness_under_an_action_is_worked_out()
    {
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Join(TestFiles.RepoRoot(), "rules")));
        var plan = Assert.Single(Import("11001").Plans);
        var coverage = PlanTagging.Analyze(plan.Ingestion, tagger, municipality: plan.Municipality);
        var lonely = coverage.Passages.Where(p => p.Passage.Text.Contains("eenzaam", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(lonely);
        Assert.Contains(lonely, p => p.Tags.Any(t => t.Dimension == "element"));
        // Headings pass their evidence on: a passage under an action plan about ontmoeting inherits it.
        Assert.Contains(coverage.Passages, p => p.Tags.Any(t => t.Evidence.Any(e => e.Source == EvidenceSource.Heading)));
        Assert.Contains(coverage.For("element"), l => l.Status == CoverageStatus.Uitgewerkt);
    }

    [Fact]
    public void Every_file_of_the_export_imports_without_a_skipped_row()
    {
        var files = Directory.GetFiles(ExportFolder, "*.json");
        Assert.Equal(245, files.Length);
        var builder = new StructuredPlanBuilder();
        var actions = 0;
        foreach (var file in files)
        {
            var import = builder.Build(TableReaders.Read(file, Path.GetFileName(file), Mapping), Mapping);
            Assert.True(import.Issues.Count == 0, string.Join("; ", import.Issues.Select(import.Describe)));
            var plan = Assert.Single(import.Plans);
            Assert.NotNull(plan.Facts.Province);
            actions += plan.Rows.Count;
        }
        Assert.Equal(11_095, actions);
    }

    [Fact]
    public void A_mapping_with_a_typo_names_the_key_and_its_line()
    {
        var result = TableMappingLoader.Load("mijn.yaml", "id: x\nplan:\n  key: gemeente\nlevels:\n  - name: Actie\n    titel: naam\n");
        Assert.False(result.Success);
        var problems = result.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(problems, p => p.StartsWith("mijn.yaml:6:") && p.Contains("unknown key 'titel'"));
        Assert.Contains(problems, p => p.Contains("needs a 'code' or a 'title'"));
    }

    [Fact]
    public void An_unknown_mapping_name_lists_the_shipped_ones()
    {
        var result = TableMappingLoader.Resolve("onbekend", MappingsFolder);
        Assert.False(result.Success);
        Assert.Contains(TableMappingLoader.DefaultMappingId, result.Describe());
    }
}

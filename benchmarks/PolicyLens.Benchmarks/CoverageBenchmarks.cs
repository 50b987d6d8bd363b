using BenchmarkDotNet.Attributes;
using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Readers.Export;
using PolicyLens.Readers.Rules;
using PolicyLens.Report;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The analysis side of the compare page: 300 plans of 1,000 tagged passages each (about 100
/// pages; passages from the development corpus tagged once with the shipped rules, a BD heading
/// every 25 passages), analysed and compared. Goal: the compare page under 1 s server time, i.e.
/// <see cref="AnalyzeAndCompare300"/> well below that on one core.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*Coverage*' --job short
/// </summary>
[MemoryDiagnoser]
public class CoverageBenchmarks
{
    private const int Plans = 300;
    private const int PassagesPerPlan = 1000;

    private IReadOnlyList<TaggedPassage> _passages = [];
    private IReadOnlyList<LabelInfo> _labels = [];
    private PlanCoverage[] _coverages = [];
    private readonly CoverageAnalyzer _analyzer = new();

    [GlobalSetup]
    public void Setup()
    {
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Join(FindRoot(), "rules")));
        _passages = TaggedPlan(tagger, PassagesPerPlan);
        _labels = tagger.Labels;
        _coverages = [.. Enumerable.Range(0, Plans).Select(Analyze)];
        Console.WriteLine($"// {Plans} plans × {PassagesPerPlan} passages, {_passages.Sum(p => p.Tags.Count)} tags per plan, {_labels.Count} labels");
    }

    /// <summary>
    /// One plan of <paramref name="count"/> tagged passages: passages of the development corpus tagged
    /// with the shipped rules, a BD heading every 25 passages (shared with <see cref="CheckBenchmarks"/>).
    /// </summary>
    internal static IReadOnlyList<TaggedPassage> TaggedPlan(RuleTagger tagger, int count)
    {
        var pieces = Directory.GetFiles(Path.Join(FindRoot(), "..", "shared", "corpus", "dev"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n---", 2).Last().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length >= 40)
            .ToArray();
        var passages = new List<TaggedPassage>(count);
        var offset = 0;
        string[] path = [];
        for (var i = 0; passages.Count < count; i++)
        {
            Passage passage;
            if (i % 25 == 0)
            {
                var heading = $"BD {i / 25 + 1} Beleidsdoelstelling";
                passage = new Passage(passages.Count, PassageKind.Heading, heading, 1 + passages.Count / 10, [], offset);
                path = [heading];
            }
            else passage = new Passage(passages.Count, PassageKind.Paragraph, pieces[i % pieces.Length], 1 + passages.Count / 10, path, offset);
            offset += passage.Text.Length + 2;
            passages.Add(new TaggedPassage(passage, tagger.Tag(new TaggingInput(passage.Text, passage.Headings))));
        }
        return passages;
    }

    private PlanCoverage Analyze(int n) =>
        _analyzer.Analyze(new PlanInfo($"Plan {n}", $"plan-{n}.docx", $"Gemeente {n}", 100, "bench", n), _passages, _labels);

    [Benchmark]
    public PlanCoverage AnalyzeOnePlan() => Analyze(0);

    [Benchmark]
    public PlanComparison Compare300() => new PlanComparer().Compare(_coverages);

    [Benchmark]
    public PlanComparison AnalyzeAndCompare300() => new PlanComparer().Compare([.. Enumerable.Range(0, Plans).Select(Analyze)]);

    [Benchmark]
    public string Csv300() => new CsvComparisonRenderer().Render(new ComparisonReport(new PlanComparer().Compare(_coverages), _coverages));

    /// <summary>The workbook with both sheets for 300 plans (evidence rows for element, type, level, focus).</summary>
    [Benchmark]
    public long Xlsx300()
    {
        using var stream = new MemoryStream();
        new XlsxComparisonRenderer().Write(new ComparisonReport(new PlanComparer().Compare(_coverages), _coverages), stream);
        return stream.Length;
    }

    [Benchmark]
    public string MarkdownReport() => new MarkdownReportRenderer().Render(new PlanReportBuilder().Build(_coverages[0]));

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

using BenchmarkDotNet.Attributes;
using PolicyLens.Checks;
using PolicyLens.Coverage;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The plan checks of rules/checks (RulesEngine) on plans of 1,000 tagged passages (see
/// <see cref="CoverageBenchmarks"/>): the summary and the checks of one plan, and of 300 plans as
/// the compare page needs them. Goals (issue 12): one plan's checks under 5 ms after start-up, all
/// checks of 300 plans under 1 s. The reference is the coverage analysis of one plan without checks,
/// so the ratio says what the checks add to every report.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*CheckBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private const int Plans = 300;

    private IReadOnlyList<TaggedPassage> _passages = [];
    private IReadOnlyList<LabelInfo> _labels = [];
    private PlanCoverage[] _coverages = [];
    private PlanSummary _summary = null!;
    private RulesEnginePlanChecker _checker = null!;
    private readonly CoverageAnalyzer _plain = new();

    [GlobalSetup]
    public void Setup()
    {
        var root = CoverageBenchmarks.FindRoot();
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Join(root, "rules")));
        _passages = CoverageBenchmarks.TaggedPlan(tagger, 1000);
        _labels = tagger.Labels;
        // Loading compiles every expression and runs each workflow once: the "after start-up" of the goal.
        _checker = CheckSetLoader.LoadOrThrow(Path.Join(root, "rules", "checks"));
        _coverages = [.. Enumerable.Range(0, Plans).Select(n => _plain.Analyze(new PlanInfo($"Plan {n}", $"plan-{n}.docx", null, 100, "bench", n), _passages, _labels))];
        _summary = PlanSummaryBuilder.Build(_coverages[0]);
        Console.WriteLine($"// {_checker.Checks.Count} checks; plans of {_passages.Count} passages");
    }

    [Benchmark(Baseline = true)]
    public PlanCoverage AnalyzeOnePlanWithoutChecks() => _plain.Analyze(_coverages[0].Plan, _passages, _labels);

    [Benchmark]
    public PlanSummary SummaryOfOnePlan() => PlanSummaryBuilder.Build(_coverages[0]);

    [Benchmark]
    public IReadOnlyList<CheckResult> ChecksOfOneSummary() => _checker.Check(_summary);

    /// <summary>What one report adds for its checks: the summary and every check.</summary>
    [Benchmark]
    public IReadOnlyList<CheckResult> SummaryAndChecksOfOnePlan() => _checker.Check(PlanSummaryBuilder.Build(_coverages[0]));

    [Benchmark]
    public int SummaryAndChecksOf300Plans()
    {
        var failed = 0;
        foreach (var coverage in _coverages)
            foreach (var result in _checker.Check(PlanSummaryBuilder.Build(coverage)))
                if (result.Failed) failed++;
        return failed;
    }
}

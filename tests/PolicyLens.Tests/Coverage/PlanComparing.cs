using PolicyLens.Coverage;

namespace PolicyLens.Tests.Coverage;

public class PlanComparing
{
    private static PlanCoverage Plan(string title, params (string Key, int Passages)[] labels)
    {
        var builder = new PlanBuilder().Heading(1, title);
        foreach (var (key, passages) in labels)
            for (var i = 0; i < passages; i++) builder.Text($"{key} {i}", key);
        return new CoverageAnalyzer().Analyze(Labels.Plan(title), builder.Passages, Labels.All);
    }

    [Fact]
    public void Plans_are_ranked_per_label_by_strength_with_shared_ranks_for_ties()
    {
        var comparison = new PlanComparer().Compare(
        [
            Plan("A", ("element:bezig-zijn", 1)),
            Plan("B", ("element:bezig-zijn", 3)),
            Plan("C", ("element:bezig-zijn", 1)),
            Plan("D"),
        ]);

        var li = comparison.LabelIndex("element:bezig-zijn");
        Assert.Equal([2, 1, 2, null], Enumerable.Range(0, 4).Select(p => comparison.Cell(p, li).Rank));
        Assert.Equal(CoverageStatus.Uitgewerkt, comparison.Cell(1, li).Status);
        Assert.Equal(CoverageStatus.Afwezig, comparison.Cell(3, li).Status);
        Assert.Equal(3.0, comparison.Cell(1, li).Strength, 6);
    }

    [Fact]
    public void The_benchmark_says_how_many_plans_cover_a_label()
    {
        var comparison = new PlanComparer().Compare(
        [
            Plan("A", ("element:betekenisvol-contact", 1)),
            Plan("B", ("element:betekenisvol-contact", 3)),
            Plan("C"),
        ]);

        var benchmark = comparison.Benchmarks[comparison.LabelIndex("element:betekenisvol-contact")];
        Assert.Equal(2, benchmark.PlansCovering);
        Assert.Equal(1, benchmark.PlansElaborated);
        Assert.Equal(2.0 / 3, benchmark.Share, 6);
        Assert.Equal("2 van 3 plannen", benchmark.Describe());
        Assert.Equal(0, comparison.Benchmarks[comparison.LabelIndex("element:gemeenschapszin")].PlansCovering);
    }

    [Fact]
    public void Labels_keep_the_rule_set_order_and_rows_align_with_them()
    {
        var comparison = new PlanComparer().Compare([Plan("A", ("type:emotioneel", 2))]);
        Assert.Equal(Labels.All.Count, comparison.Labels.Count);
        Assert.Equal("element", comparison.Labels[0].Dimension);
        var row = comparison.Row(0);
        Assert.Equal(2, row[comparison.LabelIndex("type:emotioneel")].Passages);
        Assert.Equal(-1, comparison.LabelIndex("type:onbekend"));
        Assert.Equal(3, comparison.For("type").Count());
    }

    [Fact]
    public void An_empty_comparison_has_no_rows()
    {
        var comparison = new PlanComparer().Compare([]);
        Assert.Empty(comparison.Plans);
        Assert.Empty(comparison.Labels);
    }
}

public class CheckComparing
{
    // StubChecker: a plan fails "chapters-serve-elements" when a chapter serves no working element.
    private static PlanCoverage Plan(string title, bool serves) =>
        new PlanBuilder().Heading(1, title).Text("tekst", serves ? ["element:bezig-zijn"] : ["domain:wonen"]).Analyze(checker: new StubChecker());

    [Fact]
    public void The_comparison_says_which_plans_fail_which_check()
    {
        var comparison = new PlanComparer().Compare([Plan("A", serves: true), Plan("B", serves: false), Plan("C", serves: false)]);

        Assert.Equal(["chapters-serve-elements", "never-applies"], comparison.Checks.Select(c => c.Id));
        Assert.Equal(CheckStatus.Waarschuwing, comparison.StatusOf(1, 0));
        Assert.Equal(CheckStatus.InOrde, comparison.StatusOf(0, 0));
        var chapters = comparison.CheckBenchmarks[0];
        Assert.Equal([1, 2], chapters.FailingPlans);
        Assert.Equal(1, chapters.PlansPassing);
        Assert.Equal("2 van 3 plannen halen deze controle niet", chapters.Describe());
        Assert.Equal(3, comparison.CheckBenchmarks[1].PlansNotApplicable);
        Assert.Equal([0], comparison.FailedChecks(2));
        Assert.Empty(comparison.FailedChecks(0));
    }

    [Fact]
    public void Plans_analysed_without_checks_compare_with_no_check_columns()
    {
        var plain = new CoverageAnalyzer().Analyze(Labels.Plan("P"), new PlanBuilder().Heading(1, "H").Text("a").Passages, Labels.All);
        var comparison = new PlanComparer().Compare([plain]);
        Assert.Empty(comparison.Checks);
        Assert.Empty(comparison.CheckBenchmarks);
    }

    [Fact]
    public void The_comparison_json_lists_the_failing_plans_per_check_and_each_plan_s_statuses()
    {
        var plans = new[] { Plan("A", serves: true), Plan("B", serves: false) };
        var json = new PolicyLens.Report.JsonComparisonRenderer().Render(new PolicyLens.Report.ComparisonReport(new PlanComparer().Compare(plans), plans));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var check = doc.RootElement.GetProperty("checks")[0];
        Assert.Equal("chapters-serve-elements", check.GetProperty("id").GetString());
        Assert.Equal(1, check.GetProperty("plansFailing").GetInt32());
        Assert.Equal([1], check.GetProperty("failingPlans").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["in-orde", "niet-van-toepassing"], doc.RootElement.GetProperty("checkStatuses")[0].EnumerateArray().Select(e => e.GetString()));
    }
}

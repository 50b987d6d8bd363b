using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Report;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Tests.Report;

public class ComparisonReporting
{
    private static PlanCoverage Plan(string municipality, string nis, params string[] tags)
    {
        var builder = new PlanBuilder().Heading(1, "Hoofdstuk");
        foreach (var tag in tags) builder.Text("tekst " + tag, tag);
        var info = new PlanInfo($"Meerjarenplan {municipality}", municipality + ".json", municipality, null, "v1") { Facts = new PlanFacts(nis, 2026, "meerjarenplan") };
        return new CoverageAnalyzer(checker: new StubChecker()).Analyze(info, builder.Passages, Labels.All);
    }

    // Three plans: Noord works "bezig zijn" out (three passages), Midden mentions it, Zuid has nothing.
    private static ComparisonReport Sample()
    {
        PlanCoverage[] plans =
        [
            Plan("Noord", "11001", "element:bezig-zijn", "element:bezig-zijn", "element:bezig-zijn", "element:gemeenschapszin"),
            Plan("Midden", "23047", "element:bezig-zijn"),
            Plan("Zuid", "41002"),
        ];
        return new ComparisonReport(new PlanComparer().Compare(plans), plans);
    }

    [Fact]
    public void Statistics_count_the_plans_per_status_and_place_a_plan_among_the_others()
    {
        var c = Sample().Comparison;
        var stats = new ComparisonStatistics(c);
        var busy = stats.Counts(c.LabelIndex("element:bezig-zijn"));
        Assert.Equal((1, 1, 1), (busy.Elaborated, busy.Mentioned, busy.Absent));
        var noord = stats.Standing(0, "element");
        Assert.Equal(new DimensionScore(2, 1, 11), noord.Score);
        Assert.Equal((1, 0, 2), (noord.Place, noord.Better, noord.Worse));
        Assert.Equal(83, noord.Percentile); // (2 lower + half of itself) of 3
        Assert.Equal(17, stats.Standing(2, "element").Percentile);
    }

    [Fact]
    public void Statistics_over_a_subset_count_only_those_plans()
    {
        var c = Sample().Comparison;
        var stats = new ComparisonStatistics(c, [0, 1]);
        Assert.Equal(2, stats.Counts(c.LabelIndex("element:bezig-zijn")).Total);
        Assert.Equal(0, stats.Counts(c.LabelIndex("element:bezig-zijn")).Absent);
    }

    [Fact]
    public void The_check_table_holds_each_plans_check_results_and_a_check_a_plan_was_not_run_on_does_not_apply()
    {
        var report = Sample();
        var plain = new CoverageAnalyzer().Analyze(Labels.Plan("Zonder controles"), new PlanBuilder().Heading(1, "H").Passages, Labels.All);
        var checks = CheckTable.From([.. report.Plans, plain]);
        Assert.Equal([StubChecker.Chapters.Id, StubChecker.Never.Id], checks.Checks.Select(c => c.Id));
        var chapters = checks.IndexOf(StubChecker.Chapters.Id);
        var never = checks.IndexOf(StubChecker.Never.Id);
        for (var p = 0; p < report.Plans.Count; p++)
        {
            Assert.Equal(report.Plans[p].Check(StubChecker.Chapters.Id)!.Status, checks.Result(p, chapters));
            Assert.Equal(report.Plans[p].Check(StubChecker.Chapters.Id)!.Failed, checks.Failed(p, chapters));
            Assert.False(checks.Failed(p, never));
        }
        Assert.Equal(CheckStatus.NietVanToepassing, checks.Result(report.Plans.Count, chapters));
        Assert.Equal(report.Plans.Count(p => p.Check(StubChecker.Chapters.Id)!.Failed), checks.Failing(chapters));
    }

    [Fact]
    public void The_summary_names_the_elements_most_plans_miss_and_the_checks_that_fail_most()
    {
        var s = ComparisonSummaryBuilder.Build(Sample());
        Assert.Equal(3, s.PlanCount);
        Assert.Equal(3, s.MunicipalityCount);
        Assert.StartsWith("Het vaakst ontbrekend: ", s.Headlines[0]);
        Assert.Contains("afwezig in 3 van de 3 plannen", s.Headlines[0]);
        Assert.Contains(s.Headlines, h => h.StartsWith("Vaakst niet gehaald: ", StringComparison.Ordinal) || h == "Geen enkel plan haalt een controle niet.");
        Assert.Equal([1, 1, 1], s.ElementsCoveredDistribution.Take(3));
        Assert.Equal(["Antwerpen", "Oost-Vlaanderen", "Vlaams-Brabant"], s.Provinces.Select(p => p.Province));
        Assert.Equal(["Midden", "Noord", "Zuid"], s.Plans.Select(p => p.Municipality));
    }

    [Fact]
    public void The_markdown_report_leads_with_the_headline_findings_and_lists_every_plan_with_status_letters()
    {
        var md = new MarkdownComparisonRenderer().Render(Sample());
        Assert.StartsWith("# Vergelijking van plannen", md);
        Assert.True(md.IndexOf("## Belangrijkste bevindingen", StringComparison.Ordinal) < md.IndexOf("## De plannen", StringComparison.Ordinal));
        Assert.Contains("| Noord | Meerjarenplan Noord | Antwerpen | 2026 | 2 |", md);
        Assert.Contains("U = uitgewerkt", md);
    }

    [Fact]
    public void The_html_report_is_standalone_and_encodes_every_text()
    {
        PlanCoverage[] plans = [Plan("<script>alert(1)</script>", "11001", "element:bezig-zijn")];
        var html = new HtmlComparisonRenderer().Render(new ComparisonReport(new PlanComparer().Compare(plans), plans));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<h2>Belangrijkste bevindingen</h2>", html);
    }
}

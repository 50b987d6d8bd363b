using PolicyLens.Coverage;

namespace PolicyLens.Tests.Coverage;

/// <summary>The plan summary, the one input of every plan check, says what the report says.</summary>
public class PlanSummaryBuilding
{
    private static readonly PlanCoverage Sample = new PlanBuilder()
        .Heading(1, "BD 1 Niemand alleen")
        .Heading(2, "Actie 1.1 Buurtpunten")
        .Text("Ouderen die zich eenzaam voelen krijgen een maatje.", "element:betekenisvol-contact", "age:ouderen", "risk:mantelzorgers")
        .Text("Jongeren krijgen een skatepark.", "age:jongeren", "domain:sport")
        .Heading(1, "BD 2 Wonen")
        .Row("Woningbouw | 200", "domain:wonen")
        .Text("Wie geïsoleerd leeft, krijgt bezoek.")
        .Analyze();

    private static readonly PlanSummary Summary = PlanSummaryBuilder.Build(Sample);

    [Fact]
    public void It_counts_passages_by_kind()
    {
        Assert.Equal(7, Summary.Counts.Passages);
        Assert.Equal(3, Summary.Counts.RunningText);
        Assert.Equal(3, Summary.Counts.Headings);
        Assert.Equal(1, Summary.Counts.TableRows);
        Assert.Equal("Testplan", Summary.Title);
        Assert.Equal("Teststad", Summary.Municipality);
    }

    [Fact]
    public void Every_framework_label_is_there_by_key_with_the_report_s_status()
    {
        Assert.Equal(Sample.Labels.Count, Summary.Labels.Count);
        var contact = Summary.Label["element:betekenisvol-contact"];
        Assert.Equal("uitgewerkt", contact.Status); // under an action heading
        Assert.True(contact.Present);
        Assert.True(contact.Elaborated);
        Assert.Equal([2], contact.PassageOrdinals);
        Assert.Equal(["BD 1 Niemand alleen"], contact.Chapters);
        Assert.Equal("afwezig", Summary.Label["focus:werk"].Status);
        Assert.Equal(["jongeren", "ouderen"], Summary.AgeGroups);
        Assert.Equal(["wonen", "sport"], Summary.Domains); // framework order
    }

    [Fact]
    public void Chapters_carry_their_heading_passage_domains_elements_and_labels()
    {
        Assert.Equal(["BD 1 Niemand alleen", "BD 2 Wonen"], Summary.Chapters.Select(c => c.Heading));
        var first = Summary.Chapters[0];
        Assert.Equal(0, first.Ordinal);
        Assert.Equal(["betekenisvol-contact"], first.Elements);
        Assert.True(first.Contributes);
        Assert.Contains("risk:mantelzorgers", first.Labels);
        Assert.Equal(["wonen"], Summary.Chapters[1].Domains);
        Assert.False(Summary.Chapters[1].Contributes);
    }

    [Fact]
    public void Loneliness_passages_name_their_age_groups_and_the_wording_is_read_from_the_text()
    {
        Assert.Equal(1, Summary.Loneliness.Passages);
        Assert.Equal(["ouderen"], Summary.Loneliness.AgeGroups); // young people are named, but not with loneliness
        Assert.Equal(["mantelzorgers"], Summary.Loneliness.RiskGroups);
        Assert.Equal(1, Summary.Loneliness.WordPassages);
        Assert.Equal(1, Summary.Loneliness.FeelingPassages); // "zich eenzaam voelen"
        Assert.Equal(1, Summary.Loneliness.IsolationPassages);
        Assert.True(Summary.Passages[6].IsolationWord);
    }

    [Fact]
    public void Passages_know_their_kind_chapter_labels_and_whether_they_stand_under_an_action()
    {
        var p = Summary.Passages[2];
        Assert.Equal("alinea", p.Kind);
        Assert.True(p.RunningText);
        Assert.True(p.UnderAction);
        Assert.True(p.AboutLoneliness);
        Assert.Equal("BD 1 Niemand alleen", p.Chapter);
        Assert.Contains("age:ouderen", p.Labels);
        Assert.Equal("tabelregel", Summary.Passages[5].Kind);
        Assert.False(Summary.Passages[5].UnderAction);
        Assert.Equal("kop", Summary.Passages[0].Kind);
    }

    [Fact]
    public void The_checker_gets_the_summary_and_its_results_land_in_the_coverage()
    {
        var coverage = new PlanBuilder().Heading(1, "Wonen").Text("Woningen.", "domain:wonen").Analyze(checker: new StubChecker());
        var result = coverage.Check("chapters-serve-elements")!;
        Assert.Equal(CheckStatus.Waarschuwing, result.Status);
        Assert.Equal([0], result.PassageOrdinals);
        Assert.Equal(coverage.Labels, coverage.WithChecks([]).Labels);
        Assert.Null(coverage.Check("no-such-check"));
    }

    [Fact]
    public void A_result_keeps_to_its_check_s_severity()
    {
        Assert.Throws<ArgumentException>(() => new CheckResult(StubChecker.Chapters, CheckStatus.Info, "x", []));
        Assert.True(new CheckResult(StubChecker.Chapters, CheckStatus.Waarschuwing, "x", []).Failed);
        Assert.False(new CheckResult(StubChecker.Chapters, CheckStatus.NietVanToepassing, "x", []).Failed);
    }
}

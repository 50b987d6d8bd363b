using PolicyLens.Coverage;
using PolicyLens.Report;
using PolicyLens.Tagging;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Tests.Report;

public class ReportBuilding
{
    internal static PlanCoverage SamplePlan() => new PlanBuilder()
        .Heading(1, "BD 1 Niemand alleen")
        .Heading(2, "Actie 1.1.1 Buurtpunten", "element:herhaalde-ontmoetingen@Buurtpunten")
        .Text("We openen drie buurtpunten waar buren elkaar ontmoeten.", "element:herhaalde-ontmoetingen=2@buurtpunten@ontmoeten", "level:universeel", "type:sociaal@buren")
        .Text("Ouderen die zich eenzaam voelen krijgen een maatje | met *sterretjes* <script>alert(1)</script>.",
            "element:betekenisvol-contact@maatje", "age:ouderen@Ouderen", "type:sociaal@eenzaam", "frame:deficit@eenzaam")
        .Heading(1, "BD 2 Wonen, werken & leven")
        .Text("We bouwen 200 woningen, \"betaalbaar\".", "domain:wonen@woningen")
        .Analyze(checker: new StubChecker());

    [Fact]
    public void The_summary_counts_elements_per_status_and_names_the_strongest()
    {
        var report = new PlanReportBuilder().Build(SamplePlan());
        Assert.Equal(11, report.Summary.ElementCount);
        Assert.Equal(2, report.Summary.ElementsElaborated);   // both are commitments under an action heading
        Assert.Equal(0, report.Summary.ElementsMentioned);
        Assert.Equal(9, report.Summary.ElementsAbsent);
        Assert.Equal(["herhaalde-ontmoetingen (nl)", "betekenisvol-contact (nl)"], report.Summary.StrongestElements);
        Assert.Equal(6, report.Summary.Passages);
    }

    [Fact]
    public void Evidence_shows_merged_spans_of_the_passage_text_and_terms_from_headings_too()
    {
        var report = new PlanReportBuilder().Build(SamplePlan());
        var meeting = report.Evidence.Single(e => e.Key == "element:herhaalde-ontmoetingen");
        Assert.Equal(2, meeting.TotalPassages);
        var paragraph = meeting.Passages.Single(p => p.Ordinal == 2);
        Assert.Equal("BD 1 Niemand alleen › Actie 1.1.1 Buurtpunten", paragraph.HeadingPath);
        Assert.Equal(["buurtpunten", "ontmoeten"], paragraph.Spans.Select(s => paragraph.Text.Substring(s.Start, s.Length)));
        Assert.Equal(["buurtpunten", "ontmoeten"], paragraph.MatchedTerms);
        Assert.DoesNotContain(report.Evidence, e => e.Dimension == "age"); // not an evidence dimension by default
    }

    [Fact]
    public void Overlapping_spans_merge_and_heading_evidence_is_not_highlighted()
    {
        var spans = PlanReportBuilder.Spans(30,
        [
            new Evidence("r1", "a", "abcde", 2, 5, 1),
            new Evidence("r2", "b", "efg", 5, 3, 1),
            new Evidence("r3", "c", "xy", 20, 2, 1),
            new Evidence("r4", "d", "kop", 0, 3, 1, EvidenceSource.Heading, 0),
        ]);
        Assert.Equal([new TextSpan(2, 6), new TextSpan(20, 2)], spans);
    }

    [Fact]
    public void Evidence_is_capped_at_the_strongest_passages_shown_in_document_order()
    {
        var builder = new PlanBuilder().Heading(1, "H");
        for (var i = 0; i < 8; i++) builder.Text($"passage {i}", $"element:bezig-zijn={(i == 6 ? 3 : 1)}");
        var report = new PlanReportBuilder(new ReportOptions { MaxEvidencePerLabel = 3 }).Build(builder.Analyze());
        var busy = report.Evidence.Single(e => e.Key == "element:bezig-zijn");
        Assert.Equal(8, busy.TotalPassages);
        Assert.Equal([1, 2, 7], busy.Passages.Select(p => p.Ordinal)); // ordinal 7 is the strong one
    }

    [Fact]
    public void The_summary_to_paste_names_what_is_worked_out_thin_and_missing_and_the_checks_that_fail()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "BD 1 Samen")
            .Text("Buurthuis.", "element:herhaalde-ontmoetingen", "level:universeel", "type:sociaal")
            .Text("Buurtsoep.", "element:herhaalde-ontmoetingen", "level:universeel", "type:sociaal")
            .Text("Sportclub.", "element:herhaalde-ontmoetingen", "type:sociaal")
            .Text("Maatjes.", "element:betekenisvol-contact", "level:selectief")
            .Heading(1, "BD 2 Wonen")
            .Text("Woningen.", "domain:wonen")
            .Analyze(checker: new StubChecker());
        var advice = new PlanReportBuilder().Build(coverage).Advice;

        Assert.Equal(["herhaalde-ontmoetingen (nl)"], advice.WorkedOut);
        Assert.Equal(["betekenisvol-contact (nl)"], advice.Thin);
        Assert.Equal(9, advice.Missing.Count);
        Assert.StartsWith("Het plan ‘Testplan’ van Teststad werkt 1 van de 11 werkzame elementen tegen eenzaamheid uit: herhaalde-ontmoetingen (nl). " +
            "Betekenisvol-contact (nl) wordt genoemd, maar niet uitgewerkt. Niet aan bod komen: maatschappelijk-vertrouwen (nl), ", advice.Paragraphs[0]);
        Assert.Equal("Van de soorten eenzaamheid is sociaal (nl) uitgewerkt en ontbreken emotioneel (nl) en existentieel (nl). " +
            "Van de preventieniveaus worden universeel (nl) en selectief (nl) genoemd en ontbreekt geindiceerd (nl).", advice.Paragraphs[1]);
        Assert.Equal(["Hoofdstukken dragen bij"], advice.FailingChecks); // the check that does not apply is left out
        Assert.Equal("De controle op het kader slaagt niet: hoofdstukken dragen bij.", advice.Paragraphs[2]);
        var passing = new PlanReportBuilder().Build(new PlanBuilder().Heading(1, "BD 1 Samen").Text("Buurthuis.", "element:herhaalde-ontmoetingen")
            .Analyze(checker: new StubChecker())).Advice;
        Assert.Equal("Het plan doorstaat de controle op het kader die erop van toepassing is.", passing.Paragraphs[^1]);
        Assert.Equal(string.Join("\n\n", advice.Paragraphs), advice.Text);
    }

    [Fact]
    public void A_mentioned_gap_is_advice_to_deepen_and_an_absent_one_to_introduce()
    {
        var report = new PlanReportBuilder().Build(new PlanBuilder()
            .Heading(1, "BD 1 Samen").Text("Maatjes.", "element:betekenisvol-contact").Analyze());
        var mentioned = report.Gaps.Single(g => g.Key == "element:betekenisvol-contact");
        var absent = report.Gaps.Single(g => g.Key == "element:bezig-zijn");

        Assert.True(mentioned.Deepen);
        Assert.StartsWith("Het plan noemt betekenisvol-contact (nl) in 1 passage lopende tekst (BD 1 Samen), maar werkt het niet uit. Verdiep het:", mentioned.Advice);
        Assert.DoesNotContain("toe te voegen", mentioned.Advice);
        Assert.False(absent.Deepen);
        Assert.Equal("Het plan gaat niet in op bezig-zijn (nl). Overweeg dit toe te voegen, bijvoorbeeld:", absent.Advice);
    }

    [Fact]
    public void Rows_and_cells_explain_their_status_with_the_thresholds_in_use()
    {
        var coverage = new PlanBuilder().Heading(1, "H")
            .Text("a", "element:bezig-zijn", "level:universeel").Text("b", "element:bezig-zijn", "level:universeel").Row("Budget: 3", "element:bezig-zijn")
            .Analyze(new CoverageOptions { ElaboratedMinPassages = 5 });
        var report = new PlanReportBuilder().Build(coverage);

        var busy = report.Dimensions[0].Rows.Single(r => r.Id == "bezig-zijn");
        Assert.Equal("Genoemd: 2 passages lopende tekst; uitgewerkt vraagt er 5, een concrete actie of een eigen kop; daarnaast 1 tabelregel.", busy.Explanation);
        var matrix = report.Matrices[0];
        var row = matrix.RowIds.ToList().IndexOf("bezig-zijn");
        Assert.Equal("minder dan 5", matrix.Cells[row][matrix.ColumnIds.ToList().IndexOf("universeel")].ShortReason);
        Assert.Equal("Afwezig: geen enkele passage gaat erover.", matrix.Cells[row][matrix.ColumnIds.ToList().IndexOf("selectief")].Explanation);
        Assert.Equal(1, matrix.RowTotals[row].Counts.TableRows);
        Assert.StartsWith("Uitgewerkt: het plan komt er in minstens 5 passages lopende tekst op terug, maakt het concreet in een actie, ", report.StatusRule[0]);
    }

    [Fact]
    public void Gaps_checks_chapters_and_outline_carry_display_names()
    {
        var report = new PlanReportBuilder().Build(SamplePlan());
        var gap = report.Gaps.First(g => g.Key == "element:maatschappelijk-vertrouwen");
        Assert.Equal("Werkzame elementen", gap.DimensionTitle);
        Assert.Equal("afwezig", gap.StatusText);
        Assert.Equal(["BD 1 Niemand alleen", "BD 2 Wonen, werken & leven"], report.Chapters.Select(c => c.Heading));
        Assert.Equal(["wonen (nl)"], report.Chapters[1].Domains);
        Assert.False(report.Chapters[1].Contributes);
        Assert.Equal(["herhaalde-ontmoetingen (nl)", "betekenisvol-contact (nl)"], report.Outline[0].Elements);
        Assert.Equal(["chapters-serve-elements", "never-applies"], report.Checks.Select(c => c.Id));
        var chapters = report.Checks[0];
        Assert.Equal("waarschuwing", chapters.StatusText);
        Assert.True(chapters.Failed);
        Assert.Equal("Zonder element: BD 2 Wonen, werken & leven.", chapters.Message);
        Assert.Equal("Elk hoofdstuk kan bijdragen.", chapters.Explanation);
        Assert.Equal("BD 2 Wonen, werken & leven", Assert.Single(chapters.Passages).HeadingPath);
        Assert.Equal("niet van toepassing", report.Checks[1].StatusText);
        Assert.Equal(1, report.Summary.Warnings);
        Assert.Equal(1, report.Summary.ChecksFailed);
        Assert.Contains("1 van de 2 controles niet gehaald, waarvan 1 met een waarschuwing.", ReportText.Summary(report.Summary));
    }
}

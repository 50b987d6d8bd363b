using PolicyLens.Coverage;

namespace PolicyLens.Tests.Coverage;

public class CoverageAnalysis
{
    [Fact]
    public void A_label_on_one_paragraph_is_only_mentioned()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Welzijn")
            .Text("We zetten in op maatjes.", "element:betekenisvol-contact")
            .Text("Een andere passage zonder labels.")
            .Analyze();

        var contact = coverage.Label("element", "betekenisvol-contact")!;
        Assert.Equal(CoverageStatus.Genoemd, contact.Status);
        Assert.Equal(1, contact.Passages);
        Assert.Equal([1], contact.PassageOrdinals);
        Assert.Equal(StatusReason.FewPassages, contact.Reason);
        // The share is of the plan's running text: the heading does not count.
        Assert.Equal(1.0 / 2, contact.Share, 6);
    }

    [Fact]
    public void A_label_nobody_tagged_is_absent_with_nothing_to_show()
    {
        var coverage = new PlanBuilder().Heading(1, "Welzijn").Text("Niets.").Analyze();
        var trust = coverage.Label("element", "maatschappelijk-vertrouwen")!;
        Assert.Equal(CoverageStatus.Afwezig, trust.Status);
        Assert.Equal(0, trust.Passages);
        Assert.Equal(0, trust.Strength);
        Assert.Empty(trust.Sections);
    }

    [Fact]
    public void Three_passages_make_a_label_worked_out_and_two_do_not()
    {
        var two = new PlanBuilder().Heading(1, "H").Text("a1", "element:bezig-zijn").Text("a2", "element:bezig-zijn").Analyze();
        var three = new PlanBuilder().Heading(1, "H").Text("a1", "element:bezig-zijn").Text("a2", "element:bezig-zijn").Text("a3", "element:bezig-zijn").Analyze();
        Assert.Equal(CoverageStatus.Genoemd, two.Label("element:bezig-zijn")!.Status);
        Assert.Equal(CoverageStatus.Uitgewerkt, three.Label("element:bezig-zijn")!.Status);
    }

    [Fact]
    public void Strong_evidence_in_two_passages_is_worked_out()
    {
        var coverage = new PlanBuilder().Heading(1, "H")
            .Text("a1", "element:bezig-zijn=2.5").Text("a2", "element:bezig-zijn=1.5").Analyze();
        var busy = coverage.Label("element:bezig-zijn")!;
        Assert.Equal(4.0, busy.Strength, 6);
        Assert.Equal(CoverageStatus.Uitgewerkt, busy.Status);
        Assert.Equal(CoverageStatus.Genoemd, new PlanBuilder().Heading(1, "H")
            .Text("a1", "element:bezig-zijn=2.5").Text("a2", "element:bezig-zijn=1.4").Analyze().Label("element:bezig-zijn")!.Status);
    }

    [Fact]
    public void A_label_in_a_heading_of_its_own_with_running_text_is_worked_out()
    {
        var coverage = new PlanBuilder().Heading(1, "Vrijwilligerswerk", "element:bezig-zijn").Text("Vrijwilligers helpen.", "element:bezig-zijn").Analyze();
        var busy = coverage.Label("element:bezig-zijn")!;
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.OwnHeading), (busy.Status, busy.Reason));
        Assert.Equal(1, busy.Passages);
    }

    [Fact]
    public void A_label_only_in_a_heading_is_only_mentioned()
    {
        var coverage = new PlanBuilder().Heading(1, "Vrijwilligerswerk", "element:bezig-zijn").Text("Tekst.").Analyze();
        var busy = coverage.Label("element:bezig-zijn")!;
        Assert.Equal((CoverageStatus.Genoemd, StatusReason.OnlyHeadingsOrTableRows), (busy.Status, busy.Reason));
        Assert.Equal((0, 1, 0), (busy.Counts.Text, busy.Counts.Headings, busy.Counts.TableRows));
        Assert.Equal(0, busy.Passages);
    }

    [Fact]
    public void Headings_and_table_rows_are_counted_apart_from_running_text()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Ontmoeting", "element:herhaalde-ontmoetingen")
            .Text("We openen een buurthuis.", "element:herhaalde-ontmoetingen=2")
            .Row("Budget: 5000; Partner: buurthuis", "element:herhaalde-ontmoetingen=3")
            .Row("Budget: 2000; Partner: buurtsoep", "element:herhaalde-ontmoetingen=3")
            .Analyze();

        var meeting = coverage.Label("element:herhaalde-ontmoetingen")!;
        Assert.Equal(1, meeting.Passages);
        Assert.Equal((1, 1, 2), (meeting.Counts.Text, meeting.Counts.Headings, meeting.Counts.TableRows));
        Assert.Equal([0, 1, 2, 3], meeting.PassageOrdinals); // evidence can still show all four
        Assert.Equal(2.0, meeting.Strength, 6);                // table-row scores do not add up to "strong"
        Assert.Equal(1.0, meeting.Share, 6);                   // one passage of running text, and it carries the label
        Assert.Equal([1], meeting.Sections.Select(s => s.Passages));
        Assert.Equal((1, 1, 2), (coverage.PassageKinds.Text, coverage.PassageKinds.Headings, coverage.PassageKinds.TableRows));
    }

    [Fact]
    public void Budget_rows_alone_never_make_a_label_worked_out_however_many_there_are()
    {
        var builder = new PlanBuilder().Heading(1, "BD 1 Samen").Heading(2, "Actie 1.1.1: Buurtpunten");
        for (var i = 0; i < 5; i++) builder.Row($"Jaar: 202{i}; Partner: Buurtcomités", "element:gemeenschapszin=2");
        var community = builder.Analyze().Label("element:gemeenschapszin")!;

        Assert.Equal((CoverageStatus.Genoemd, StatusReason.OnlyHeadingsOrTableRows), (community.Status, community.Reason));
        Assert.Equal(5, community.Counts.TableRows);
    }

    [Fact]
    public void Every_reason_of_the_status_rule_is_reported()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Ontmoeten", "element:herhaalde-ontmoetingen")
            .Text("Buurthuis open.", "element:herhaalde-ontmoetingen", "element:bezig-zijn", "element:gemeenschapszin=2.5")
            .Text("Buurtsoep.", "element:bezig-zijn", "element:gemeenschapszin=1.5")
            .Text("Sportclub.", "element:bezig-zijn")
            .Heading(1, "BD 2 Steun").Heading(2, "Actie 2.1.1: Maatjes")
            .Text("We koppelen maatjes.", "element:betekenisvol-contact")
            .Text("Vertrouwen.", "element:maatschappelijk-vertrouwen")
            .Analyze();

        (CoverageStatus, StatusReason) Of(string id) => (coverage.Label("element", id)!.Status, coverage.Label("element", id)!.Reason);
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.ManyPassages), Of("bezig-zijn"));
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.ConcreteAction), Of("betekenisvol-contact"));
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.OwnHeading), Of("herhaalde-ontmoetingen"));
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.StrongEvidence), Of("gemeenschapszin"));
        // One paragraph under an action heading is a commitment, however short.
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.ConcreteAction), Of("maatschappelijk-vertrouwen"));
        Assert.Equal((CoverageStatus.Afwezig, StatusReason.NoPassage), Of("toegankelijkheid"));
    }

    [Fact]
    public void A_status_that_contradicts_its_reason_or_counts_is_refused()
    {
        var label = Labels.All[0];
        Assert.Throws<ArgumentException>(() => new LabelCoverage(label, new PassageCounts(1, 0, 0), 1, 0.5, CoverageStatus.Afwezig, StatusReason.NoPassage, [3], []));
        Assert.Throws<ArgumentException>(() => new LabelCoverage(label, new PassageCounts(0, 1, 0), 0, 0, CoverageStatus.Uitgewerkt, StatusReason.OwnHeading, [3], []));
        Assert.Throws<ArgumentException>(() => new LabelCoverage(label, new PassageCounts(1, 1, 0), 1, 0.5, CoverageStatus.Genoemd, StatusReason.FewPassages, [3], []));
    }

    [Fact]
    public void A_label_in_an_action_is_worked_out_but_not_when_only_inherited_from_the_heading()
    {
        var own = new PlanBuilder().Heading(1, "BD 1 Samen").Heading(2, "AP 1.1 Ontmoeten").Heading(3, "Actie 1.1.1: Buurtpunten")
            .Text("We openen drie buurtpunten.", "element:herhaalde-ontmoetingen").Analyze();
        var inherited = new PlanBuilder().Heading(1, "BD 1 Samen").Heading(2, "AP 1.1 Ontmoeten").Heading(3, "Actie 1.1.1: Buurtpunten")
            .InheritedText("Budget volgt.", "element:herhaalde-ontmoetingen").Analyze();
        var budgetRow = new PlanBuilder().Heading(1, "BD 1 Samen").Heading(2, "Actie 1.1.1: Buurtpunten")
            .Row("Jaar: 2027; Partner: Buurtcomités", "element:herhaalde-ontmoetingen").Analyze();
        var plainParagraph = new PlanBuilder().Heading(1, "Inleiding").Heading(2, "Context")
            .Text("We openen drie buurtpunten.", "element:herhaalde-ontmoetingen").Analyze();

        Assert.Equal(CoverageStatus.Uitgewerkt, own.Label("element:herhaalde-ontmoetingen")!.Status);
        Assert.Equal(CoverageStatus.Genoemd, inherited.Label("element:herhaalde-ontmoetingen")!.Status);
        Assert.Equal(CoverageStatus.Genoemd, budgetRow.Label("element:herhaalde-ontmoetingen")!.Status);
        Assert.Equal(CoverageStatus.Genoemd, plainParagraph.Label("element:herhaalde-ontmoetingen")!.Status);
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var builder = new PlanBuilder().Heading(1, "H").Text("a1", "element:bezig-zijn").Text("a2", "element:bezig-zijn");
        Assert.Equal(CoverageStatus.Uitgewerkt, builder.Analyze(new CoverageOptions { ElaboratedMinPassages = 2 }).Label("element:bezig-zijn")!.Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoverageAnalyzer(new CoverageOptions { ElaboratedMinPassages = 0 }));
    }

    [Fact]
    public void Sections_skip_a_title_that_covers_the_whole_plan()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Meerjarenplan Teststad")
            .Text("Inleiding over het plan.", "element:gemeenschapszin")
            .Heading(2, "BD 1 Niemand alleen")
            .Text("p1", "element:gemeenschapszin")
            .Heading(3, "AP 1.1 Buurten")
            .Text("p2", "element:gemeenschapszin")
            .Heading(2, "BD 2 Toegankelijk")
            .Text("p3", "element:gemeenschapszin")
            .Analyze();

        var sections = coverage.Label("element:gemeenschapszin")!.Sections;
        Assert.Equal(["BD 1 Niemand alleen", "BD 2 Toegankelijk"], sections.Select(s => s.Heading));
        Assert.Equal([2, 1], sections.Select(s => s.Passages));
        Assert.Equal(["BD 1 Niemand alleen", "BD 2 Toegankelijk"], coverage.Chapters.Select(c => c.Heading));
    }

    [Fact]
    public void Sections_are_the_first_headings_when_the_plan_has_several()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Wonen").Text("p1", "element:bestaanszekerheid")
            .Heading(1, "Werk").Heading(2, "Sub").Text("p2", "element:bestaanszekerheid")
            .Analyze();
        Assert.Equal(["Wonen", "Werk"], coverage.Label("element:bestaanszekerheid")!.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void The_element_by_level_matrix_counts_passages_with_both_labels()
    {
        var coverage = new PlanBuilder().Heading(1, "H")
            .Text("a", "element:betekenisvol-contact=2", "level:geindiceerd")
            .Text("b", "element:betekenisvol-contact", "level:geindiceerd", "level:selectief")
            .Text("c", "element:herhaalde-ontmoetingen", "type:sociaal")
            .Analyze();

        var cell = coverage.ElementByLevel.Cell("betekenisvol-contact", "geindiceerd");
        Assert.Equal(2, cell.Passages);
        Assert.Equal(3.0, cell.Strength, 6);
        Assert.Equal([1, 2], cell.PassageOrdinals);
        Assert.Equal((CoverageStatus.Genoemd, StatusReason.FewPassages), (cell.Status, cell.Reason));
        Assert.Equal(1, coverage.ElementByLevel.Cell("betekenisvol-contact", "selectief").Passages);
        Assert.Equal(0, coverage.ElementByLevel.Cell("herhaalde-ontmoetingen", "universeel").Passages);
        Assert.Equal(1, coverage.ElementByType.Cell("herhaalde-ontmoetingen", "sociaal").Passages);
        Assert.Equal(11 * 3, coverage.ElementByLevel.Cells.Count);
        Assert.Throws<KeyNotFoundException>(() => coverage.ElementByLevel.Cell("geen-element", "universeel"));
    }

    [Fact]
    public void A_heatmap_cell_has_its_status_by_the_same_rule_from_its_own_passages()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Ontmoeten", "element:herhaalde-ontmoetingen", "level:universeel")
            .Text("Een buurthuis voor iedereen.", "element:herhaalde-ontmoetingen", "level:universeel")
            .Row("Budget: 5000", "element:herhaalde-ontmoetingen", "level:universeel")
            .Text("Een soep voor iedereen.", "element:herhaalde-ontmoetingen", "level:universeel", "level:selectief")
            .Text("Een soep voor wie alleen is.", "element:herhaalde-ontmoetingen", "level:selectief")
            .Analyze();

        var universal = coverage.ElementByLevel.Cell("herhaalde-ontmoetingen", "universeel");
        Assert.Equal(2, universal.Passages);
        Assert.Equal((2, 1, 1), (universal.Counts.Text, universal.Counts.Headings, universal.Counts.TableRows));
        Assert.Equal((CoverageStatus.Uitgewerkt, StatusReason.OwnHeading), (universal.Status, universal.Reason));
        var selective = coverage.ElementByLevel.Cell("herhaalde-ontmoetingen", "selectief");
        Assert.Equal((CoverageStatus.Genoemd, StatusReason.FewPassages), (selective.Status, selective.Reason));
        Assert.Equal((CoverageStatus.Afwezig, StatusReason.NoPassage),
            (coverage.ElementByLevel.Cell("herhaalde-ontmoetingen", "geindiceerd").Status, coverage.ElementByLevel.Cell("herhaalde-ontmoetingen", "geindiceerd").Reason));
        // One passage names two levels, so the row's cells add up to more than the element's own count.
        Assert.Equal(3, coverage.Label("element:herhaalde-ontmoetingen")!.Passages);
        Assert.Equal(4, universal.Passages + selective.Passages);
    }

    [Fact]
    public void A_chapter_counts_its_running_text()
    {
        var coverage = new PlanBuilder().Heading(1, "Wonen").Heading(2, "Sub").Text("p1", "domain:wonen").Row("Budget: 1", "domain:wonen").Analyze();
        Assert.Equal(1, Assert.Single(coverage.Chapters).Passages);
    }

    [Fact]
    public void Gaps_are_absent_or_mentioned_labels_of_the_gap_dimensions_with_their_suggestions()
    {
        var builder = new PlanBuilder().Heading(1, "H", "element:bezig-zijn").Text("a", "element:bezig-zijn", "element:betekenisvol-contact", "risk:armoede");
        var coverage = builder.Analyze();

        var gapIds = coverage.Gaps.Select(g => LabelKeys.Of(g.Label)).ToArray();
        Assert.DoesNotContain("element:bezig-zijn", gapIds);           // worked out (its own heading, and running text)
        Assert.Contains("element:betekenisvol-contact", gapIds);      // only mentioned
        Assert.Contains("element:maatschappelijk-vertrouwen", gapIds); // absent
        Assert.Contains("focus:werk", gapIds);
        Assert.DoesNotContain(gapIds, id => id.StartsWith("risk:", StringComparison.Ordinal) || id.StartsWith("age:", StringComparison.Ordinal));
        var contact = coverage.Gaps.Single(g => g.Label.Id == "betekenisvol-contact" && g.Label.Dimension == "element");
        Assert.Equal(CoverageStatus.Genoemd, contact.Status);
        Assert.Equal(["Doe iets aan betekenisvol-contact.", "Of nog iets voor betekenisvol-contact."], contact.SuggestedActions);
    }

    [Fact]
    public void The_outline_nests_BD_AP_and_actions_and_lifts_labels_to_their_ancestors()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "BD 1 Samen")
            .Heading(2, "AP 1.1 Ontmoeten")
            .Heading(3, "Actie 1.1.1 Buurtpunten")
            .Text("We openen buurtpunten.", "element:herhaalde-ontmoetingen")
            .Heading(2, "AP 1.2 Signaleren", "level:geindiceerd")
            .Text("Buurtankers.")
            .Heading(1, "BD 2 Wonen")
            .Text("Huisvesting.", "domain:wonen")
            .Analyze();

        Assert.Equal(["BD 1 Samen", "BD 2 Wonen"], coverage.Outline.Select(n => n.Heading));
        var bd1 = coverage.Outline[0];
        Assert.Equal(1, bd1.Level);
        Assert.Equal(["AP 1.1 Ontmoeten", "AP 1.2 Signaleren"], bd1.Children.Select(c => c.Heading));
        var action = Assert.Single(bd1.Children[0].Children);
        Assert.Equal(3, action.Level);
        Assert.Equal(["element:herhaalde-ontmoetingen"], action.Labels);
        Assert.Equal(["element:herhaalde-ontmoetingen", "level:geindiceerd"], bd1.Labels);
        Assert.Equal(["domain:wonen"], coverage.Outline[1].Labels);
    }

    [Fact]
    public void A_bare_id_finds_the_element_before_the_intervention_label_of_the_same_name()
    {
        var coverage = new PlanBuilder().Heading(1, "H").Text("a", "interventions-7:betekenisvol-contact").Analyze();
        Assert.Equal("element", coverage.Label("betekenisvol-contact")!.Label.Dimension);
        Assert.Equal(CoverageStatus.Afwezig, coverage.Label("betekenisvol-contact")!.Status);
        Assert.Equal(CoverageStatus.Genoemd, coverage.Label("interventions-7:betekenisvol-contact")!.Status);
        Assert.Null(coverage.Label("bestaat-niet"));
        Assert.Equal(11, coverage.For("element").Count);
    }

    [Fact]
    public void Tags_of_labels_outside_the_rule_set_are_ignored()
    {
        var builder = new PlanBuilder().Heading(1, "H").Text("a", "element:bezig-zijn", "element:oud-label");
        var coverage = builder.Analyze();
        Assert.Equal(1, coverage.Label("element:bezig-zijn")!.Passages);
        Assert.Null(coverage.Label("element:oud-label"));
    }

    [Fact]
    public void A_plan_without_headings_has_no_sections_chapters_or_outline_but_still_coverage()
    {
        var coverage = new PlanBuilder().Text("Losse tekst over maatjes.", "element:betekenisvol-contact").Text("Nog een alinea.").Analyze();
        Assert.Equal(CoverageStatus.Genoemd, coverage.Label("element:betekenisvol-contact")!.Status);
        Assert.Empty(coverage.Label("element:betekenisvol-contact")!.Sections);
        Assert.Empty(coverage.Chapters);
        Assert.Empty(coverage.Outline);
        Assert.Empty(coverage.Checks); // no checker given, no checks
    }

    [Fact]
    public void An_empty_plan_is_all_absent()
    {
        var coverage = new CoverageAnalyzer().Analyze(Labels.Plan("Leeg"), [], Labels.All);
        Assert.All(coverage.Labels, l => Assert.Equal(CoverageStatus.Afwezig, l.Status));
        Assert.Empty(coverage.Checks);
        Assert.Equal(11 * 3, coverage.ElementByLevel.Cells.Count);
    }

    [Fact]
    public void Passages_given_out_of_order_are_analysed_in_document_order()
    {
        var passages = new PlanBuilder().Heading(1, "H").Text("a", "element:bezig-zijn").Text("b", "element:bezig-zijn").Passages.Reverse().ToArray();
        var coverage = new CoverageAnalyzer().Analyze(Labels.Plan("Omgekeerd"), passages, Labels.All);
        Assert.Equal([1, 2], coverage.Label("element:bezig-zijn")!.PassageOrdinals);
        Assert.Equal([0, 1, 2], coverage.Passages.Select(p => p.Passage.Ordinal));
    }
}

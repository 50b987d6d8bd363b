using PolicyLens.Documents;
using PolicyLens.Import;
using PolicyLens.Passages;

namespace PolicyLens.Tests.Import;

public sealed class StructuredPlanBuilding
{
    private static readonly string[] Columns =
        ["gemeente", "nis", "bd_code", "bd_kort", "bd_lang", "ap_code", "ap_kort", "ap_lang", "ac_code", "ac_kort", "ac_lang", "totaal", "j2026", "extra"];

    private static TableMapping Mapping() => new("test-bbc", "nis",
        [
            new MappingLevel("Beleidsdoelstelling", "bd_code", "bd_kort", "bd_lang"),
            new MappingLevel("Actieplan", "ap_code", "ap_kort", "ap_lang"),
            new MappingLevel("Actie", "ac_code", "ac_kort", "ac_lang"),
        ])
    {
        MunicipalityColumn = "gemeente",
        NisCodeColumn = "nis",
        TitleTemplate = "Meerjarenplan {gemeente}",
        PlanType = "meerjarenplan",
        Year = 2026,
        TableColumns = [new MappingTableColumn("totaal", "Totaal", ColumnFormat.Euro), new MappingTableColumn("j2026", "2026", ColumnFormat.Euro)],
        StripPrefixes = ["Publieke info:", "Kwalitatieve omschrijving:"],
        IgnoredColumns = ["extra"],
        Corrections = [new MappingCorrection(new Dictionary<string, string> { ["gemeente"] = "Aalst", ["nis"] = "71001" }, new Dictionary<string, string> { ["nis"] = "41002" })],
    };

    private static TableRow Row(int number, params string?[] values) => new(number, values);

    private static TableData Table(params TableRow[] rows) => new("plannen.csv", TableFormat.Csv, Columns, rows, [], 1000);

    private static TableRow Action(int line, string gemeente, string nis, string bd, string ap, string ac, string title, string? text = null, string? total = "120000") =>
        Row(line, gemeente, nis, bd, $"Doel {bd}", "Kwalitatieve omschrijving: Uitleg bij " + bd, ap, $"Plan {ap}", "Publieke info:\nWaarom " + ap, ac, title, text, total, "60000", "x");

    [Fact]
    public void Rows_become_a_plan_per_key_with_the_heading_path_goal_then_action_plan_and_the_action_as_heading()
    {
        var import = new StructuredPlanBuilder().Build(Table(
            Action(2, "Lindeveld", "11001", "BD-1", "AP-1", "ICT-4", "Ontmoetingsruimte inrichten", "Publieke info:\nWe richten een buurtlokaal in.\n- met een keuken"),
            Action(3, "Lindeveld", "11001", "BD-1", "AP-2", "AC000002", "Wandelpad aanleggen"),
            Action(4, "Beekhoven", "12002", "BDS", "AP", "A-1.2.3", "Seniorenwerking")), Mapping());

        Assert.Empty(import.Issues);
        Assert.Equal(2, import.Plans.Count);
        var plan = import.Plans[0];
        Assert.Equal("11001", plan.Key);
        Assert.Equal("Meerjarenplan Lindeveld", plan.Document.Title);
        Assert.Equal("Antwerpen", plan.Facts.Province);
        Assert.Equal(2026, plan.Facts.Year);
        Assert.Equal(DocumentFormat.Csv, plan.Document.Format);

        var passages = plan.Ingestion.Passages;
        var headings = passages.Where(p => p.Kind == PassageKind.Heading).Select(p => p.Text).ToArray();
        Assert.Equal(["Beleidsdoelstelling BD-1: Doel BD-1", "Actieplan AP-1: Plan AP-1", "Actie ICT-4: Ontmoetingsruimte inrichten",
            "Actieplan AP-2: Plan AP-2", "Actie AC000002: Wandelpad aanleggen"], headings);
        var body = passages.Single(p => p.Text == "We richten een buurtlokaal in.");
        Assert.Equal(["Beleidsdoelstelling BD-1: Doel BD-1", "Actieplan AP-1: Plan AP-1", "Actie ICT-4: Ontmoetingsruimte inrichten"], body.Headings);
        Assert.Contains(passages, p => p.Kind == PassageKind.ListItem && p.Text.Contains("met een keuken"));
        // The goal's and the action plan's long texts appear once, prefix stripped, however many actions share them.
        Assert.Single(passages, p => p.Text == "Uitleg bij BD-1");
        Assert.Single(passages, p => p.Text == "Waarom AP-1");
        var amounts = passages.First(p => p.Kind == PassageKind.TableRow);
        Assert.Equal("Totaal: € 120.000; 2026: € 60.000", amounts.Text);
        Assert.Equal("Actie ICT-4: Ontmoetingsruimte inrichten", amounts.Headings[^1]);
    }

    [Fact]
    public void Imported_headings_are_recognised_as_the_plan_levels_whatever_the_codes()
    {
        var import = new StructuredPlanBuilder().Build(Table(Action(2, "Beekhoven", "12002", "BDS", "GBB-A&F", "overigBeleid", "Buurtwerk")), Mapping());
        var kinds = import.Plans[0].Ingestion.Passages.Where(p => p.Kind == PassageKind.Heading).Select(p => PlanStructure.Recognise(p.Text)?.Kind).ToArray();
        Assert.Equal([PlanMarkerKind.PolicyGoal, PlanMarkerKind.ActionPlan, PlanMarkerKind.Action], kinds);
    }

    [Fact]
    public void A_row_without_key_or_without_action_text_is_skipped_and_named_while_the_rest_is_imported()
    {
        var import = new StructuredPlanBuilder().Build(Table(
            Action(2, "Lindeveld", "11001", "BD-1", "AP-1", "A1", "Goede actie"),
            Row(3, "Lindeveld", null, "BD-1", "x", "x", "AP-1", "x", "x", "A2", "Zonder sleutel", null, null, null, null),
            Action(4, "Lindeveld", "11001", "BD-1", "AP-1", "A3", "", "   "),
            Action(5, "Lindeveld", "11001", "BD-1", "AP-1", "A4", "Nog een actie")), Mapping());

        var plan = Assert.Single(import.Plans);
        Assert.Equal([2, 5], plan.Rows);
        Assert.Equal(2, import.SkippedRows);
        Assert.Contains(import.Issues, i => i.Row == 3 && i.Message.Contains("'nis'"));
        Assert.Contains(import.Issues, i => i.Row == 4 && i.Message.Contains("zonder titel en tekst"));
        Assert.StartsWith("plannen.csv: regel 4: actie zonder titel", import.Describe(import.Issues.Single(i => i.Row == 4)));
        // The plan's own report mentions the row it lost.
        Assert.Contains(plan.Ingestion.Issues, i => i.Message.Contains("regel 4"));
    }

    [Fact]
    public void A_file_without_the_columns_the_mapping_needs_fails_with_the_missing_and_the_present_columns()
    {
        var table = new TableData("andere.csv", TableFormat.Csv, ["naam", "bedrag"], [Row(2, "x", "1")], [], 10);
        var import = new StructuredPlanBuilder().Build(table, Mapping());
        Assert.True(import.Failed);
        var error = Assert.Single(import.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Contains("'nis'", error.Message);
        Assert.Contains("'naam', 'bedrag'", error.Message);
    }

    [Fact]
    public void Columns_the_mapping_does_not_know_are_reported_once_per_file()
    {
        var table = new TableData("plannen.csv", TableFormat.Csv, [.. Columns, "categorieën"],
            [new TableRow(2, [.. Action(2, "Lindeveld", "11001", "BD-1", "AP-1", "A1", "Actie").Values, "groen"])], [], 10);
        var import = new StructuredPlanBuilder().Build(table, Mapping());
        Assert.Single(import.Plans);
        Assert.Contains(import.Issues, i => i.Severity == IssueSeverity.Warning && i.Row is null && i.Message.Contains("'categorieën'"));
    }

    [Fact]
    public void A_correction_of_the_mapping_fixes_a_mis_resolved_nis_code_and_so_the_province()
    {
        var import = new StructuredPlanBuilder().Build(Table(Action(2, "Aalst", "71001", "BD-1", "AP-1", "A1", "Stadsvernieuwing")), Mapping());
        var plan = Assert.Single(import.Plans);
        Assert.Equal("41002", plan.Facts.NisCode);
        Assert.Equal("Oost-Vlaanderen", plan.Facts.Province);
    }

    [Fact]
    public void The_same_rows_give_the_same_content_hash_and_a_changed_text_another()
    {
        var builder = new StructuredPlanBuilder();
        var a = builder.Build(Table(Action(2, "Lindeveld", "11001", "BD-1", "AP-1", "A1", "Actie", "Tekst")), Mapping()).Plans[0].Document.ContentHash;
        var again = builder.Build(Table(Action(7, "Lindeveld", "11001", "BD-1", "AP-1", "A1", "Actie", "Tekst")), Mapping()).Plans[0].Document.ContentHash;
        var changed = builder.Build(Table(Action(2, "Lindeveld", "11001", "BD-1", "AP-1", "A1", "Actie", "Andere tekst")), Mapping()).Plans[0].Document.ContentHash;
        Assert.Equal(a, again);
        Assert.NotEqual(a, changed);
    }

    [Fact]
    public void A_chosen_plan_column_makes_one_plan_per_value_of_that_column()
    {
        var import = new StructuredPlanBuilder().Build(Table(
            Action(2, "Lindeveld", "11001", "BD-1", "AP-1", "A1", "Een"),
            Action(3, "Lindeveld", "11001", "BD-2", "AP-1", "A2", "Twee")), Mapping() with { PlanKeyColumn = "bd_code" });
        Assert.Equal(["BD-1", "BD-2"], import.Plans.Select(p => p.Key));
    }

    [Theory]
    [InlineData("122000", "€ 122.000")]
    [InlineData("1.250.000,50", "€ 1.250.000,50")]
    [InlineData("1,250,000.50", "€ 1.250.000,50")]
    [InlineData("12.000", "€ 12.000")]
    [InlineData("2500.5", "€ 2.500,50")]
    [InlineData("0", "")]
    [InlineData("n.v.t.", "")]
    public void Amounts_are_written_in_Flemish_notation(string raw, string expected) =>
        Assert.Equal(expected, StructuredPlanBuilder.Euro(raw));
}

public sealed class PlanFactsFromNisAndTitle
{
    [Theory]
    [InlineData("11001", "Antwerpen")]
    [InlineData("23047", "Vlaams-Brabant")]
    [InlineData("24062", "Vlaams-Brabant")]
    [InlineData("21004", "Brussels Hoofdstedelijk Gewest")]
    [InlineData("25005", "Waals-Brabant")]
    [InlineData("38014", "West-Vlaanderen")]
    [InlineData("41002", "Oost-Vlaanderen")]
    [InlineData("71022", "Limburg")]
    [InlineData("92094", "Namen")]
    public void The_first_digit_of_the_nis_code_names_the_province(string nis, string province) =>
        Assert.Equal(province, BelgianProvinces.FromNisCode(nis));

    [Theory]
    [InlineData("1100")]
    [InlineData("ABCDE")]
    [InlineData("22001")]
    [InlineData(null)]
    public void Something_that_is_no_nis_code_has_no_province(string? code) => Assert.Null(BelgianProvinces.FromNisCode(code));

    [Fact]
    public void Year_and_type_are_guessed_from_the_title_or_the_file_name()
    {
        var facts = PlanFacts.Guess("Meerjarenplan 2026-2031 Gemeente Lindeveld", "lindeveld.docx");
        Assert.Equal(2026, facts.Year);
        Assert.Equal("meerjarenplan", facts.PlanType);
        var fromFile = PlanFacts.Guess("Samen sterk", "beekhoven_lokaal-sociaal-beleidsplan_2025.pdf".Replace('-', ' '));
        Assert.Equal(2025, fromFile.Year);
        Assert.Equal("lokaal sociaal beleidsplan", fromFile.PlanType);
        Assert.Equal(PlanFacts.None, PlanFacts.Guess("Notulen", "verslag.pdf"));
    }
}

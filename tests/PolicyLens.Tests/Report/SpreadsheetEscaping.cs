using PolicyLens.Coverage;
using PolicyLens.Report;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Tests.Report;

/// <summary>OWASP CSV injection: text that a spreadsheet could run as a formula reaches it as text (issue 17).</summary>
public class SpreadsheetEscaping
{
    private const string Payload = PolicyLens.Attacks.AttackFiles.FormulaPayload;

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+1+1")]
    [InlineData("-1+cmd|' /C calc'!A0")]
    [InlineData("-3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    [InlineData("＝1+1")]
    public void A_cell_that_starts_like_a_formula_gets_an_apostrophe(string text)
    {
        Assert.True(SpreadsheetCell.LooksLikeFormula(text));
        Assert.Equal("'" + text, SpreadsheetCell.Escape(text));
        Assert.StartsWith("\"'", SpreadsheetCell.Csv(text));
    }

    [Theory]
    [InlineData("Welzijnsplan 2026")]
    [InlineData("")]
    [InlineData(" =1")]
    [InlineData("a=b")]
    public void Other_text_is_left_as_it_is(string text)
    {
        Assert.False(SpreadsheetCell.LooksLikeFormula(text));
        Assert.Same(text, SpreadsheetCell.Escape(text));
    }

    [Fact]
    public void The_payload_in_title_file_name_and_municipality_never_starts_a_comparison_csv_field()
    {
        var plan = new CoverageAnalyzer().Analyze(new PlanInfo(Payload, Payload + ".md", Payload, null, "v1", 3),
            new PlanBuilder().Heading(1, Payload).Text("tekst", "element:bezig-zijn").Passages, Labels.All);
        var csv = new CsvComparisonRenderer().Render(new ComparisonReport(new PlanComparer().Compare([plan]), [plan]));
        var row = csv.Split("\r\n")[1];
        Assert.StartsWith($"3,\"'{Payload}\",\"'{Payload}.md\",\"'{Payload}\",", row);
        foreach (var field in PolicyLens.Attacks.AttackFiles.CsvFields(row)) Assert.False(SpreadsheetCell.LooksLikeFormula(field), field);
    }
}

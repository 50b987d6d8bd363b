using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Checks.Tests;

/// <summary>
/// Real plans read, tagged with the shipped rules and checked with the shipped checks: the seed
/// plans (Kruisdonk's action plan for older people is written to show the shortcomings the
/// framework warns about) and the Lindeveld fixture.
/// </summary>
public class SeedPlanChecks
{
    private static readonly Lazy<RuleTagger> Tagger = new(() => new RuleTagger(RuleSetLoader.LoadOrThrow(Repo.Rules)));

    private static PlanCoverage Analyze(params string[] path)
    {
        var ingestion = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(Path.Join([Repo.Root, .. path])));
        Assert.True(ingestion.Succeeded, ingestion.Error);
        return PlanTagging.Analyze(ingestion, Tagger.Value, new CoverageAnalyzer(checker: Shipped.Checker));
    }

    private static CheckStatus Status(PlanCoverage plan, string id) => plan.Check(id)!.Status;

    [Fact]
    public void An_action_plan_for_older_people_that_speaks_of_isolation_only_is_warned_on_age_and_isolation()
    {
        var plan = Analyze("seeds", "kruisdonk-actieplan-ouderen.odt");
        Assert.Equal(CheckStatus.Waarschuwing, Status(plan, "age-gap"));
        Assert.NotEmpty(plan.Check("age-gap")!.PassageOrdinals);
        Assert.Equal(CheckStatus.Waarschuwing, Status(plan, "loneliness-vs-isolation"));
        Assert.DoesNotContain(plan.Checks, c => c.Status == CheckStatus.Fout);
    }

    /// <summary>
    /// Issue 12: Kruisdonk's chapter "AP 1.1 Zorg en ondersteuning aan huis" and its chapter table list the
    /// domains zorg en ondersteuning and onderwijs; the check must not call those missing.
    /// </summary>
    [Fact]
    public void Kruisdonk_is_not_told_that_fields_its_own_chapter_table_lists_are_missing()
    {
        var plan = Analyze("seeds", "kruisdonk-actieplan-ouderen.odt");
        var domains = plan.Chapters.SelectMany(c => c.Domains).ToHashSet();
        Assert.Contains("zorg-ondersteuning", domains);
        Assert.Contains("onderwijs", domains);
        Assert.Contains(plan.Passages, p => p.Passage.Text == "AP 1.1 Zorg en ondersteuning aan huis");

        var check = plan.Check("neglected-fields")!;
        Assert.Equal(CheckStatus.Waarschuwing, check.Status);
        Assert.StartsWith("Ontbreekt: werk.", check.Message);
        Assert.Contains("Wel aanwezig: onderwijs; zorg en ondersteuning.", check.Message);
        Assert.DoesNotContain("ontbreken", check.Message);
    }

    [Fact]
    public void A_programme_budget_that_names_all_ages_and_the_feeling_passes_those_checks()
    {
        var plan = Analyze("seeds", "westerzand-programmabegroting-2026.pdf");
        Assert.Equal(CheckStatus.InOrde, Status(plan, "age-gap"));
        Assert.Equal(CheckStatus.InOrde, Status(plan, "loneliness-vs-isolation"));
        Assert.Equal(CheckStatus.InOrde, Status(plan, "loneliness-as-feeling"));
        Assert.Equal(CheckStatus.InOrde, Status(plan, "neglected-fields"));
        // Programme 7 (Bedrijfsvoering) serves no working element.
        var check = plan.Check("connection-in-all-policies")!;
        Assert.Equal(CheckStatus.Waarschuwing, check.Status);
        Assert.Contains("Bedrijfsvoering", check.Message);
        Assert.Contains(plan.Chapters, c => c.Heading.StartsWith("Programma 7", StringComparison.Ordinal) && !c.Contributes);
    }

    [Fact]
    public void The_Lindeveld_checks_match_what_the_plan_says()
    {
        var plan = Analyze("tests", "fixtures", "documents", "lindeveld-plan.docx");
        // No education, work or care in this short plan, neither as focus nor as policy domain.
        Assert.Equal(CheckStatus.Waarschuwing, Status(plan, "neglected-fields"));
        // Loneliness is named ("signalen van eenzaamheid"), so it is more than isolation, but never described as a feeling.
        Assert.Equal(CheckStatus.InOrde, Status(plan, "loneliness-vs-isolation"));
        Assert.Equal(CheckStatus.Info, Status(plan, "loneliness-as-feeling"));
        // Both BD chapters contribute to an element.
        Assert.Equal(CheckStatus.InOrde, Status(plan, "connection-in-all-policies"));
        // Lonely elderly people and young parents are both named.
        Assert.Equal(CheckStatus.InOrde, Status(plan, "age-gap"));
    }
}

/// <summary>The checklist in the DOCX and HTML reports of a real plan.</summary>
public class ChecklistExports
{
    private static PolicyLens.Report.PlanReport Lindeveld()
    {
        var ingestion = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(Path.Join(Repo.Root, "tests", "fixtures", "documents", "lindeveld-plan.docx")));
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Repo.Rules));
        return new PolicyLens.Report.PlanReportBuilder().Build(PlanTagging.Analyze(ingestion, tagger, new CoverageAnalyzer(checker: Shipped.Checker)));
    }

    [Fact]
    public void The_docx_report_lists_every_check_under_Controles_with_its_mark_and_status()
    {
        var report = Lindeveld();
        using var stream = new MemoryStream();
        new PolicyLens.Readers.Export.DocxReportRenderer().Write(report, stream);
        stream.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var headings = doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToArray();
        Assert.Contains("✘ Onderwijs, werk en zorg (waarschuwing)", headings);
        Assert.Contains("✔ Sociale verbinding in alle beleidsdomeinen (in orde)", headings);
        Assert.Equal(report.Checks.Count, headings.Count(h => h.Length > 2 && "✔✘–!".Contains(h[0])));
    }

    [Fact]
    public void The_html_report_lists_every_check_with_its_status_class()
    {
        var html = new PolicyLens.Report.HtmlReportRenderer().Render(Lindeveld());
        Assert.Contains("<h2>Controles</h2>", html);
        Assert.Contains("<div class=\"check waarschuwing\"><h3><span class=\"mark\">✘</span> Onderwijs, werk en zorg", html);
        Assert.Contains("<div class=\"check in-orde\">", html);
    }
}

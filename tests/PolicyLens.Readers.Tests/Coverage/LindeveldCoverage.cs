using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Readers.Tests.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Readers.Tests.Coverage;

/// <summary>The Lindeveld fixture ingested, tagged with the shipped rules and analysed (once per test run).</summary>
internal static class LindeveldPlan
{
    private static readonly Lazy<PlanCoverage> Lazy = new(() =>
    {
        var path = Path.Join(RepositoryPaths.Root, "tests", "fixtures", "documents", "lindeveld-plan.docx");
        var ingestion = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(path));
        Assert.True(ingestion.Succeeded, ingestion.Error);
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(RepositoryPaths.Rules));
        return PlanTagging.Analyze(ingestion, tagger, municipality: "Lindeveld");
    });

    public static PlanCoverage Coverage => Lazy.Value;
}

/// <summary>End to end: the Lindeveld fixture ingested, tagged with the shipped rules and analysed.</summary>
public class LindeveldCoverage
{
    private static PlanCoverage Plan => LindeveldPlan.Coverage;

    [Fact]
    public void Meeting_places_and_accessibility_are_worked_out()
    {
        Assert.Equal(CoverageStatus.Uitgewerkt, Plan.Label("element", "herhaalde-ontmoetingen")!.Status);
        Assert.Equal(CoverageStatus.Uitgewerkt, Plan.Label("element", "toegankelijkheid")!.Status);
    }

    [Fact]
    public void Elements_the_plan_does_not_address_are_absent_gaps()
    {
        foreach (var id in new[] { "betekenisvol-contact", "maatschappelijk-vertrouwen", "realistische-verwachtingen" })
        {
            Assert.Equal(CoverageStatus.Afwezig, Plan.Label("element", id)!.Status);
            var gap = Assert.Single(Plan.Gaps, g => g.Label.Dimension == "element" && g.Label.Id == id);
            Assert.NotEmpty(gap.SuggestedActions);
        }
        Assert.DoesNotContain(Plan.Gaps, g => g.Label.Id == "herhaalde-ontmoetingen");
    }

    [Fact]
    public void A_partner_in_a_budget_row_is_only_a_mention()
    {
        Assert.Equal(CoverageStatus.Genoemd, Plan.Label("element", "gemeenschapszin")!.Status);
    }

    [Fact]
    public void Coverage_is_located_per_policy_goal_not_under_the_plan_title()
    {
        var meeting = Plan.Label("element", "herhaalde-ontmoetingen")!;
        var section = Assert.Single(meeting.Sections);
        Assert.StartsWith("Beleidsdoelstelling 1", section.Heading);
        Assert.StartsWith("Beleidsdoelstelling 2", Assert.Single(Plan.Label("element", "toegankelijkheid")!.Sections).Heading);
        Assert.Equal(2, Plan.Chapters.Count);
        Assert.All(Plan.Chapters, c => Assert.True(c.Contributes));
    }

    [Fact]
    public void The_outline_follows_the_plan_structure()
    {
        var title = Assert.Single(Plan.Outline);
        Assert.StartsWith("Meerjarenplan", title.Heading);
        Assert.Equal(2, title.Children.Count);
        var bd1 = title.Children[0];
        Assert.Equal(["Actieplan 1.1: Ontmoeting dicht bij huis", "Actieplan 1.2: Eenzaamheid tijdig opmerken"], bd1.Children.Select(c => c.Heading));
        Assert.Contains("element:herhaalde-ontmoetingen", bd1.Children[0].Labels);
        Assert.Equal(2, bd1.Children[0].Children.Count);
    }

    [Fact]
    public void The_plan_facts_carry_the_rule_set_version()
    {
        Assert.StartsWith("sha256:", Plan.Plan.RuleSetVersion);
        Assert.Equal("lindeveld-plan.docx", Plan.Plan.FileName);
        Assert.Equal("Lindeveld", Plan.Plan.Municipality);
    }
}

using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Readers.Tests.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Readers.Tests.Coverage;

/// <summary>
/// The seed plans shipped with the repository, analysed end to end: Kruisdonk's action plan for
/// older people is written to show the shortcomings the framework warns about.
/// </summary>
public class SeedPlanFlags
{
    private static readonly Lazy<RuleTagger> Tagger = new(() => new RuleTagger(RuleSetLoader.LoadOrThrow(RepositoryPaths.Rules)));

    private static PlanCoverage Analyze(string seed)
    {
        var ingestion = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(Path.Join(RepositoryPaths.Root, "seeds", seed)));
        Assert.True(ingestion.Succeeded, ingestion.Error);
        return PlanTagging.Analyze(ingestion, Tagger.Value);
    }

    [Fact]
    public void An_action_plan_for_older_people_that_speaks_of_isolation_only_raises_both_warnings()
    {
        var plan = Analyze("kruisdonk-actieplan-ouderen.odt");
        Assert.Equal(FlagSeverity.Warning, plan.Flag(PlanFlags.AgeGap)!.Severity);
        Assert.NotEmpty(plan.Flag(PlanFlags.AgeGap)!.PassageOrdinals);
        Assert.Equal(FlagSeverity.Warning, plan.Flag(PlanFlags.LonelinessVsIsolation)!.Severity);
        Assert.Equal(FlagSeverity.Warning, plan.Flag(PlanFlags.NeglectedFields)!.Severity);
    }

    [Fact]
    public void A_programme_budget_that_names_all_ages_and_the_feeling_raises_neither()
    {
        var plan = Analyze("westerzand-programmabegroting-2026.pdf");
        Assert.Equal(FlagSeverity.Ok, plan.Flag(PlanFlags.AgeGap)!.Severity);
        Assert.Equal(FlagSeverity.Ok, plan.Flag(PlanFlags.LonelinessVsIsolation)!.Severity);
        Assert.Equal(FlagSeverity.Ok, plan.Flag(PlanFlags.NeglectedFields)!.Severity);
        // Programme 7 (Bedrijfsvoering) serves no working element.
        var flag = plan.Flag(PlanFlags.ConnectionInAllPolicies)!;
        Assert.Equal(FlagSeverity.Warning, flag.Severity);
        Assert.Contains("Bedrijfsvoering", flag.Explanation);
        Assert.Contains(plan.Chapters, c => c.Heading.StartsWith("Programma 7", StringComparison.Ordinal) && !c.Contributes);
    }
}

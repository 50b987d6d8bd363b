using PolicyLens.Coverage;

namespace PolicyLens.Tests.Coverage;

public class FrameworkFlags
{
    private static PlanFlag Flag(PlanBuilder builder, string id) => builder.Analyze().Flag(id)!;

    [Fact]
    public void Every_check_yields_one_flag()
    {
        var coverage = new PlanBuilder().Heading(1, "H").Text("Niets.").Analyze();
        Assert.Equal(PlanFlags.All, coverage.Flags.Select(f => f.Id));
    }

    [Fact]
    public void Loneliness_measures_that_name_only_older_people_raise_the_age_gap()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H")
            .Text("Ouderen krijgen een huisbezoek tegen eenzaamheid.", "type:sociaal", "age:ouderen")
            .Text("Jongeren krijgen een skatepark.", "age:jongeren"), PlanFlags.AgeGap);
        Assert.Equal(FlagSeverity.Warning, flag.Severity);
        Assert.Equal([1], flag.PassageOrdinals);
    }

    [Fact]
    public void Loneliness_measures_for_young_and_old_do_not_raise_the_age_gap()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H")
            .Text("Ouderen krijgen een huisbezoek tegen eenzaamheid.", "type:sociaal", "age:ouderen")
            .Text("Jongeren vinden elkaar in het jeugdhuis.", "element:herhaalde-ontmoetingen", "age:jongeren"), PlanFlags.AgeGap);
        Assert.Equal(FlagSeverity.Ok, flag.Severity);
        Assert.False(flag.Raised);
    }

    [Fact]
    public void Measures_without_any_age_group_are_information_not_an_age_gap()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H").Text("Buurtpunten voor iedereen.", "element:herhaalde-ontmoetingen"), PlanFlags.AgeGap);
        Assert.Equal(FlagSeverity.Info, flag.Severity);
    }

    [Fact]
    public void A_plan_that_speaks_only_of_isolation_is_warned()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H")
            .Text("We bestrijden sociaal isolement bij alleenstaanden.")
            .Text("Vereenzaming voorkomen we met huisbezoeken."), PlanFlags.LonelinessVsIsolation);
        Assert.Equal(FlagSeverity.Warning, flag.Severity);
        Assert.Equal([1, 2], flag.PassageOrdinals);
    }

    [Fact]
    public void Isolation_words_are_found_whatever_their_case_or_accents()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H")
            .Text("Wie geïsoleerd leeft, krijgt bezoek.")
            .Text("CONTACTARMOEDE is een probleem.")
            .Text("Geen van beide woorden hier."), PlanFlags.LonelinessVsIsolation);
        Assert.Equal(FlagSeverity.Warning, flag.Severity);
        Assert.Equal([1, 2], flag.PassageOrdinals);
    }

    [Fact]
    public void A_plan_that_describes_loneliness_as_a_feeling_passes_the_isolation_check()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H")
            .Text("We bestrijden sociaal isolement.")
            .Text("Ook wie veel contacten heeft, kan zich eenzaam voelen."), PlanFlags.LonelinessVsIsolation);
        Assert.Equal(FlagSeverity.Ok, flag.Severity);
        Assert.Equal([2], flag.PassageOrdinals);
    }

    [Fact]
    public void Naming_loneliness_without_ever_describing_it_as_a_feeling_is_information()
    {
        var flag = Flag(new PlanBuilder().Heading(1, "H").Text("Het actieplan eenzaamheid loopt door.").Text("Tegen isolement helpt een buurtpunt."),
            PlanFlags.LonelinessVsIsolation);
        Assert.Equal(FlagSeverity.Info, flag.Severity);
        Assert.Equal([1, 2], flag.PassageOrdinals);
    }

    [Fact]
    public void Deficit_framing_that_outweighs_community_framing_is_warned()
    {
        var warned = Flag(new PlanBuilder().Heading(1, "H")
            .Text("a", "frame:deficit").Text("b", "frame:deficit").Text("c", "frame:community"), PlanFlags.DeficitFraming);
        var balanced = Flag(new PlanBuilder().Heading(1, "H")
            .Text("a", "frame:deficit").Text("c", "frame:community"), PlanFlags.DeficitFraming);
        var none = Flag(new PlanBuilder().Heading(1, "H").Text("a"), PlanFlags.DeficitFraming);

        Assert.Equal(FlagSeverity.Warning, warned.Severity);
        Assert.Equal([1, 2], warned.PassageOrdinals);
        Assert.Contains("67%", warned.Explanation);
        Assert.Equal(FlagSeverity.Ok, balanced.Severity);
        Assert.Equal(FlagSeverity.Info, none.Severity);
    }

    [Fact]
    public void Missing_neglected_fields_are_named_and_all_three_present_pass()
    {
        var missing = Flag(new PlanBuilder().Heading(1, "H").Text("a", "focus:onderwijs"), PlanFlags.NeglectedFields);
        Assert.Equal(FlagSeverity.Warning, missing.Severity);
        Assert.Contains("werk (nl)", missing.Explanation);
        Assert.Contains("zorg-ondersteuning (nl)", missing.Explanation);
        Assert.DoesNotContain("Ontbreekt: onderwijs", missing.Explanation);
        Assert.Equal([1], missing.PassageOrdinals);

        var all = Flag(new PlanBuilder().Heading(1, "H").Text("a", "focus:onderwijs").Text("b", "focus:werk").Text("c", "focus:zorg-ondersteuning"),
            PlanFlags.NeglectedFields);
        Assert.Equal(FlagSeverity.Ok, all.Severity);
    }

    [Fact]
    public void A_policy_chapter_that_serves_no_element_is_named()
    {
        var coverage = new PlanBuilder()
            .Heading(1, "Wonen").Text("Nieuwe woningen.", "domain:wonen").Text("Meer woningen.", "domain:wonen")
            .Heading(1, "Sport").Text("Sportclubs ontmoeten elkaar.", "domain:sport", "element:herhaalde-ontmoetingen")
            .Heading(1, "Financiën").Text("De begroting.")
            .Analyze();

        var flag = coverage.Flag(PlanFlags.ConnectionInAllPolicies)!;
        Assert.Equal(FlagSeverity.Warning, flag.Severity);
        Assert.Contains("Wonen (wonen (nl))", flag.Explanation);
        Assert.DoesNotContain("Sport", flag.Explanation);
        Assert.Equal([0], flag.PassageOrdinals);

        var wonen = coverage.Chapters.Single(c => c.Heading == "Wonen");
        Assert.Equal(["wonen"], wonen.Domains);
        Assert.False(wonen.Contributes);
        Assert.Equal(2, wonen.Passages);
        Assert.Equal(["herhaalde-ontmoetingen"], coverage.Chapters.Single(c => c.Heading == "Sport").Elements);
        Assert.Empty(coverage.Chapters.Single(c => c.Heading == "Financiën").Domains);
    }

    [Fact]
    public void When_every_policy_chapter_serves_an_element_the_check_passes()
    {
        var flag = Flag(new PlanBuilder()
            .Heading(1, "Wonen").Text("Hofjeswonen.", "domain:wonen", "element:herhaalde-ontmoetingen")
            .Heading(1, "Sport").Text("Sportclubs.", "domain:sport", "element:bezig-zijn"), PlanFlags.ConnectionInAllPolicies);
        Assert.Equal(FlagSeverity.Ok, flag.Severity);
    }
}

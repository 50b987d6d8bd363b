using PolicyLens.Coverage;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Checks.Tests;

/// <summary>The checks of rules/checks on hand-made plans: the five former signals and the checks the seeds argue for.</summary>
public class ShippedChecks
{
    private static CheckResult Check(PlanBuilder plan, string id) => Shipped.Check(plan, id);

    [Fact]
    public void The_shipped_files_hold_the_five_former_signals_and_the_new_checks_in_file_order()
    {
        Assert.Equal(
            ["neglected-fields", "connection-in-all-policies", "age-gap", "age-groups-named", "loneliness-vs-isolation", "loneliness-as-feeling",
             "only-social-loneliness", "deficit-framing", "deficit-only", "structural-approach", "loneliness-monitoring"],
            Shipped.Checker.Checks.Select(c => c.Id));
        Assert.All(Shipped.Checker.Checks, c => Assert.StartsWith("checks/", c.Source));
    }

    [Fact]
    public void Every_check_yields_one_result_even_on_a_plan_with_nothing_in_it()
    {
        var coverage = Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("Niets."));
        Assert.Equal(Shipped.Checker.Checks.Select(c => c.Id), coverage.Checks.Select(c => c.Id));
        Assert.DoesNotContain(coverage.Checks, c => c.Status == CheckStatus.Fout);
    }

    [Fact]
    public void Loneliness_measures_that_name_only_older_people_raise_the_age_gap()
    {
        var check = Check(new PlanBuilder().Heading(1, "H")
            .Text("Ouderen krijgen een huisbezoek tegen eenzaamheid.", "type:sociaal", "age:ouderen")
            .Text("Jongeren krijgen een skatepark.", "age:jongeren"), "age-gap");
        Assert.Equal(CheckStatus.Waarschuwing, check.Status);
        Assert.Equal([1], check.PassageOrdinals);
        // The age table of the report lists young people; the check says where they are, not that they are missing.
        Assert.Contains("elders in het plan wel voorkomen, maar niet bij eenzaamheid: jongeren (nl)", check.Message);
    }

    [Fact]
    public void Loneliness_measures_for_young_and_old_pass_the_age_gap()
    {
        var check = Check(new PlanBuilder().Heading(1, "H")
            .Text("Ouderen krijgen een huisbezoek tegen eenzaamheid.", "type:sociaal", "age:ouderen")
            .Text("Jongeren vinden elkaar in het jeugdhuis.", "element:herhaalde-ontmoetingen", "age:jongeren"), "age-gap");
        Assert.Equal(CheckStatus.InOrde, check.Status);
        Assert.False(check.Failed);
        Assert.Equal("De passages over eenzaamheid en de werkzame elementen noemen jongeren (nl) en ouderen (nl).", check.Message);
        Assert.Equal([1, 2], check.PassageOrdinals);
    }

    [Fact]
    public void Measures_without_any_age_group_are_information_and_leave_the_age_gap_aside()
    {
        var plan = Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("Buurtpunten voor iedereen.", "element:herhaalde-ontmoetingen"));
        Assert.Equal(CheckStatus.NietVanToepassing, plan.Check("age-gap")!.Status);
        Assert.Equal(CheckStatus.Info, plan.Check("age-groups-named")!.Status);
        Assert.Contains("De 1 passages over eenzaamheid", plan.Check("age-groups-named")!.Message);
    }

    [Fact]
    public void A_plan_that_speaks_only_of_isolation_is_warned()
    {
        var check = Check(new PlanBuilder().Heading(1, "H")
            .Text("We bestrijden sociaal isolement bij alleenstaanden.")
            .Text("Vereenzaming voorkomen we met huisbezoeken."), "loneliness-vs-isolation");
        Assert.Equal(CheckStatus.Waarschuwing, check.Status);
        Assert.Equal([1, 2], check.PassageOrdinals);
        Assert.Contains("(2 passages)", check.Message);
    }

    [Fact]
    public void Isolation_words_are_found_whatever_their_case_or_accents()
    {
        var check = Check(new PlanBuilder().Heading(1, "H")
            .Text("Wie geïsoleerd leeft, krijgt bezoek.")
            .Text("CONTACTARMOEDE is een probleem.")
            .Text("Geen van beide woorden hier."), "loneliness-vs-isolation");
        Assert.Equal(CheckStatus.Waarschuwing, check.Status);
        Assert.Equal([1, 2], check.PassageOrdinals);
    }

    [Fact]
    public void A_plan_that_describes_loneliness_as_a_feeling_passes_both_isolation_checks()
    {
        var plan = Shipped.Analyze(new PlanBuilder().Heading(1, "H")
            .Text("We bestrijden sociaal isolement.")
            .Text("Ook wie veel contacten heeft, kan zich eenzaam voelen."));
        Assert.Equal(CheckStatus.InOrde, plan.Check("loneliness-vs-isolation")!.Status);
        Assert.Equal(CheckStatus.InOrde, plan.Check("loneliness-as-feeling")!.Status);
        Assert.Equal([2], plan.Check("loneliness-as-feeling")!.PassageOrdinals);
    }

    [Fact]
    public void Naming_loneliness_without_ever_describing_it_as_a_feeling_is_information()
    {
        var plan = Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("Het actieplan eenzaamheid loopt door.").Text("Tegen isolement helpt een buurtpunt."));
        Assert.Equal(CheckStatus.InOrde, plan.Check("loneliness-vs-isolation")!.Status);
        var feeling = plan.Check("loneliness-as-feeling")!;
        Assert.Equal(CheckStatus.Info, feeling.Status);
        Assert.Equal([1, 2], feeling.PassageOrdinals);
    }

    [Fact]
    public void Emotional_loneliness_in_the_type_table_counts_as_the_feeling_so_the_checks_agree_with_the_report()
    {
        var plan = Shipped.Analyze(new PlanBuilder().Heading(1, "H")
            .Text("Weduwen missen iemand om op terug te vallen.", "type:emotioneel")
            .Text("Tegen isolement helpt een buurtpunt."));
        Assert.Equal(CheckStatus.InOrde, plan.Check("loneliness-vs-isolation")!.Status);
        Assert.Equal(CheckStatus.NietVanToepassing, plan.Check("loneliness-as-feeling")!.Status); // the word itself is not used
    }

    [Fact]
    public void A_plan_that_speaks_neither_of_loneliness_nor_isolation_is_not_judged_on_it()
    {
        var plan = Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("De begroting sluit."));
        Assert.Equal(CheckStatus.NietVanToepassing, plan.Check("loneliness-vs-isolation")!.Status);
        Assert.Equal("Het plan spreekt niet over eenzaamheid of sociaal isolement.", plan.Check("loneliness-vs-isolation")!.Message);
    }

    [Fact]
    public void Deficit_framing_that_outweighs_community_framing_is_warned()
    {
        var warned = Check(new PlanBuilder().Heading(1, "H").Text("a", "frame:deficit").Text("b", "frame:deficit").Text("c", "frame:community"), "deficit-framing");
        var balanced = Check(new PlanBuilder().Heading(1, "H").Text("a", "frame:deficit").Text("c", "frame:community"), "deficit-framing");
        var none = Check(new PlanBuilder().Heading(1, "H").Text("a"), "deficit-framing");

        Assert.Equal(CheckStatus.Waarschuwing, warned.Status);
        Assert.Equal([1, 2], warned.PassageOrdinals);
        Assert.Contains("(67% tekort)", warned.Message);
        Assert.Equal(CheckStatus.InOrde, balanced.Status);
        Assert.Equal([1, 2], balanced.PassageOrdinals);
        Assert.Equal(CheckStatus.NietVanToepassing, none.Status);
    }

    [Fact]
    public void Only_deficit_framing_asks_for_attention_and_community_framing_answers_it()
    {
        Assert.Equal(CheckStatus.Aandacht, Check(new PlanBuilder().Heading(1, "H").Text("a", "frame:deficit"), "deficit-only").Status);
        Assert.Equal(CheckStatus.InOrde, Check(new PlanBuilder().Heading(1, "H").Text("a", "frame:deficit").Text("b", "frame:community"), "deficit-only").Status);
    }

    [Fact]
    public void Missing_neglected_fields_are_named_and_all_three_present_pass()
    {
        var missing = Check(new PlanBuilder().Heading(1, "H").Text("a", "focus:onderwijs"), "neglected-fields");
        Assert.Equal(CheckStatus.Waarschuwing, missing.Status);
        Assert.StartsWith("Ontbreekt: werk (nl) en zorg-ondersteuning (nl). Wel aanwezig: onderwijs (nl).", missing.Message);
        Assert.Equal([1], missing.PassageOrdinals);

        var all = Check(new PlanBuilder().Heading(1, "H").Text("a", "focus:onderwijs").Text("b", "focus:werk").Text("c", "focus:zorg-ondersteuning"),
            "neglected-fields");
        Assert.Equal(CheckStatus.InOrde, all.Status);
        Assert.EndsWith("zonder verband met eenzaamheid of verbinding: geen.", all.Message);
    }

    /// <summary>
    /// The contradiction of issue 12: a chapter "Zorg en ondersteuning aan huis" whose chapter table lists the
    /// domains zorg en ondersteuning and onderwijs was told that education, work and care were all missing.
    /// </summary>
    [Fact]
    public void Fields_the_chapter_table_lists_as_policy_domains_are_not_called_missing()
    {
        var coverage = Shipped.Analyze(new PlanBuilder()
            .Heading(1, "BD 1 Ouderen blijven thuis wonen")
            .Heading(2, "Zorg en ondersteuning aan huis", "domain:zorg-ondersteuning")
            .Text("De thuiszorg breidt de maaltijden aan huis uit.", "domain:zorg-ondersteuning")
            .Heading(1, "BD 2 Een veilige gemeente")
            .Text("Rond de scholen komen snelheidsremmers.", "domain:onderwijs"));
        Assert.Contains(coverage.Chapters, c => c.Domains.Contains("zorg-ondersteuning"));
        Assert.Contains(coverage.Chapters, c => c.Domains.Contains("onderwijs"));

        var check = coverage.Check("neglected-fields")!;
        Assert.Equal(CheckStatus.Waarschuwing, check.Status); // work is still missing
        Assert.StartsWith("Ontbreekt: werk (nl).", check.Message);
        Assert.Contains("Wel aanwezig: onderwijs (nl) en zorg-ondersteuning (nl).", check.Message);
        Assert.Contains("Alleen als beleidsdomein, nog zonder verband met eenzaamheid of verbinding: onderwijs (nl) en zorg-ondersteuning (nl).", check.Message);
        Assert.DoesNotContain("Geen van de drie", check.Message);
        Assert.Equal([1, 2, 4], check.PassageOrdinals);
    }

    [Fact]
    public void A_policy_chapter_that_serves_no_element_is_named_with_its_domains()
    {
        var check = Check(new PlanBuilder()
            .Heading(1, "Wonen").Text("Nieuwe woningen.", "domain:wonen").Text("Meer woningen.", "domain:wonen")
            .Heading(1, "Sport").Text("Sportclubs ontmoeten elkaar.", "domain:sport", "element:herhaalde-ontmoetingen")
            .Heading(1, "Financiën").Text("De begroting."), "connection-in-all-policies");
        Assert.Equal(CheckStatus.Waarschuwing, check.Status);
        Assert.Equal("1 van de 2 hoofdstukken over een beleidsdomein dragen aan geen enkel werkzaam element bij: Wonen (wonen (nl)).", check.Message);
        Assert.Equal([0], check.PassageOrdinals);
    }

    [Fact]
    public void When_every_policy_chapter_serves_an_element_the_check_passes()
    {
        var check = Check(new PlanBuilder()
            .Heading(1, "Wonen").Text("Hofjeswonen.", "domain:wonen", "element:herhaalde-ontmoetingen")
            .Heading(1, "Sport").Text("Sportclubs.", "domain:sport", "element:bezig-zijn"), "connection-in-all-policies");
        Assert.Equal(CheckStatus.InOrde, check.Status);
        Assert.Equal("Alle 2 hoofdstukken over een beleidsdomein dragen bij aan minstens één werkzaam element.", check.Message);
    }

    [Fact]
    public void Only_social_loneliness_asks_for_attention_to_the_other_two_kinds()
    {
        var social = Check(new PlanBuilder().Heading(1, "H").Text("Buren ontmoeten elkaar.", "type:sociaal"), "only-social-loneliness");
        Assert.Equal(CheckStatus.Aandacht, social.Status);
        Assert.Equal([1], social.PassageOrdinals);
        var both = Check(new PlanBuilder().Heading(1, "H").Text("Buren ontmoeten elkaar.", "type:sociaal").Text("Rouwgroepen.", "type:emotioneel"),
            "only-social-loneliness");
        Assert.Equal(CheckStatus.InOrde, both.Status);
        Assert.Equal("Naast sociale eenzaamheid komt ook emotioneel (nl) aan bod.", both.Message);
    }

    [Fact]
    public void A_plan_that_names_loneliness_without_structural_anchoring_or_monitoring_asks_for_both()
    {
        var plan = Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("We pakken eenzaamheid aan met een project.", "type:sociaal"));
        Assert.Equal(CheckStatus.Aandacht, plan.Check("structural-approach")!.Status);
        Assert.Equal(CheckStatus.Aandacht, plan.Check("loneliness-monitoring")!.Status);

        var anchored = Shipped.Analyze(new PlanBuilder().Heading(1, "H")
            .Text("De aanpak van eenzaamheid wordt een vast onderdeel van het beleid.", "type:sociaal", "approach:structureel")
            .Text("We meten eenzaamheid met de schaal van De Jong-Gierveld.", "approach:monitoring"));
        Assert.Equal(CheckStatus.InOrde, anchored.Check("structural-approach")!.Status);
        Assert.Equal([1], anchored.Check("structural-approach")!.PassageOrdinals);
        Assert.Equal(CheckStatus.InOrde, anchored.Check("loneliness-monitoring")!.Status);

        var silent = Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("Het zwembad krijgt kleedkamers."));
        Assert.Equal(CheckStatus.NietVanToepassing, silent.Check("structural-approach")!.Status);
    }
}

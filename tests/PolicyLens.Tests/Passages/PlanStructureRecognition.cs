using PolicyLens.Passages;

namespace PolicyLens.Tests.Passages;

public class PlanStructureRecognition
{
    [Theory]
    [InlineData("Beleidsdoelstelling 2: Een warme gemeente", PlanMarkerKind.PolicyGoal, "2")]
    [InlineData("BD 2 Een warme gemeente", PlanMarkerKind.PolicyGoal, "BD2")]
    [InlineData("BD2: Een warme gemeente", PlanMarkerKind.PolicyGoal, "BD2")]
    [InlineData("BD000005", PlanMarkerKind.PolicyGoal, "BD000005")]
    [InlineData("Beleidsdoelstelling BD300004: 04. Een bruisende stad", PlanMarkerKind.PolicyGoal, "BD300004")]
    [InlineData("Actieplan 2.3: Ontmoeting", PlanMarkerKind.ActionPlan, "2.3")]
    [InlineData("AP 2.3 Ontmoeting", PlanMarkerKind.ActionPlan, "AP2.3")]
    [InlineData("Actieplan AP000015: Investeren in wegen.", PlanMarkerKind.ActionPlan, "AP000015")]
    [InlineData("Actie 2.3.1: Buurtpunten", PlanMarkerKind.Action, "2.3.1")]
    [InlineData("A 2.3.1 Buurtpunten", PlanMarkerKind.Action, "A2.3.1")]
    [InlineData("Actie AC000048: Blijven investeren.", PlanMarkerKind.Action, "AC000048")]
    [InlineData("AC000048", PlanMarkerKind.Action, "AC000048")]
    [InlineData("Programma 2 Sociaal domein", PlanMarkerKind.Programme, "2")]
    [InlineData("Programma Sociale samenhang", PlanMarkerKind.Programme, null)]
    public void Real_spellings_of_plan_codes_are_recognised_in_code_lines(string line, PlanMarkerKind kind, string? code)
    {
        var marker = PlanStructure.RecogniseCodeLine(line);
        Assert.NotNull(marker);
        Assert.Equal(kind, marker.Kind);
        Assert.Equal(code, marker.Code);
    }

    [Fact]
    public void Ranks_order_policy_goals_above_action_plans_above_actions()
    {
        var bd = PlanStructure.Recognise("BD 1 Zorg")!.Rank;
        var ap = PlanStructure.Recognise("AP 1.1 Ontmoeting")!.Rank;
        var action = PlanStructure.Recognise("Actie 1.1.1 Buurtpunt")!.Rank;
        Assert.True(bd < ap && ap < action);
        Assert.Equal(ap, PlanStructure.Recognise("1.1 Ontmoeting")!.Rank);
        Assert.Equal(action, PlanStructure.Recognise("2.3.1 Titel")!.Rank);
    }

    [Theory]
    [InlineData("Wat willen we bereiken?")]
    [InlineData("Wat gaan we daarvoor doen?")]
    [InlineData("Wat mag het kosten?")]
    public void Programme_questions_are_recognised(string line) =>
        Assert.Equal(PlanMarkerKind.Question, PlanStructure.RecogniseCodeLine(line)?.Kind);

    [Theory]
    [InlineData("Actie 2 wordt uitgevoerd door de dienst welzijn.")]
    [InlineData("3 De coalitiepartijen accepteren dat het besluit blijft.")]
    [InlineData("1. Een beter beeld krijgen op kwetsbare buurten")]
    [InlineData("2026 wordt een overgangsjaar voor de werking.")]
    [InlineData("Abonnementen voor de bib blijven gratis.")]
    [InlineData("Raming (EUR): 2026: 21.042.493; 2027: 27.127.646")]
    public void Ordinary_sentences_and_list_items_are_not_code_lines(string line) =>
        Assert.Null(PlanStructure.RecogniseCodeLine(line));

    [Fact]
    public void A_short_multi_level_numbered_title_is_a_code_line() =>
        Assert.Equal(PlanMarkerKind.Numbered, PlanStructure.RecogniseCodeLine("3.1 Sociale basis")?.Kind);

    [Theory]
    [InlineData("Beleidsdoelstelling BDS: Een warme gemeente", PlanMarkerKind.PolicyGoal, "BDS")]
    [InlineData("Beleidsdoelstelling: Een warme gemeente", PlanMarkerKind.PolicyGoal, null)]
    [InlineData("Actieplan AP-2.1: Ontmoeting", PlanMarkerKind.ActionPlan, "AP-2.1")]
    [InlineData("Actieplan GBB-A&F: Financiën", PlanMarkerKind.ActionPlan, "GBB-A&F")]
    [InlineData("Actie ICT-4: Een nieuw loket", PlanMarkerKind.Action, "ICT-4")]
    [InlineData("Actie overigBeleid_NIHIL: Overige", PlanMarkerKind.Action, "overigBeleid_NIHIL")]
    public void A_heading_of_level_word_code_and_colon_is_that_level_whatever_the_code(string heading, PlanMarkerKind kind, string? code)
    {
        var marker = PlanStructure.Recognise(heading);
        Assert.Equal(kind, marker?.Kind);
        Assert.Equal(code, marker?.Code);
    }

    [Fact]
    public void In_running_text_a_level_word_with_a_colon_stays_a_sentence() =>
        Assert.Null(PlanStructure.RecogniseCodeLine("Actie ondernemen: dat vragen we van iedereen."));
}

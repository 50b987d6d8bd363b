using PolicyLens.Learning.Model;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Learning.Tests;

/// <summary>
/// The shipped tagger (rules + model) on sentences written for these tests: prevention levels and
/// loneliness types follow GUIDELINES.md by meaning, not only by level words.
/// </summary>
public class LevelsAndTypesByMeaning
{
    private static readonly Lazy<IPassageTagger> Tagger = new(() =>
    {
        var rules = Path.Join(TestSupport.RepoRoot(), "rules");
        var setup = TaggerSetup.Create(new RuleTagger(RuleSetLoader.LoadOrThrow(rules)), ModelFile.DefaultPath(rules));
        Assert.True(setup.Model.InUse, setup.Model.Problem);
        return setup.Tagger;
    });

    private static string[] Labels(string dimension, string text, params string[] headings) =>
        Tagger.Value.Tag(new TaggingInput(text, headings)).Where(t => t.Dimension == dimension).Select(t => t.Label).ToArray();

    [Fact]
    public void Detecting_loneliness_is_indicated_prevention_even_without_a_working_element()
    {
        var text = "Huisartsen en apothekers signaleren eenzaamheid bij hun patiënten en verwijzen hen door naar het welzijnswerk.";
        Assert.Contains("geindiceerd", Labels("level", text));
        Assert.Contains("sociaal", Labels("type", text));
    }

    [Fact]
    public void Home_visits_to_isolated_elders_are_indicated_prevention()
    {
        Assert.Contains("geindiceerd", Labels("level", "Vrijwilligers brengen huisbezoeken bij vereenzaamde ouderen en zoeken samen met hen een maatje."));
    }

    [Fact]
    public void A_measure_for_a_named_risk_group_is_selective()
    {
        Assert.Contains("selectief", Labels("level", "Voor mantelzorgers organiseren we elk kwartaal een ontspanningsnamiddag waar ze lotgenoten ontmoeten."));
        Assert.Contains("selectief", Labels("level", "Nieuwkomers krijgen een buddy die hen wegwijs maakt in de verenigingen van de gemeente."));
    }

    [Fact]
    public void A_measure_for_everyone_is_universal_and_not_selective()
    {
        var levels = Labels("level", "Het nieuwe ontmoetingscentrum in het dorp staat open voor iedereen, jong en oud.");
        Assert.Contains("universeel", levels);
        Assert.DoesNotContain("selectief", levels);
    }

    [Fact]
    public void A_road_repair_gets_no_level_and_no_type()
    {
        var text = "De gemeente vernieuwt de riolering en het wegdek in de Stationsstraat.";
        Assert.Empty(Labels("level", text));
        Assert.Empty(Labels("type", text));
    }

    [Fact]
    public void Grief_after_losing_a_partner_is_emotional_loneliness()
    {
        Assert.Contains("emotioneel", Labels("type", "Wie zijn partner verloren heeft, kan terecht in een rouwgroep met lotgenoten."));
    }
}

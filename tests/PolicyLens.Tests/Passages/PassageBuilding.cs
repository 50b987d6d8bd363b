using PolicyLens.Documents;
using PolicyLens.Passages;

namespace PolicyLens.Tests.Passages;

public class PassageBuilding
{
    private static readonly PassageBuilder Builder = new();

    private static Block H(string text, int level = 0) => new(BlockKind.Heading, text, headingLevel: level);
    private static Block P(string text, int? page = null) => new(BlockKind.Paragraph, text, page);

    private const string Body = "De gemeente zet in op ontmoeting in elke wijk, samen met de verenigingen en de inwoners zelf.";

    [Fact]
    public void Code_lines_without_styles_build_the_BD_AP_action_path()
    {
        var set = Builder.Build([
            P("Beleidsdoelstelling BD000005: Een verbonden gemeente."),
            P(Body),
            P("Actieplan AP000015: Ontmoeting in de wijk."),
            P("Actie AC000048: Buurtpunten openen."),
            P(Body),
            P("Actie AC000049: Buurtfeesten steunen."),
            P(Body),
            P("Beleidsdoelstelling BD000006: Een toegankelijke gemeente."),
            P(Body),
        ]);
        var under = set.Passages.Where(p => p.Kind == PassageKind.Paragraph).Select(p => string.Join(" > ", p.Headings.Select(h => h.Split(':')[0]))).ToList();
        Assert.Equal([
            "Beleidsdoelstelling BD000005",
            "Beleidsdoelstelling BD000005 > Actieplan AP000015 > Actie AC000048",
            "Beleidsdoelstelling BD000005 > Actieplan AP000015 > Actie AC000049",
            "Beleidsdoelstelling BD000006",
        ], under);
    }

    [Fact]
    public void Plan_codes_win_over_inconsistent_source_heading_levels()
    {
        // The author styled everything as Heading 1; the codes still nest.
        var set = Builder.Build([H("Meerjarenplan Lindeveld", 1), H("BD 1 Zorg", 1), H("AP 1.1 Ontmoeting", 1), H("A 1.1.1 Buurtpunt", 1), P(Body), H("Toelichting", 2), P(Body)]);
        var paragraphs = set.Passages.Where(p => p.Kind == PassageKind.Paragraph).ToList();
        Assert.Equal(["BD 1 Zorg", "AP 1.1 Ontmoeting", "A 1.1.1 Buurtpunt"], paragraphs[0].Headings);
        Assert.Equal(["BD 1 Zorg", "AP 1.1 Ontmoeting", "A 1.1.1 Buurtpunt", "Toelichting"], paragraphs[1].Headings);
    }

    [Fact]
    public void Plan_codes_nest_under_a_document_title_heading()
    {
        var set = Builder.Build([H("Meerjarenplan Lindeveld", 1), H("Beleidsdoelstelling 1: Zorg", 2), H("Actieplan 1.1: Ontmoeting", 2), P(Body)]);
        Assert.Equal(["Meerjarenplan Lindeveld", "Beleidsdoelstelling 1: Zorg", "Actieplan 1.1: Ontmoeting"], set.Passages[^1].Headings);
    }

    [Fact]
    public void Programme_questions_are_siblings_under_their_programme()
    {
        var set = Builder.Build([P("Programma 2 Sociaal domein"), P("Wat willen we bereiken?"), P(Body), P("Wat gaan we daarvoor doen?"), P(Body), P("Programma 3 Wonen"), P(Body)]);
        var paragraphs = set.Passages.Where(p => p.Kind == PassageKind.Paragraph).ToList();
        Assert.Equal(["Programma 2 Sociaal domein", "Wat willen we bereiken?"], paragraphs[0].Headings);
        Assert.Equal(["Programma 2 Sociaal domein", "Wat gaan we daarvoor doen?"], paragraphs[1].Headings);
        Assert.Equal(["Programma 3 Wonen"], paragraphs[2].Headings);
    }

    [Fact]
    public void Headings_are_kept_as_heading_passages_with_their_ancestors()
    {
        var set = Builder.Build([H("BD 1 Zorg", 1), H("AP 1.1 Ontmoeting", 2)]);
        Assert.All(set.Passages, p => Assert.Equal(PassageKind.Heading, p.Kind));
        Assert.Empty(set.Passages[0].Headings);
        Assert.Equal(["BD 1 Zorg"], set.Passages[1].Headings);
    }

    [Fact]
    public void A_very_short_fragment_merges_with_its_neighbour_under_the_same_heading()
    {
        var set = Builder.Build([H("Inleiding", 1), P("Kort."), P(Body), H("Slot", 1), P(Body), P("12")]);
        var paragraphs = set.Passages.Where(p => p.Kind == PassageKind.Paragraph).ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("Kort. " + Body, paragraphs[0].Text);
        Assert.Equal(Body + " 12", paragraphs[1].Text);
    }

    [Fact]
    public void Short_fragments_never_merge_across_a_heading()
    {
        var set = Builder.Build([P(Body), H("Actie 1.1.1: Buurtpunt", 3), P("Kort.")]);
        Assert.Equal("Kort.", set.Passages[^1].Text);
    }

    [Fact]
    public void Numbered_list_items_stay_separate_even_when_short()
    {
        var set = Builder.Build([new Block(BlockKind.ListItem, "Meldpunt", listLabel: "1."), new Block(BlockKind.ListItem, "Campagne", listLabel: "2.")]);
        Assert.Equal(["1. Meldpunt", "2. Campagne"], set.Passages.Select(p => p.Text));
    }

    [Fact]
    public void An_overlong_paragraph_becomes_several_passages_under_the_same_heading()
    {
        var sentence = "We openen o.a. buurtpunten i.s.m. de verenigingen, bv. in de oude pastorij van Hoeve. ";
        var set = Builder.Build([H("Actie 1.1.1: Buurtpunten", 1), P(string.Concat(Enumerable.Repeat(sentence, 40)))]);
        var pieces = set.Passages.Where(p => p.Kind == PassageKind.Paragraph).ToList();
        Assert.True(pieces.Count >= 3);
        Assert.All(pieces, p => Assert.InRange(p.Text.Length, 200, 1200));
        Assert.All(pieces, p => Assert.EndsWith("Hoeve.", p.Text));
        Assert.All(pieces, p => Assert.Equal(["Actie 1.1.1: Buurtpunten"], p.Headings));
    }

    [Fact]
    public void A_table_row_carries_its_column_headers()
    {
        var set = Builder.Build([new Block(BlockKind.TableRow, "2026\t15.000 euro\tDienst vrije tijd", tableHeaders: ["Jaar", "Budget", "Partner"])]);
        Assert.Equal("Jaar: 2026; Budget: 15.000 euro; Partner: Dienst vrije tijd", set.Passages.Single().Text);
        Assert.Equal(PassageKind.TableRow, set.Passages.Single().Kind);
    }

    [Fact]
    public void Offsets_point_at_each_passage_in_the_plain_text()
    {
        var set = Builder.Build([H("BD 1 Zorg", 1), P(Body, page: 3), new Block(BlockKind.ListItem, "Een buurtpunt in elke deelkern van de gemeente", listLabel: "•")]);
        Assert.Equal(string.Join(PassageBuilder.Separator, set.Passages.Select(p => p.Text)), set.PlainText);
        foreach (var passage in set.Passages)
            Assert.Equal(passage.Text, set.PlainText[passage.Start..passage.End]);
        Assert.Equal(3, set.Passages[1].Page);
        Assert.Equal(Enumerable.Range(0, 3), set.Passages.Select(p => p.Ordinal));
    }

    [Fact]
    public void Blocks_without_text_produce_no_passages()
    {
        var set = Builder.Build([P("   "), P("\u00AD\u200B"), H(" ", 1)]);
        Assert.Empty(set.Passages);
        Assert.Equal(string.Empty, set.PlainText);
    }
}

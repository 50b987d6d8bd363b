using PolicyLens.Documents;
using PolicyLens.Passages;

namespace PolicyLens.Readers.Tests;

/// <summary>
/// Golden expectations for the Lindeveld fixture plan (tests/fixtures/documents, made by
/// make-fixtures.sh): the DOCX and ODT LibreOffice made from the HTML, the HTML itself and a
/// hand-written Markdown version must give the same passages with the same heading paths.
/// </summary>
public class SamePlanAcrossFormats
{
    private const string Title = "Meerjarenplan 2026–2031 gemeente Lindeveld";
    private const string Bd1 = "Beleidsdoelstelling 1: Lindeveld is een gemeente waar niemand er alleen voor staat";
    private const string Ap11 = "Actieplan 1.1: Ontmoeting dicht bij huis";
    private const string A111 = "Actie 1.1.1: We openen drie buurtpunten";
    private const string A112 = "Actie 1.1.2: We ondersteunen buurtfeesten";
    private const string Ap12 = "Actieplan 1.2: Eenzaamheid tijdig opmerken";
    private const string A121 = "Actie 1.2.1: We starten een netwerk van buurtankers";
    private const string Bd2 = "Beleidsdoelstelling 2: Lindeveld is toegankelijk voor iedereen";
    private const string Ap21 = "Actieplan 2.1: Vervoer op maat";
    private const string A211 = "Actie 2.1.1: We breiden de minder-mobielencentrale uit";

    public static TheoryData<string> Files => new() { "lindeveld-plan.docx", "lindeveld-plan.odt", "lindeveld-plan.html", "lindeveld-plan.md" };

    private static IngestionResult Read(string file)
    {
        var result = TestFiles.Ingest(TestFiles.Fixture(file));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_format_gives_the_plan_hierarchy_as_heading_paths(string file)
    {
        var headings = Read(file).Passages.Where(p => p.Kind == PassageKind.Heading).Select(p => string.Join(" > ", [.. p.Headings, p.Text])).ToList();
        Assert.Equal([
            Title,
            $"{Title} > {Bd1}",
            $"{Title} > {Bd1} > {Ap11}",
            $"{Title} > {Bd1} > {Ap11} > {A111}",
            $"{Title} > {Bd1} > {Ap11} > {A112}",
            $"{Title} > {Bd1} > {Ap12}",
            $"{Title} > {Bd1} > {Ap12} > {A121}",
            $"{Title} > {Bd2}",
            $"{Title} > {Bd2} > {Ap21}",
            $"{Title} > {Bd2} > {Ap21} > {A211}",
        ], headings);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_format_gives_the_same_passages(string file)
    {
        var reference = Read("lindeveld-plan.html");
        var result = Read(file);
        Assert.Equal(Title, result.Document!.Title);
        Assert.Equal(reference.Passages.Select(p => (p.Kind, p.Text, string.Join(" > ", p.Headings))), result.Passages.Select(p => (p.Kind, p.Text, string.Join(" > ", p.Headings))));
    }

    [Fact]
    public void The_long_action_paragraph_is_split_at_a_sentence_end_and_table_rows_carry_headers()
    {
        var passages = Read("lindeveld-plan.docx").Passages;
        var action = passages.Where(p => p.Kind == PassageKind.Paragraph && p.Headings.LastOrDefault() == A111).ToList();
        Assert.Equal(2, action.Count);
        Assert.All(action, p => Assert.True(p.Text.Length <= 1200));
        // The pieces put together give back the paragraph, and each ends at a sentence end.
        Assert.StartsWith("In de deelkernen Hoeve, Brempt en Zandloo", action[0].Text);
        Assert.EndsWith("via het digitale loket van de gemeente.", action[1].Text);
        Assert.DoesNotContain(action, p => p.Text.EndsWith("o.a.", StringComparison.Ordinal) || p.Text.EndsWith("bv.", StringComparison.Ordinal) || p.Text.EndsWith("art.", StringComparison.Ordinal));
        Assert.EndsWith(".", action[0].Text);
        Assert.Contains(passages, p => p.Kind == PassageKind.TableRow && p.Text == "Jaar: 2026; Budget: 15.000 euro; Partner: Dienst vrije tijd");
        Assert.Contains(passages, p => p.Kind == PassageKind.ListItem && p.Text == "1. We werven tien extra vrijwillige chauffeurs.");
    }
}

using PolicyLens.Passages;

namespace PolicyLens.Readers.Tests;

public sealed class OdtReading : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Sentence = "De gemeente opent buurtpunten in elke deelkern van Lindeveld.";

    [Fact]
    public void Headings_take_their_outline_level_and_nest()
    {
        var result = TestFiles.Ingest(_files.Odt("plan.odt",
            "<text:h text:outline-level=\"1\">Zorg</text:h><text:h text:outline-level=\"2\">Ontmoeting</text:h><text:p>" + Sentence + "</text:p>"));
        Assert.Equal(["Zorg", "Ontmoeting"], result.Passages[^1].Headings);
    }

    [Fact]
    public void Tracked_deletions_and_annotations_are_skipped_and_spaces_between_spans_survive()
    {
        var content = "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><text:p>WEGGEHAALD</text:p></text:deletion></text:changed-region></text:tracked-changes>" +
                      "<text:p><text:span>We openen</text:span> <text:span>drie</text:span><text:change text:change-id=\"c1\"/> buurtpunten<office:annotation><text:p>NOTITIE</text:p></office:annotation> in de gemeente Lindeveld.</text:p>";
        var result = TestFiles.Ingest(_files.Odt("plan.odt", content));
        Assert.Equal("We openen drie buurtpunten in de gemeente Lindeveld.", result.Passages.Single().Text);
    }

    [Fact]
    public void Numbered_lists_get_numbers_from_their_list_style()
    {
        var styles = "<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/></text:list-style>";
        var result = TestFiles.Ingest(_files.Odt("plan.odt",
            "<text:list text:style-name=\"L1\"><text:list-item><text:p>Chauffeurs werven</text:p></text:list-item><text:list-item><text:p>Ritprijs verlagen</text:p></text:list-item></text:list>", styles));
        Assert.Equal(["1. Chauffeurs werven", "2. Ritprijs verlagen"], result.Passages.Select(p => p.Text));
        Assert.All(result.Passages, p => Assert.Equal(PassageKind.ListItem, p.Kind));
    }

    [Fact]
    public void Table_rows_carry_the_header_row()
    {
        static string Cell(string t) => $"<table:table-cell><text:p>{t}</text:p></table:table-cell>";
        var table = "<table:table><table:table-header-rows><table:table-row>" + Cell("Jaar") + Cell("Budget") + "</table:table-row></table:table-header-rows>" +
                    "<table:table-row>" + Cell("2026") + Cell("15.000 euro") + "</table:table-row></table:table>";
        var result = TestFiles.Ingest(_files.Odt("plan.odt", table));
        Assert.Equal("Jaar: 2026; Budget: 15.000 euro", result.Passages.Single().Text);
    }

    [Fact]
    public void Notes_are_appended_at_the_end()
    {
        var result = TestFiles.Ingest(_files.Odt("plan.odt",
            "<text:p>" + Sentence + "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>Bron: eigen bevraging.</text:p></text:note-body></text:note></text:p>"));
        Assert.Equal([Sentence, "Voetnoten", "[1] Bron: eigen bevraging."], result.Passages.Select(p => p.Text));
    }
}

using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tests;

public sealed class DocxReading : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string P(string text, string? style = null, string? numPr = null) =>
        $"<w:p><w:pPr>{(style is null ? "" : $"<w:pStyle w:val=\"{style}\"/>")}{numPr ?? ""}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    private const string DutchStyles =
        "<w:style w:type=\"paragraph\" w:styleId=\"Standaard\"><w:name w:val=\"Normal\"/></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Kop1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Standaard\"/></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Standaard\"/></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Actiekop\"><w:name w:val=\"Actiekop\"/><w:basedOn w:val=\"Kop2\"/></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Overzicht\"><w:name w:val=\"Overzicht\"/><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Inhopg1\"><w:name w:val=\"toc 1\"/></w:style>";

    private IngestionResult Read(string body, string? styles = DutchStyles, string? numbering = null, string? footnotes = null, string? header = null) =>
        TestFiles.Ingest(_files.Docx("plan.docx", body, styles, numbering, footnotes, header));

    private const string Sentence = "De gemeente opent buurtpunten in elke deelkern van Lindeveld.";

    [Fact]
    public void A_heading_style_named_heading_1_with_the_Dutch_id_Kop1_becomes_a_level_one_heading()
    {
        var result = Read(P("Inleiding", "Kop1") + P(Sentence, "Standaard"));
        Assert.Equal(PassageKind.Heading, result.Passages[0].Kind);
        Assert.Equal(["Inleiding"], result.Passages[1].Headings);
    }

    [Fact]
    public void A_custom_style_inherits_its_heading_level_through_basedOn()
    {
        var result = Read(P("Hoofdstuk", "Kop1") + P("Onderdeel", "Actiekop") + P(Sentence));
        Assert.Equal(["Hoofdstuk", "Onderdeel"], result.Passages[^1].Headings);
    }

    [Fact]
    public void A_style_with_an_outline_level_is_a_heading_of_that_level()
    {
        var result = Read(P("Hoofdstuk", "Kop1") + P("Sectie", "Kop2") + P("Overzicht", "Overzicht") + P(Sentence));
        Assert.Equal(["Hoofdstuk", "Sectie", "Overzicht"], result.Passages[^1].Headings);
    }

    [Fact]
    public void Table_of_contents_paragraphs_are_skipped()
    {
        var result = Read(P("Inleiding\t3", "Inhopg1") + P("Inleiding", "Kop1") + P(Sentence));
        Assert.DoesNotContain(result.Passages, p => p.Text.Contains('3'));
    }

    private const string Numbering =
        "<w:abstractNum w:abstractNumId=\"0\">" +
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>" +
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum>" +
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uF0B7\"/></w:lvl></w:abstractNum>" +
        "<w:abstractNum w:abstractNumId=\"2\">" +
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\"/><w:pStyle w:val=\"Kop1\"/></w:lvl>" +
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/><w:pStyle w:val=\"Kop2\"/></w:lvl></w:abstractNum>" +
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>" +
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>" +
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>" +
        "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>";

    private static string Num(int numId, int ilvl = 0) => $"<w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{numId}\"/></w:numPr>";

    [Fact]
    public void List_numbers_are_computed_per_numId_from_lvlText_and_the_number_format()
    {
        var result = Read(P("Buurtpunten openen", numPr: Num(1)) + P("in Hoeve", numPr: Num(1, 1)) + P("in Brempt", numPr: Num(1, 1))
                          + P("Buurtfeesten steunen", numPr: Num(1)) + P("Vrijwilligers werven", numPr: Num(4)) + P("Een opsomming met een bolletje", numPr: Num(2)),
            numbering: Numbering);
        Assert.Equal(["1. Buurtpunten openen", "a) in Hoeve", "b) in Brempt", "2. Buurtfeesten steunen", "5. Vrijwilligers werven", "Een opsomming met een bolletje"],
            result.Passages.Select(p => p.Text));
        Assert.All(result.Passages, p => Assert.Equal(PassageKind.ListItem, p.Kind));
    }

    [Fact]
    public void Heading_numbers_from_the_style_numbering_become_part_of_the_heading()
    {
        var styles = DutchStyles.Replace("<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Standaard\"/>", "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Standaard\"/><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr>")
                            .Replace("<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Standaard\"/>", "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Standaard\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>");
        var result = Read(P("Zorg", "Kop1") + P("Ontmoeting", "Kop2") + P("Vervoer", "Kop2") + P(Sentence), styles, Numbering);
        Assert.Equal(["1 Zorg", "1.2 Vervoer"], result.Passages[^1].Headings);
    }

    [Fact]
    public void Tracked_deletions_moved_text_and_field_codes_are_not_read()
    {
        var body = "<w:p><w:r><w:t xml:space=\"preserve\">We openen </w:t></w:r>" +
                   "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>twee</w:delText></w:r></w:del>" +
                   "<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>drie</w:t></w:r></w:ins>" +
                   "<w:moveFrom w:id=\"3\" w:author=\"x\"><w:r><w:t>VERPLAATST</w:t></w:r></w:moveFrom>" +
                   "<w:r><w:t xml:space=\"preserve\"> buurtpunten (zie pagina </w:t></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc1 \\h </w:instrText></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                   "<w:r><w:t>) in de gemeente Lindeveld.</w:t></w:r></w:p>";
        var result = Read(body);
        Assert.Equal("We openen drie buurtpunten (zie pagina 4) in de gemeente Lindeveld.", result.Passages.Single().Text);
    }

    [Fact]
    public void Tabs_and_line_breaks_separate_words()
    {
        var result = Read("<w:p><w:r><w:t>Buurtpunt</w:t><w:tab/><w:t>Hoeve</w:t><w:br/><w:t>en Brempt, twee nieuwe ontmoetingsplekken.</w:t></w:r></w:p>");
        Assert.Equal("Buurtpunt Hoeve en Brempt, twee nieuwe ontmoetingsplekken.", result.Passages.Single().Text);
    }

    [Fact]
    public void Footnotes_are_appended_under_their_own_heading_and_separators_are_skipped()
    {
        var footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>" +
                        "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>" +
                        "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Bron: eigen bevraging bij 400 inwoners.</w:t></w:r></w:p></w:footnote>";
        var body = "<w:p><w:r><w:t>" + Sentence + "</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
        var result = Read(body, footnotes: footnotes);
        Assert.Equal([Sentence, "Voetnoten", "[1] Bron: eigen bevraging bij 400 inwoners."], result.Passages.Select(p => p.Text));
        Assert.Equal(["Voetnoten"], result.Passages[^1].Headings);
    }

    [Fact]
    public void Text_box_content_follows_its_paragraph_once_even_with_a_fallback_copy()
    {
        static string Box(string text) => $"<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>";
        var body = "<w:p><w:r><w:t>" + Sentence + "</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">" + Box("Kader: elke woensdag soep in het buurtpunt.") +
                   "</mc:Choice><mc:Fallback>" + Box("Kader: elke woensdag soep in het buurtpunt.") + "</mc:Fallback></mc:AlternateContent></w:r></w:p>";
        var result = Read(body);
        Assert.Equal([Sentence, "Kader: elke woensdag soep in het buurtpunt."], result.Passages.Select(p => p.Text));
    }

    [Fact]
    public void Headers_and_comments_are_not_read()
    {
        var body = "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>" + Sentence + "</w:t></w:r><w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>";
        var result = Read(body, header: "<w:p><w:r><w:t>Gemeente Lindeveld – vertrouwelijk</w:t></w:r></w:p>");
        Assert.Equal(Sentence, result.Passages.Single().Text);
    }

    [Fact]
    public void A_table_row_carries_the_marked_header_row_and_a_one_column_table_reads_as_paragraphs()
    {
        static string Cell(string text) => $"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>";
        var table = "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>" + Cell("Actie") + Cell("Timing") + "</w:tr>" +
                    "<w:tr>" + Cell("Buurtpunt openen") + Cell("2027") + "</w:tr></w:tbl>";
        var box = "<w:tbl><w:tr>" + Cell("Wat is een buurtpunt? Een huiskamer voor de hele wijk, open voor iedereen.") + "</w:tr></w:tbl>";
        var result = Read(table + box);
        Assert.Equal("Actie: Buurtpunt openen; Timing: 2027", result.Passages[0].Text);
        Assert.Equal(PassageKind.TableRow, result.Passages[0].Kind);
        Assert.Equal(PassageKind.Paragraph, result.Passages[1].Kind);
    }

    [Fact]
    public void The_metadata_title_is_the_document_title()
    {
        var path = _files.Docx("titel.docx", P(Sentence), title: "Meerjarenplan Lindeveld");
        Assert.Equal("Meerjarenplan Lindeveld", TestFiles.Ingest(path).Document!.Title);
    }
}

using PolicyLens.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>The layout analyzer on synthetic pages: positions in, blocks out, no poppler involved.</summary>
public sealed class PdfLayoutAnalysis
{
    private const double PageWidth = 595, PageHeight = 842;

    private static PdfTextRun Run(double x, double y, string text, double size = 10, bool bold = false, bool italic = false, double? width = null) =>
        new(x, y, width ?? text.Length * size * 0.5, size * 1.2, size, bold, italic, text);

    private static PdfPageText Page(int number, params PdfTextRun[] runs) => new(number, PageWidth, PageHeight, runs);

    private static IReadOnlyList<Block> Analyze(params PdfPageText[] pages) => new PdfLayoutAnalyzer().Analyze(pages).Blocks;

    /// <summary>Body lines of one paragraph, 12 pt apart, full width except the last.</summary>
    private static IEnumerable<PdfTextRun> Paragraph(double x, double y, double width, params string[] lines) =>
        lines.Select((t, i) => Run(x, y + 12 * i, t, width: i == lines.Length - 1 ? width * 0.5 : width));

    [Fact]
    public void Lines_larger_than_the_body_text_become_headings_ranked_by_size()
    {
        var runs = new List<PdfTextRun>
        {
            Run(50, 100, "Hoofdstuk over ontmoeting", 18, bold: true),
            Run(50, 130, "Een kleinere kop", 14, bold: true),
        };
        runs.AddRange(Paragraph(50, 160, 480, "De eerste regel van de tekst loopt tot de rechterkant van de", "bladspiegel en gaat dan verder op de volgende regel van de", "pagina tot de zin eindelijk stopt."));
        runs.Add(Run(50, 220, "Nog een kleinere kop", 14, bold: true));
        runs.AddRange(Paragraph(50, 245, 480, "Weer een alinea met gewone tekst die over twee regels", "verdeeld is."));

        var blocks = Analyze(Page(1, [.. runs]));

        Assert.Equal(
            ["Heading1:Hoofdstuk over ontmoeting", "Heading2:Een kleinere kop", "Paragraph0:De eerste regel van de tekst loopt tot de rechterkant van de bladspiegel en gaat dan verder op de volgende regel van de pagina tot de zin eindelijk stopt.", "Heading2:Nog een kleinere kop", "Paragraph0:Weer een alinea met gewone tekst die over twee regels verdeeld is."],
            blocks.Select(b => $"{b.Kind}{b.HeadingLevel}:{b.Text}"));
    }

    [Fact]
    public void A_bold_line_at_body_size_is_a_heading_below_the_larger_ones()
    {
        var runs = new List<PdfTextRun> { Run(50, 100, "Grote kop", 16, bold: true), Run(50, 130, "Actie 2.3.1 Een vetgedrukte kop", 10, bold: true) };
        runs.AddRange(Paragraph(50, 150, 480, "Gewone tekst die de meeste tekens van de pagina bevat en dus", "de broodtekst is, zodat de vette regel erboven opvalt als kop.", "Nog een regel gewone tekst om het af te leren."));
        var blocks = Analyze(Page(1, [.. runs]));
        Assert.Equal((BlockKind.Heading, 2), (blocks[1].Kind, blocks[1].HeadingLevel));
        Assert.Equal("Actie 2.3.1 Een vetgedrukte kop", blocks[1].Text);
    }

    [Fact]
    public void A_bold_sentence_at_body_size_is_emphasis_not_a_heading()
    {
        var runs = new List<PdfTextRun> { Run(50, 100, "Let op: aanvragen moeten voor 1 maart binnen zijn.", 10, bold: true) };
        runs.AddRange(Paragraph(50, 125, 480, "Gewone tekst die de meeste tekens van de pagina bevat en dus", "de broodtekst is van deze korte pagina."));
        var blocks = Analyze(Page(1, [.. runs]));
        Assert.Equal(BlockKind.Paragraph, blocks[0].Kind);
    }

    [Fact]
    public void A_running_header_with_changing_page_numbers_and_a_bare_page_number_are_removed()
    {
        var pages = Enumerable.Range(1, 4).Select(n => Page(n,
            [
                Run(50, 30, $"Beleidsplan Oudenbeek – pagina {n} van 4", 8),
                .. Paragraph(50, 80, 480, $"Tekst van pagina {n} die gewoon doorloopt tot aan de rand van", "de tekstkolom en daarna eindigt met een punt."),
                Run(290, 800, n.ToString(), 8),
            ])).ToArray();

        var layout = new PdfLayoutAnalyzer().Analyze(pages);

        Assert.Equal(4, layout.Blocks.Count);
        Assert.All(layout.Blocks, b => Assert.StartsWith("Tekst van pagina", b.Text));
        Assert.Equal(8, layout.RemovedLines.Count);
    }

    [Fact]
    public void Headers_that_alternate_between_odd_and_even_pages_are_removed()
    {
        var pages = Enumerable.Range(1, 4).Select(n => Page(n,
            [
                Run(50, 30, n % 2 == 1 ? "Meerjarenplan 2026-2031" : "Gemeente Oudenbeek", 8, italic: true),
                .. Paragraph(50, 80, 480, $"Gewone tekst op blad {n} die tot aan de rechterkant van de kolom", "loopt en dan stopt."),
            ])).ToArray();

        var blocks = Analyze(pages);

        Assert.Equal(4, blocks.Count);
        Assert.DoesNotContain(blocks, b => b.Text.Contains("Meerjarenplan") || b.Text.Contains("Gemeente Oudenbeek"));
    }

    [Fact]
    public void A_document_of_one_line_pages_is_content_not_running_headers()
    {
        // The attack run's 5,000 one-line pages were refused as "only headers and footers".
        var pages = Enumerable.Range(1, 200).Select(n => Page(n, Run(50, 40, $"Regel {n}: de gemeente zoekt eenzame ouderen op."))).ToArray();
        var blocks = Analyze(pages);
        Assert.Equal(200, blocks.Count);
        Assert.Equal("Regel 7: de gemeente zoekt eenzame ouderen op.", blocks[6].Text);
    }

    [Fact]
    public void A_running_header_also_goes_from_pages_where_it_stands_alone()
    {
        var pages = Enumerable.Range(1, 6).Select(n => n == 4
            ? Page(n, Run(50, 30, "Beleidsplan Oudenbeek", 8))
            : Page(n, [Run(50, 30, "Beleidsplan Oudenbeek", 8), .. Paragraph(50, 80, 480, $"Tekst van pagina {n} die gewoon doorloopt tot aan de rand van", "de tekstkolom en daarna eindigt met een punt.")])).ToArray();
        Assert.DoesNotContain(Analyze(pages), b => b.Text.Contains("Oudenbeek", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_heading_on_top_of_many_pages_is_not_mistaken_for_a_running_header()
    {
        var pages = Enumerable.Range(1, 6).Select(n => Page(n,
            [
                Run(50, 40, "Samen tegen eenzaamheid", 18, bold: true),
                .. Paragraph(50, 66, 480, $"Deel {n} van de bundel begint meteen onder zijn titel en loopt", "door tot het einde."),
            ])).ToArray();

        var blocks = Analyze(pages);

        Assert.Equal(6, blocks.Count(b => b.Kind == BlockKind.Heading && b.Text == "Samen tegen eenzaamheid"));
    }

    [Fact]
    public void Two_columns_are_read_left_then_right_without_interleaving()
    {
        var runs = new List<PdfTextRun> { Run(50, 60, "Titel over de hele breedte", 18, bold: true, width: 495) };
        for (var i = 0; i < 12; i++)
        {
            var end = i == 11 ? "." : "";
            runs.Add(Run(50, 100 + 12 * i, $"Links regel {i} loopt hier door{end}", width: i == 11 ? 120 : 230));
            runs.Add(Run(315, 100 + 12 * i, $"Rechts regel {i} loopt hier door{end}", width: i == 11 ? 120 : 230));
        }

        var blocks = Analyze(Page(1, [.. runs]));

        Assert.Equal(["Titel over de hele breedte", "Links", "Rechts"], blocks.Select(b => b.Text.Split(' ')[0] == "Titel" ? b.Text : b.Text.Split(' ')[0]));
        Assert.Equal(string.Join(" ", Enumerable.Range(0, 12).Select(i => $"Links regel {i} loopt hier door")) + ".", blocks[1].Text);
    }

    [Fact]
    public void A_table_gives_rows_with_header_cells_and_never_glues_cells_of_different_rows()
    {
        PdfTextRun Cell(double x, double y, string t, bool bold = false) => Run(x, y, t, 9, bold, width: t.Length * 4.5);
        var runs = new List<PdfTextRun>
        {
            Cell(50, 100, "Actie", true), Cell(220, 100, "Trekker", true), Cell(390, 100, "Timing", true),
            Cell(50, 122, "Zondagscafé"), Cell(220, 122, "Dienst welzijn samen"), Cell(390, 122, "2026"),
            Cell(220, 133, "met de vzw"),
            Cell(50, 155, "Babbellijn"), Cell(220, 155, "Sociaal huis"), Cell(390, 155, "2027"),
        };
        var blocks = Analyze(Page(1, [.. runs]));

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(BlockKind.TableRow, b.Kind));
        Assert.All(blocks, b => Assert.Equal(["Actie", "Trekker", "Timing"], b.TableHeaders));
        Assert.Equal("Zondagscafé\tDienst welzijn samen met de vzw\t2026", blocks[0].Text);
        Assert.Equal("Babbellijn\tSociaal huis\t2027", blocks[1].Text);
    }

    [Fact]
    public void In_a_table_without_cell_padding_a_line_filling_every_column_starts_a_new_row()
    {
        PdfTextRun Cell(double x, double y, string t) => Run(x, y, t, 9, width: t.Length * 4.5);
        var blocks = Analyze(Page(1,
            Cell(50, 100, "Zondagscafé in"), Cell(220, 100, "Dienst welzijn"), Cell(390, 100, "2026"),
            Cell(50, 111, "het buurthuis"),
            Cell(50, 122, "Babbellijn"), Cell(220, 122, "Sociaal huis"), Cell(390, 122, "2027")));

        Assert.Equal(["Zondagscafé in het buurthuis\tDienst welzijn\t2026", "Babbellijn\tSociaal huis\t2027"], blocks.Select(b => b.Text));
    }

    [Fact]
    public void In_a_tight_table_each_line_is_a_row_even_when_the_engine_merged_two_cells_into_one_run()
    {
        // As pdftohtml gives a LibreOffice budget table: centred bold headers, rows one line apart,
        // and "Sociale vaardigheden op school" glued to the amount of the next column.
        PdfTextRun Cell(double x, double y, string t, bool bold = false, double? width = null) => Run(x, y, t, 12, bold, width: width ?? t.Length * 6.5);
        var blocks = Analyze(Page(1,
            Cell(120, 100, "Onderdeel", true), Cell(262, 100, "Lasten 2026 Lasten 2027", true, width: 150),
            Cell(60, 115, "Coalitie tegen eenzaamheid"), Cell(260, 115, "85.000"), Cell(340, 115, "85.000"),
            Cell(60, 130, "Sociale vaardigheden op school 40.000", width: 235), Cell(340, 130, "42.000"),
            Cell(60, 145, "Mantelzorgondersteuning"), Cell(260, 145, "150.000"), Cell(340, 145, "150.000")));

        Assert.True(blocks.Count == 3, PdfFixtures.Dump(blocks));
        Assert.Equal(
            ["Coalitie tegen eenzaamheid\t85.000\t85.000", "Sociale vaardigheden op school\t40.000\t42.000", "Mantelzorgondersteuning\t150.000\t150.000"],
            blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(["Onderdeel", "Lasten 2026", "Lasten 2027"], b.TableHeaders));
    }

    [Fact]
    public void In_a_tight_table_a_lowercase_line_in_the_first_column_continues_its_row()
    {
        PdfTextRun Cell(double x, double y, string t) => Run(x, y, t, 9, width: t.Length * 4.5);
        var blocks = Analyze(Page(1,
            Cell(50, 100, "Zondagscafé in"), Cell(220, 100, "Dienst welzijn"), Cell(390, 100, "2026"),
            Cell(50, 111, "het buurthuis"), Cell(220, 111, "en vrijwilligers"),
            Cell(50, 122, "Babbellijn"), Cell(220, 122, "Sociaal huis")));

        Assert.Equal(["Zondagscafé in het buurthuis\tDienst welzijn en vrijwilligers\t2026", "Babbellijn\tSociaal huis\t"], blocks.Select(b => b.Text));
    }

    [Fact]
    public void Bullets_start_list_items_and_hanging_lines_continue_them()
    {
        var blocks = Analyze(Page(1,
            Run(60, 100, "• eerste punt dat over twee regels", width: 400),
            Run(72, 112, "verdeeld is"),
            Run(60, 124, "• tweede punt"),
            Run(60, 136, "– derde punt met een streepje")));

        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(BlockKind.ListItem, b.Kind));
        Assert.Equal(("•", "eerste punt dat over twee regels verdeeld is"), (blocks[0].ListLabel, blocks[0].Text));
        Assert.Equal(("–", "derde punt met een streepje"), (blocks[2].ListLabel, blocks[2].Text));
    }

    [Fact]
    public void A_bullet_glyph_from_a_symbol_font_set_apart_from_its_text_still_starts_one_list_item()
    {
        var blocks = Analyze(Page(1,
            Run(60, 100, "\uF0B7", width: 4),
            Run(78, 100, "een punt met een Wingdings-bolletje", width: 200),
            Run(60, 112, "\uF0B7", width: 4),
            Run(78, 112, "nog een punt", width: 80)));

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(BlockKind.ListItem, b.Kind));
        Assert.Equal("een punt met een Wingdings-bolletje", blocks[0].Text);
    }

    [Fact]
    public void A_table_continued_at_the_top_of_the_next_page_keeps_the_header_cells()
    {
        PdfTextRun Cell(double x, double y, string t, bool bold = false) => Run(x, y, t, 9, bold, width: t.Length * 4.5);
        var blocks = Analyze(
            Page(1, Cell(50, 700, "Actie", true), Cell(250, 700, "Trekker", true), Cell(50, 720, "Buurtfeest"), Cell(250, 720, "Dienst welzijn"), Cell(50, 740, "Babbellijn"), Cell(250, 740, "Sociaal huis")),
            Page(2, Cell(50, 60, "Deelkasten"), Cell(250, 60, "Buurtambassadeurs"), Cell(50, 80, "Woonadvies"), Cell(250, 80, "Woonconsulent")));

        Assert.True(blocks.Count == 4, PdfFixtures.Dump(blocks));
        Assert.All(blocks, b => Assert.Equal(["Actie", "Trekker"], b.TableHeaders));
        Assert.Equal("Woonadvies\tWoonconsulent", blocks[3].Text);
        Assert.Equal(2, blocks[3].Page);
    }

    [Fact]
    public void A_paragraph_cut_by_a_page_break_continues_on_the_next_page()
    {
        var blocks = Analyze(
            Page(1, [.. Paragraph(50, 680, 480, "Een eerste alinea die gewoon eindigt op deze pagina en", "netjes stopt."), Run(50, 720, "Deze zin begint onderaan de pagina en de ontmoetings-", width: 480)]),
            Page(2, [.. Paragraph(50, 80, 480, "plekken komen pas op de volgende pagina, waar de zin", "eindigt.")]));

        Assert.Equal(2, blocks.Count);
        Assert.Equal("Deze zin begint onderaan de pagina en de ontmoetingsplekken komen pas op de volgende pagina, waar de zin eindigt.", blocks[1].Text);
        Assert.Equal(1, blocks[1].Page);
    }

    [Fact]
    public void A_larger_gap_or_a_first_line_indent_starts_a_new_paragraph()
    {
        var blocks = Analyze(Page(1,
            Run(50, 100, "Eerste alinea, eerste regel die tot aan de rand van de kolom", width: 480),
            Run(50, 112, "loopt, en tweede regel", width: 480),
            Run(50, 132, "Tweede alinea na een witregel die ook tot aan de rand loopt", width: 480),
            Run(50, 144, "en verder gaat", width: 480),
            Run(70, 156, "Derde alinea, ingesprongen zonder witruimte erboven", width: 460),
            Run(50, 168, "met nog een regel.", width: 200)));

        Assert.Equal(3, blocks.Count);
        Assert.StartsWith("Tweede alinea", blocks[1].Text);
        Assert.Equal("Derde alinea, ingesprongen zonder witruimte erboven met nog een regel.", blocks[2].Text);
    }

    [Fact]
    public void Footnote_markers_glued_to_the_footnote_text_are_separated()
    {
        var blocks = Analyze(Page(1,
            [.. Paragraph(50, 100, 480, "Een gewone alinea met genoeg tekst om de broodtekst te zijn van", "deze pagina, ook al is ze kort."),
            Run(50, 760, "1Bron: bevraging van de seniorenraad.", 7)]));
        Assert.Equal("1 Bron: bevraging van de seniorenraad.", blocks[^1].Text);
    }

    [Theory]
    [InlineData("pagina 3 van 40", "pagina # van ##")]
    [InlineData("  Meerjarenplan   2026 ", "meerjarenplan ####")]
    public void Repeat_keys_ignore_digits_case_and_spacing(string text, string key) =>
        Assert.Equal(key, PdfLayoutAnalyzer.RepeatKey(text));
}

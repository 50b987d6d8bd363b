using PolicyLens.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>The fixtures exported from LibreOffice read back into the blocks we expect.</summary>
public sealed class PdfReading
{
    // Lines of page furniture in the fixtures (see sources/head.xml); never part of the body.
    private static readonly string[] RunningLines =
    [
        "meerjarenplan 2026-2031 van de gemeente Oudenbeek",
        "Gemeente Oudenbeek · Lokaal sociaal beleid",
        "pagina",
    ];

    [Theory]
    [InlineData("plan")]
    [InlineData("two-columns")]
    [InlineData("two-columns-narrow")]
    [InlineData("table")]
    [InlineData("mixed-scan")]
    public void Each_fixture_reads_into_its_golden_blocks(string name)
    {
        var output = PdfFixtures.Read(name + ".pdf");
        Assert.DoesNotContain(output.Issues, i => i.Severity == IssueSeverity.Error);
        var actual = PdfFixtures.Dump(output.Blocks);
        var goldenPath = Path.Combine(PdfFixtures.Folder, "golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("POLICYLENS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
        }
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("two-columns")]
    [InlineData("two-columns-narrow")]
    [InlineData("table")]
    public void At_least_98_percent_of_the_source_words_come_back(string name)
    {
        var output = PdfFixtures.Read(name + ".pdf");
        var recall = PdfFixtures.WordRecall(PdfFixtures.SourceText(name), string.Join("\n", output.Blocks.Select(b => string.Join(" ", b.TableHeaders) + " " + b.Text)));
        Assert.True(recall >= 0.98, $"word recall of {name}.pdf is {recall:P1}");
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("two-columns")]
    [InlineData("encrypted-owner-only")]
    public void Running_headers_footers_and_page_numbers_never_reach_the_body(string name)
    {
        var output = PdfFixtures.Read(name + ".pdf");
        foreach (var block in output.Blocks)
            foreach (var running in RunningLines)
                Assert.DoesNotContain(running, block.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Justified_columns_with_a_gutter_narrower_than_a_space_are_read_column_by_column()
    {
        // The gutter (0.3 cm) is narrower than the font size, so a full left line and the right
        // line beside it touch; read as one table they would glue words and lose the paragraphs.
        var output = PdfFixtures.Read("two-columns-narrow.pdf");
        var paragraphs = output.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();
        Assert.DoesNotContain(output.Blocks, b => b.Kind == BlockKind.TableRow);
        var source = PdfFixtures.SourceText("two-columns-narrow").Split('\n').Where(l => l.Length > 150).ToList();
        Assert.Equal(10, source.Count);
        // Each source paragraph comes back whole, in reading order: left column first, then right.
        var found = source.Select(s => paragraphs.FindIndex(p => Normalise(p) == Normalise(s))).ToList();
        Assert.DoesNotContain(-1, found);
        Assert.Equal(found.Order(), found);
    }

    private static string Normalise(string text) => string.Join(" ", text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_plan_gives_heading_levels_by_font_size_and_the_pages_they_start_on()
    {
        var blocks = PdfFixtures.Read("plan.pdf").Blocks;
        var headings = blocks.Where(b => b.Kind == BlockKind.Heading).ToList();
        Assert.Equal((1, 1), Level(headings, "Samen tegen eenzaamheid in Oudenbeek"));
        Assert.Equal((2, 1), Level(headings, "BD 1 Iedereen vindt een plek om anderen te ontmoeten"));
        Assert.Equal((3, 1), Level(headings, "AP 1.1 Ontmoetingsruimten in elke deelgemeente"));
        Assert.Equal((4, 2), Level(headings, "Actie 1.1.2 We richten een tweede ontmoetingsruimte in het oude station in"));
        Assert.Equal((2, 4), Level(headings, "BD 4 Wonen en mobiliteit houden mensen verbonden"));

        static (int Level, int? Page) Level(List<Block> headings, string text)
        {
            var h = Assert.Single(headings, b => b.Text == text);
            return (h.HeadingLevel, h.Page);
        }
    }

    [Fact]
    public void Dutch_diacritics_quotes_and_dashes_survive()
    {
        var text = string.Join("\n", PdfFixtures.Read("plan.pdf").Blocks.Select(b => b.Text));
        Assert.Contains("geïsoleerd", text);
        Assert.Contains("één laagdrempelige", text);
        Assert.Contains("’s avonds", text);
        Assert.Contains("naïeve vraag „waar kom je vandaan?”", text);
        Assert.Contains("vrijwilliger – want", text);
        Assert.Contains("zorg- en welzijnsbeleid", text);
        Assert.Contains("oud-strijders", text);
    }

    [Fact]
    public void A_word_that_LibreOffice_hyphenated_at_a_line_end_comes_back_whole()
    {
        var runs = new PopplerTextSource().Extract(PdfFixtures.PathOf("plan.pdf"), 10).Pages.SelectMany(p => p.Runs);
        Assert.Contains(runs, r => r.Text.TrimEnd().EndsWith("de huis-"));   // the fixture really breaks the word
        var text = string.Join("\n", PdfFixtures.Read("plan.pdf").Blocks.Select(b => b.Text));
        Assert.Contains("de huisartsenkring en", text);
    }

    [Fact]
    public void Bullets_and_numbers_become_list_items_with_their_label()
    {
        var items = PdfFixtures.Read("plan.pdf").Blocks.Where(b => b.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(["•", "•", "•", "1.", "2."], items.Select(i => i.ListLabel));
        Assert.Equal("een vervoersdienst voor wie niet meer zelf tot bij het buurthuis geraakt, ook vanuit de verst afgelegen gehuchten;", items[1].Text);
        Assert.Equal(2, items[1].Page);
    }

    [Fact]
    public void Footnotes_are_kept_as_their_own_paragraph_after_the_text_of_their_page()
    {
        var blocks = PdfFixtures.Read("plan.pdf").Blocks.ToList();
        var footnote = Assert.Single(blocks, b => b.Text.StartsWith("1 De inventaris van de zalen"));
        Assert.Equal(BlockKind.Paragraph, footnote.Kind);
        Assert.Equal(1, footnote.Page);
        Assert.Equal(2, blocks[blocks.IndexOf(footnote) + 1].Page);
    }

    [Fact]
    public void Two_columns_are_read_one_after_the_other_without_interleaving()
    {
        var blocks = PdfFixtures.Read("two-columns.pdf").Blocks.ToList();
        var texts = blocks.Select(b => b.Text).ToList();
        int Index(string start) => texts.FindIndex(t => t.StartsWith(start, StringComparison.Ordinal));

        var left = Index("In de linkerkolom begint");
        var leftEnd = Index("Bij een verhuis naar een woonzorgcentrum");
        var right = Index("Het welkomstpakket bevat");
        var rightEnd = Index("In de rechterkolom eindigt");
        Assert.True(left >= 0 && leftEnd > left && right > leftEnd && rightEnd > right, string.Join("\n", texts));
        // The paragraph that runs from the bottom of the left column into the right one stays whole.
        Assert.EndsWith("vroegere buur doet vaak meer dan een georganiseerde activiteit.", texts[leftEnd]);
        // Every paragraph is a sentence sequence of one column: none mixes left and right words.
        Assert.DoesNotContain(texts, t => t.Contains("linkerkolom") && t.Contains("rechterkolom"));
    }

    [Fact]
    public void A_table_gives_one_row_per_table_row_with_its_header_cells()
    {
        var rows = PdfFixtures.Read("table.pdf").Blocks.Where(b => b.Kind == BlockKind.TableRow).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(["Actie", "Trekker", "Timing"], r.TableHeaders));
        Assert.Equal("Zondagscafé in het buurthuis\tDienst welzijn samen met de vzw van het buurthuis\tvanaf 2026", rows[0].Text);
        Assert.Equal("Opleiding voor signaalgevers zoals apothekers, kappers en postbodes\tSociaal huis en huisartsenkring\telk najaar", rows[2].Text);
        Assert.Equal("Koppeling van scholen aan woonzorgcentra\tDienst onderwijs\tschooljaar 2026-2027 en later", rows[3].Text);
    }

    [Fact]
    public void A_page_without_text_layer_is_a_warning_and_the_other_pages_are_read()
    {
        var output = PdfFixtures.Read("mixed-scan.pdf");
        var warning = Assert.Single(output.Issues);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(2, warning.Page);
        Assert.Contains("page 2 has no text layer; OCR is not enabled", warning.Message);
        Assert.Contains(output.Blocks, b => b.Page == 1);
        Assert.Contains(output.Blocks, b => b.Page == 3);
        Assert.DoesNotContain(output.Blocks, b => b.Page == 2);
    }

    [Fact]
    public void A_pdf_with_only_an_owner_password_is_read_like_any_other()
    {
        var plain = PdfFixtures.Dump(PdfFixtures.Read("plan.pdf").Blocks);
        var protectedCopy = PdfFixtures.Read("encrypted-owner-only.pdf");
        Assert.Empty(protectedCopy.Issues);
        Assert.Equal(plain, PdfFixtures.Dump(protectedCopy.Blocks));
    }

    [Fact]
    public void The_page_count_comes_from_the_document()
    {
        Assert.Equal(5, PdfFixtures.Read("plan.pdf").PageCount);
    }

    [Fact]
    public void A_file_name_with_spaces_and_quotes_reaches_poppler_intact()
    {
        var dir = Directory.CreateTempSubdirectory("policylens-pdf-test-");
        try
        {
            var odd = Path.Combine(dir.FullName, "plan met 'quotes' en \"spaties\" -f.pdf");
            File.Copy(PdfFixtures.PathOf("plan.pdf"), odd);
            var output = new PdfReader().Read(new DocumentSource(odd), PolicyLens.Documents.DocumentFormat.Pdf);
            Assert.Empty(output.Issues);
            Assert.Equal(5, output.PageCount);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_300_page_plan_built_by_concatenation_keeps_every_page_and_drops_its_running_lines()
    {
        var dir = Directory.CreateTempSubdirectory("policylens-pdf-big-");
        try
        {
            var big = Path.Combine(dir.FullName, "big-300.pdf");
            var copies = Enumerable.Repeat(PdfFixtures.PathOf("plan.pdf"), 60).ToList();
            var psi = new System.Diagnostics.ProcessStartInfo("qpdf") { RedirectStandardError = true };
            foreach (var a in new[] { "--empty", "--pages" }.Concat(copies).Concat(["--", big])) psi.ArgumentList.Add(a);
            using (var qpdf = System.Diagnostics.Process.Start(psi)!)
            {
                qpdf.WaitForExit();
                Assert.True(qpdf.ExitCode == 0, qpdf.StandardError.ReadToEnd());
            }

            var output = new PdfReader().Read(new DocumentSource(big), PolicyLens.Documents.DocumentFormat.Pdf);
            Assert.Empty(output.Issues);
            Assert.Equal(300, output.PageCount);
            // The same footnote text at the same spot on 60 pages is indistinguishable from a
            // running footer, so the concatenation loses its footnotes; everything else repeats intact.
            var single = PdfFixtures.Read("plan.pdf").Blocks.Where(b => !char.IsDigit(b.Text[0])).Select(b => (b.Kind, b.HeadingLevel, b.Text)).ToList();
            var expected = Enumerable.Repeat(single, 60).SelectMany(x => x).ToList();
            Assert.Equal(expected, output.Blocks.Select(b => (b.Kind, b.HeadingLevel, b.Text)));
            Assert.Equal(300, output.Blocks.Max(b => b.Page));
            foreach (var block in output.Blocks)
                foreach (var running in RunningLines)
                    Assert.DoesNotContain(running, block.Text, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

public sealed class EvidenceViewTests
{
    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static TaggedPassage Tagged(int ordinal, PassageKind kind, string text, double score, string term)
    {
        var start = text.IndexOf(term, StringComparison.Ordinal);
        var evidence = new Evidence("element.bezig-zijn.r1", term, term, start, term.Length, score);
        return new TaggedPassage(new Passage(ordinal, kind, text, null, [], 0), [new PassageTag("element", "bezig-zijn", score, [evidence])]);
    }

    [Fact]
    public void A_table_row_with_headers_splits_into_header_value_cells_with_the_marks_kept()
    {
        var item = EvidenceView.Build(Tagged(0, PassageKind.TableRow, "Jaar: 2027; Budget: 18.000 euro; Partner: Buurtcomités", 1, "Buurtcomités"));
        Assert.True(item.IsTableRow);
        Assert.Equal(["Jaar", "Budget", "Partner"], item.Cells.Select(c => Html(c.Header!)));
        Assert.Equal(["2027", "18.000 euro", "<mark>Buurtcomités</mark>"], item.Cells.Select(c => Html(c.Value)));
    }

    [Fact]
    public void A_passage_read_by_ocr_is_marked_as_such_and_others_are_not()
    {
        var plain = Tagged(0, PassageKind.Paragraph, "Een wekelijkse koffieochtend in het buurthuis.", 1, "koffieochtend");
        var scanned = new TaggedPassage(new Passage(1, PassageKind.Paragraph, plain.Passage.Text, 4, [], 0, fromOcr: true), plain.Tags);

        Assert.False(EvidenceView.Build(plain).FromOcr);
        Assert.True(EvidenceView.Build(scanned).FromOcr);
    }

    [Fact]
    public void A_table_row_without_headers_splits_on_the_bar()
    {
        var cells = EvidenceView.SplitTableRow("Buurtsoep | wekelijks | dienstencentrum");
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Equal(0, c.HeaderLength));
        Assert.Equal("wekelijks", "Buurtsoep | wekelijks | dienstencentrum".Substring(cells[1].ValueStart, cells[1].ValueLength));
    }

    [Fact]
    public void A_paragraph_is_not_drawn_as_a_table()
    {
        var item = EvidenceView.Build(Tagged(0, PassageKind.Paragraph, "Partner: de buurtcomités; zij doen mee.", 1, "buurtcomités"));
        Assert.False(item.IsTableRow);
        Assert.Empty(item.Cells);
    }

    [Fact]
    public void Evidence_lists_running_text_before_headings_before_table_rows_and_the_strongest_first_within_each()
    {
        var ordered = EvidenceView.Ordered(
        [
            Tagged(0, PassageKind.TableRow, "Actie: Buurtsport; Budget: 35.000", 5, "Buurtsport"),
            Tagged(1, PassageKind.Heading, "Actie 3.2.1: Buurtsport", 3, "Buurtsport"),
            Tagged(2, PassageKind.Paragraph, "We organiseren buurtsport op pleinen.", 1, "buurtsport"),
            Tagged(3, PassageKind.ListItem, "Wekelijks buurtsport en vrijwilligerswerk voor iedereen.", 2, "buurtsport"),
            Tagged(4, PassageKind.Paragraph, "Ook buurtsport in de winter.", 1, "buurtsport"),
        ]);
        Assert.Equal([3, 2, 4, 1, 0], ordered.Select(e => e.Ordinal));
    }

    [Fact]
    public void Only_the_strongest_evidence_is_built_when_the_list_is_capped()
    {
        var ordered = EvidenceView.Ordered(
        [
            Tagged(0, PassageKind.Paragraph, "Een buurthuis.", 1, "buurthuis"),
            Tagged(1, PassageKind.Paragraph, "Een groot buurthuis.", 4, "buurthuis"),
        ], max: 1);
        Assert.Equal([1], ordered.Select(e => e.Ordinal));
    }
}

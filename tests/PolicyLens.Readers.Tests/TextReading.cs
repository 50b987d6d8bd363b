using PolicyLens.Passages;

namespace PolicyLens.Readers.Tests;

public sealed class TextReading : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Markdown_headings_paragraphs_and_list_items_are_recognised()
    {
        var md = "# Plan\n\nEen eerste alinea over de gemeente,\nverdeeld over twee regels.\n\n## Zorg\n\n- buurtpunten in elke deelkern\n- een netwerk van buurtankers\n\n1. Chauffeurs werven\n2. **Ritprijs** verlagen, zie [de nota](http://example.org)\n";
        var result = TestFiles.Ingest(_files.Write("plan.md", md));
        Assert.Equal(["Plan", "Een eerste alinea over de gemeente, verdeeld over twee regels.", "Zorg", "buurtpunten in elke deelkern\neen netwerk van buurtankers", "1. Chauffeurs werven", "2. Ritprijs verlagen, zie de nota"],
            result.Passages.Select(p => p.Text));
        Assert.Equal(["Plan", "Zorg"], result.Passages[^1].Headings);
    }

    [Fact]
    public void Setext_headings_are_recognised()
    {
        var result = TestFiles.Ingest(_files.Write("plan.md", "Plan\n====\n\nWonen\n-----\n\nEen alinea over betaalbaar wonen in de gemeente Lindeveld.\n"));
        Assert.Equal(["Plan", "Wonen"], result.Passages[^1].Headings);
    }

    [Fact]
    public void Front_matter_gives_the_title_and_is_not_read_as_text()
    {
        var result = TestFiles.Ingest(_files.Write("plan.txt", "source: eigen tekst\nmunicipality: Lindeveld\n---\nEen alinea over de gemeente Lindeveld en haar inwoners.\n"));
        Assert.Equal("Een alinea over de gemeente Lindeveld en haar inwoners.", result.Passages.Single().Text);
        var withTitle = TestFiles.Ingest(_files.Write("plan2.md", "---\ntitle: \"Plan Lindeveld\"\n---\nTekst over de gemeente Lindeveld en haar inwoners.\n"));
        Assert.Equal("Plan Lindeveld", withTitle.Document!.Title);
    }

    [Fact]
    public void In_plain_text_code_lines_start_their_own_heading_and_unwrapped_lines_are_paragraphs()
    {
        var text = "Beleidsdoelstelling BD000001: Een verbonden gemeente.\nDe gemeente wil dat iedereen erbij hoort.\n  Actieplan AP000001: Ontmoeting\n    Actie AC000001: Buurtpunten\n    Raming (EUR): 2026: 10.000; 2027: 12.000\n";
        var result = TestFiles.Ingest(_files.Write("plan.txt", text));
        var last = result.Passages[^1];
        Assert.Equal(["Beleidsdoelstelling BD000001: Een verbonden gemeente.", "Actieplan AP000001: Ontmoeting", "Actie AC000001: Buurtpunten"], last.Headings);
        Assert.Equal(3, result.Passages.Count(p => p.Kind == PassageKind.Heading));
    }

    [Fact]
    public void Hard_wrapped_plain_text_is_joined_with_hyphenation_repaired()
    {
        var text = "Samen bouwen we aan een warme en zorgzame samen-\nleving waarin iedereen meetelt, ook wie het\nmoeilijk heeft of alleen woont in de gemeente.\n";
        var result = TestFiles.Ingest(_files.Write("plan.txt", text));
        Assert.Equal("Samen bouwen we aan een warme en zorgzame samenleving waarin iedereen meetelt, ook wie het moeilijk heeft of alleen woont in de gemeente.", result.Passages.Single().Text);
    }

    [Fact]
    public void UTF16_text_with_a_byte_order_mark_is_read()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("Een alinea in UTF-16 over de gemeente Lindeveld.")).ToArray();
        Assert.Equal("Een alinea in UTF-16 over de gemeente Lindeveld.", TestFiles.Ingest(_files.Write("plan.txt", bytes)).Passages.Single().Text);
    }
}

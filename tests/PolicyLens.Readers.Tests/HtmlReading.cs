using PolicyLens.Passages;

namespace PolicyLens.Readers.Tests;

public sealed class HtmlReading : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Sentence = "De gemeente opent buurtpunten in elke deelkern van Lindeveld.";

    [Fact]
    public void Navigation_page_chrome_scripts_and_cookie_banners_are_dropped()
    {
        var html = "<!DOCTYPE html><html><head><title>Plan</title><style>p{}</style></head><body>" +
                   "<header><a href=\"/\">Home</a> Gemeente Lindeveld</header><nav><ul><li>Menu-item</li></ul></nav>" +
                   "<div id=\"cookie-banner\"><p>Wij gebruiken cookies om de site te verbeteren.</p></div>" +
                   "<div class=\"cc-window consent-popup\">Aanvaard alle cookies</div>" +
                   "<h1>Welzijnsplan</h1><p>" + Sentence + "</p><script>var x = 'geheim';</script>" +
                   "<aside>Lees ook dit andere nieuwsbericht over iets anders.</aside><form><label>Zoek</label></form>" +
                   "<footer>© Gemeente Lindeveld – privacyverklaring</footer></body></html>";
        var result = TestFiles.Ingest(_files.Write("plan.html", html));
        Assert.Equal(["Welzijnsplan", Sentence], result.Passages.Select(p => p.Text));
        Assert.Equal("Plan", result.Document!.Title);
    }

    [Fact]
    public void A_substantial_main_element_is_read_on_its_own()
    {
        var html = "<html><body><div class=\"intro\">Welkom op de website van de gemeente, kies een onderwerp uit de lijst.</div><main><h2>Wonen</h2><p>" +
                   string.Concat(Enumerable.Repeat(Sentence + " ", 5)) + "</p></main></body></html>";
        var result = TestFiles.Ingest(_files.Write("plan.html", html));
        Assert.Equal("Wonen", result.Passages[0].Text);
        Assert.DoesNotContain(result.Passages, p => p.Text.Contains("Welkom"));
    }

    [Fact]
    public void Headings_lists_and_tables_become_structured_passages()
    {
        var html = "<html><body><h2>Actie 1.1.1: Buurtpunten</h2><ol start=\"3\"><li>Hoeve openen</li><li>Brempt openen<ul><li>samen met de bibliotheek</li></ul></li></ol>" +
                   "<table><thead><tr><th>Jaar</th><th>Budget</th></tr></thead><tbody><tr><td>2026</td><td>15.000 euro</td></tr></tbody></table></body></html>";
        var result = TestFiles.Ingest(_files.Write("plan.html", html));
        Assert.Equal(["Actie 1.1.1: Buurtpunten", "3. Hoeve openen", "4. Brempt openen", "samen met de bibliotheek", "Jaar: 2026; Budget: 15.000 euro"],
            result.Passages.Select(p => p.Text));
        Assert.Equal([PassageKind.Heading, PassageKind.ListItem, PassageKind.ListItem, PassageKind.ListItem, PassageKind.TableRow], result.Passages.Select(p => p.Kind));
    }

    [Fact]
    public void Loose_text_in_containers_and_line_breaks_become_paragraphs()
    {
        var result = TestFiles.Ingest(_files.Write("plan.html", "<html><body><div>Eerste regel van de tekst<br>tweede regel van dezelfde tekst.<div>" + Sentence + "</div></div></body></html>"));
        Assert.Equal(["Eerste regel van de tekst tweede regel van dezelfde tekst.", Sentence], result.Passages.Select(p => p.Text));
    }
}

using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyLens.Attacks;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tests;

/// <summary>
/// The hostile HTML of the attack run (issue 17): pages that stalled AngleSharp are refused by a
/// linear scan before parsing, the scan never counts a page shallower than AngleSharp builds it,
/// real-world sloppiness still passes, and a parse that runs long stops when its token fires.
/// </summary>
public sealed class HtmlAttacks : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string ErrorOf(string name, byte[] html, ReaderOptions? options = null)
    {
        var result = TestFiles.Ingest(_files.Write(name, html), options);
        Assert.False(result.Succeeded);
        return result.Error!;
    }

    [Fact]
    public void A_hundred_thousand_nested_elements_are_refused_by_the_scan_before_parsing()
    {
        var html = AttackFiles.NestedHtml(100_000);
        var scan = HtmlPreCheck.Scan(new MemoryStream(html), 256, 500_000, default);
        // The scan stops as soon as the limit is passed: it never reads the rest of the file.
        Assert.Equal(257, scan.Depth);
        var error = ErrorOf("diep.html", html);
        Assert.StartsWith("diep.html: the HTML nests elements deeper than 256 levels", error);
        Assert.Contains("save the page again", error);
    }

    [Fact]
    public void Formatting_elements_reopened_in_every_paragraph_count_as_nesting()
    {
        Assert.Contains("deeper than 256 levels", ErrorOf("heropend.html", AttackFiles.ReopenedFormattingHtml(2_000)));
    }

    [Fact]
    public void Misnested_formatting_elements_count_as_nesting()
    {
        Assert.Contains("deeper than 256 levels", ErrorOf("scheef.html", AttackFiles.MisnestedFormattingHtml(2_000)));
    }

    [Fact]
    public void A_comment_closed_with_a_bang_does_not_hide_what_follows()
    {
        Assert.Contains("deeper than 256 levels", ErrorOf("commentaar.html", AttackFiles.BangCommentThenNestedHtml(2_000)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_scan_never_counts_shallower_than_AngleSharp_builds(string shape, byte[] html)
    {
        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(new MemoryStream(html));
        var built = Depth(document.DocumentElement);
        var scanned = HtmlPreCheck.Scan(new MemoryStream(html), 10_000, 10_000_000, default).Depth;
        Assert.True(scanned >= built, $"{shape}: AngleSharp builds {built} levels, the scan counted {scanned}");
    }

    public static TheoryData<string, byte[]> Shapes() => new()
    {
        { "nested divs", AttackFiles.NestedHtml(300) },
        { "nested spans", AttackFiles.NestedHtml(300, "span") },
        { "nested unclosed b", AttackFiles.NestedHtml(300, "b") },
        { "nested list items in lists", AttackFiles.NestedHtml(150, "ul><li") },
        { "nested tables", AttackFiles.NestedHtml(100, "table><tr><td") },
        { "reopened formatting", AttackFiles.ReopenedFormattingHtml(200) },
        { "misnested formatting", AttackFiles.MisnestedFormattingHtml(200) },
        { "bang comment", AttackFiles.BangCommentThenNestedHtml(300) },
        { "sloppy page", AttackFiles.SloppyButShallowHtml(200) },
        { "svg self-closing", System.Text.Encoding.UTF8.GetBytes("<svg>" + string.Concat(Enumerable.Repeat("<g><rect/>", 300)) + "</svg>") },
        { "svg title", System.Text.Encoding.UTF8.GetBytes("<svg><title>" + string.Concat(Enumerable.Repeat("<g>", 300)) + "</title></svg>") },
        { "cdata outside svg", System.Text.Encoding.UTF8.GetBytes("<![CDATA[ > " + string.Concat(Enumerable.Repeat("<div>", 300)) + "]]>") },
        { "anchors", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a href=x><div>", 300))) },
        { "headings", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<h1><h2><section>", 200))) },
    };

    private static int Depth(IElement? element) => element is null ? 0 : 1 + element.Children.Select(Depth).DefaultIfEmpty(0).Max();

    [Fact]
    public void A_sloppy_real_world_page_is_read()
    {
        var result = TestFiles.Ingest(_files.Write("slordig.html", AttackFiles.SloppyButShallowHtml(3_000)));
        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(result.Passages, p => p.Text.Contains("Punt 2999 over ontmoeting", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_with_more_elements_than_the_limit_is_refused()
    {
        var error = ErrorOf("breed.html", AttackFiles.FlatHtml(5_000), new ReaderOptions { MaxHtmlElements = 1_000 });
        Assert.Contains("more than 1,000 elements", error);
    }

    [Fact]
    public void A_page_larger_than_the_HTML_limit_is_refused()
    {
        var error = ErrorOf("groot.html", AttackFiles.FlatHtml(5_000), new ReaderOptions { MaxHtmlBytes = 10_000 });
        Assert.Contains("more than the limit of 0 MB for HTML", error);
    }

    [Fact]
    public void A_long_parse_stops_when_its_token_fires()
    {
        // Just under the deepest nesting the options allow, many times over: the scan lets it
        // through, and AngleSharp would take minutes. The reader must give up soon after the token.
        var block = string.Concat(Enumerable.Repeat("<div>", 9_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 9_000));
        var path = _files.Write("traag.html", "<html><body>" + string.Concat(Enumerable.Repeat(block, 40)) + "</body></html>");
        var reader = new HtmlReader(new ReaderOptions { MaxXmlDepth = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => reader.Read(new DocumentSource(path), PolicyLens.Documents.DocumentFormat.Html, cancel.Token));
        // A functional bound, not a benchmark: far below the parse's own length, far above the deadline.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the reader ran on for {clock.Elapsed} after its deadline");
    }

    [Fact]
    public void The_ingestor_fails_a_parse_that_passes_its_time_limit()
    {
        var block = string.Concat(Enumerable.Repeat("<div>", 9_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 9_000));
        var path = _files.Write("traag.html", "<html><body>" + string.Concat(Enumerable.Repeat(block, 40)) + "</body></html>");
        var ingestor = DefaultReaders.CreateIngestor(new IngestionOptions { ReaderTimeLimit = TimeSpan.FromSeconds(1) }, new ReaderOptions { MaxXmlDepth = 10_000 });
        var result = ingestor.Ingest(new DocumentSource(path));
        Assert.False(result.Succeeded);
        Assert.Contains("longer than the limit of 1 seconds", result.Error);
    }
}

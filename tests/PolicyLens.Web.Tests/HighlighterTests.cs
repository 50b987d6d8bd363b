using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

public sealed class HighlighterTests
{
    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Matched_spans_are_marked_on_the_encoded_text()
    {
        var html = Html(Highlighter.Mark("Een <b>buurthuis</b> voor één wijk", [(7, 9), (26, 3)]));
        Assert.Equal("Een &lt;b&gt;<mark>buurthuis</mark>&lt;/b&gt; voor <mark>één</mark> wijk", html);
    }

    [Fact]
    public void Overlapping_and_out_of_range_spans_are_merged_or_ignored()
    {
        var html = Html(Highlighter.Mark("ontmoetingsplek", [(0, 8), (4, 11), (40, 3), (-1, 2)]));
        Assert.Equal("<mark>ontmoetingsplek</mark>", html);
    }

    [Fact]
    public void Search_snippet_markers_become_marks_after_encoding_and_cannot_open_tags()
    {
        var html = Html(Highlighter.Snippet("…een \u0002buurtsoep\u0003 <script>x</script> en \u0002ontmoet"));
        Assert.Equal("…een <mark>buurtsoep</mark> &lt;script&gt;x&lt;/script&gt; en <mark>ontmoet</mark>", html);
    }
}

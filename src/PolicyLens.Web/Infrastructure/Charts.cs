using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no library, printable, and readable
/// without colour (every bar also says its number and status in words). Each chart is one image
/// for assistive technology (role="img") with a title and a description listing every value;
/// colours come from the stylesheet through classes (the CSP allows no inline styles).
/// </summary>
public static class Charts
{
    private const int RowHeight = 22;
    private const int LabelWidth = 200;
    private const int BarWidth = 190;
    private const int Width = 540;

    /// <summary>
    /// One horizontal bar per label (e.g. the eleven working elements): its length the passages of
    /// running text, its colour the status; the number and status follow the bar.
    /// </summary>
    public static IHtmlContent StatusBars(string id, string title, IReadOnlyList<LabelCoverage> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(labels);
        var max = Math.Max(1, labels.Count == 0 ? 0 : labels.Max(l => l.Passages));
        var height = labels.Count * RowHeight + 8;
        var desc = string.Join("; ", labels.Select(l => $"{l.Label.Name}: {ReportText.TextCount(l.Passages)}, {Display.StatusText(l.Status)}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart status-bars\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {Width} {height}\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(desc)}.</desc>");
        for (var i = 0; i < labels.Count; i++)
        {
            var l = labels[i];
            var y = i * RowHeight + 4;
            var length = l.Passages == 0 ? 0 : Math.Max(3, BarWidth * l.Passages / (double)max);
            var status = l.Status.ToString().ToLowerInvariant();
            svg.Append("<g>");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{E(l.Label.Name)}: {E(ReportText.LabelPassages(l.Counts))}, {Display.StatusText(l.Status)}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{E(Shorten(l.Label.Name, 30))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{BarWidth}\" height=\"{RowHeight - 8}\"/>");
            if (length > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar s-{status}\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{RowHeight - 8}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 14}\">{l.Passages} · {Display.StatusText(l.Status)}</text>");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// One stacked bar per dimension: how many of its labels are worked out, mentioned and absent
    /// (e.g. "Werkzame elementen: 4 uitgewerkt, 3 genoemd, 4 afwezig").
    /// </summary>
    public static IHtmlContent DimensionStacks(string id, string title, IReadOnlyList<(string Name, IReadOnlyList<LabelCoverage> Labels)> dimensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(dimensions);
        var height = dimensions.Count * RowHeight + 8;
        CoverageStatus[] order = [CoverageStatus.Uitgewerkt, CoverageStatus.Genoemd, CoverageStatus.Afwezig];
        string Counts((string Name, IReadOnlyList<LabelCoverage> Labels) d) =>
            string.Join(", ", order.Select(s => $"{d.Labels.Count(l => l.Status == s)} {Display.StatusText(s)}"));
        var desc = string.Join("; ", dimensions.Select(d => $"{d.Name}: {Counts(d)}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart stacks\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {Width} {height}\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(desc)}.</desc>");
        for (var i = 0; i < dimensions.Count; i++)
        {
            var d = dimensions[i];
            var y = i * RowHeight + 4;
            var total = Math.Max(1, d.Labels.Count);
            svg.Append("<g>");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{E(d.Name)}: {E(Counts(d))}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{E(d.Name)}</text>");
            double x = LabelWidth;
            foreach (var status in order)
            {
                var n = d.Labels.Count(l => l.Status == status);
                if (n == 0) continue;
                var w = BarWidth * n / (double)total;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar s-{status.ToString().ToLowerInvariant()}\" x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 8}\"/>");
                if (w >= 18)
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"in s-{status.ToString().ToLowerInvariant()}\" x=\"{x + w / 2:0.#}\" y=\"{y + 14}\" text-anchor=\"middle\">{n}</text>");
                x += w;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 14}\">{d.Labels.Count(l => l.Status == CoverageStatus.Uitgewerkt)} van {d.Labels.Count} uitgewerkt</text>");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}

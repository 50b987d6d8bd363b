using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PolicyLens.Coverage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The share of plans per label and status as a server-drawn SVG: one stacked bar per label
/// (uitgewerkt, genoemd, afwezig, in the status colours of the table and the exports) with the
/// percentages written in the bars, a title per segment and a text description for screen
/// readers. No script and no style attributes (the CSP forbids them): classes from site.css only.
/// </summary>
public static class ComparisonChart
{
    private const int LabelWidth = 260;
    private const int BarWidth = 500;
    private const int RowHeight = 26;
    private const int BarHeight = 18;
    private const int Top = 34;

    private static readonly CoverageStatus[] Order = [CoverageStatus.Uitgewerkt, CoverageStatus.Genoemd, CoverageStatus.Afwezig];

    public static IHtmlContent Render(IReadOnlyList<LabelStatusCounts> labels, string dimensionName, string id = "grafiek")
    {
        var e = HtmlEncoder.Default;
        string E(string s) => e.Encode(s);
        string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var plans = labels.Count > 0 ? labels[0].Total : 0;
        var height = Top + labels.Count * RowHeight + 22;
        var width = LabelWidth + BarWidth + 10;
        var sb = new StringBuilder();
        var description = string.Join("; ", labels.Select(l =>
            $"{l.Label.Name}: {l.Elaborated} uitgewerkt, {l.Mentioned} genoemd, {l.Absent} afwezig"));
        sb.Append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
          .Append("\" aria-labelledby=\"").Append(id).Append("-titel ").Append(id).Append("-uitleg\" focusable=\"false\">");
        sb.Append("<title id=\"").Append(id).Append("-titel\">").Append(E($"{dimensionName}: aandeel van de {plans} plannen per status")).Append("</title>");
        sb.Append("<desc id=\"").Append(id).Append("-uitleg\">").Append(E(description)).Append("</desc>");

        // Legend and the 0 / 50 / 100% guides.
        var x = LabelWidth;
        foreach (var status in Order)
        {
            sb.Append("<rect class=\"seg ").Append(Class(status)).Append("\" x=\"").Append(x).Append("\" y=\"4\" width=\"14\" height=\"14\"/>");
            sb.Append("<text class=\"legend-text\" x=\"").Append(x + 19).Append("\" y=\"15\">").Append(Display.StatusText(status)).Append("</text>");
            x += 110;
        }
        foreach (var share in new[] { 0.0, 0.5, 1.0 })
        {
            var gx = LabelWidth + share * BarWidth;
            sb.Append("<line class=\"guide\" x1=\"").Append(N(gx)).Append("\" x2=\"").Append(N(gx)).Append("\" y1=\"").Append(Top - 6)
              .Append("\" y2=\"").Append(Top + labels.Count * RowHeight - 4).Append("\"/>");
            sb.Append("<text class=\"axis\" x=\"").Append(N(gx)).Append("\" y=\"").Append(Top + labels.Count * RowHeight + 12).Append("\">")
              .Append((share * 100).ToString("0", CultureInfo.InvariantCulture)).Append("%</text>");
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var y = Top + i * RowHeight;
            sb.Append("<text class=\"bar-label\" x=\"").Append(LabelWidth - 8).Append("\" y=\"").Append(y + 13).Append("\">").Append(E(label.Label.Name)).Append("</text>");
            double at = LabelWidth;
            foreach (var status in Order)
            {
                var count = label.Count(status);
                if (count == 0 || label.Total == 0) continue;
                var w = BarWidth * (double)count / label.Total;
                var share = (double)count / label.Total;
                sb.Append("<rect class=\"seg ").Append(Class(status)).Append("\" x=\"").Append(N(at)).Append("\" y=\"").Append(y).Append("\" width=\"").Append(N(w))
                  .Append("\" height=\"").Append(BarHeight).Append("\"><title>")
                  .Append(E($"{label.Label.Name}: {Display.StatusText(status)} in {count} van {label.Total} plannen ({Display.Percent(share)})")).Append("</title></rect>");
                if (w >= 34)
                    sb.Append("<text class=\"seg-text\" x=\"").Append(N(at + w / 2)).Append("\" y=\"").Append(y + 13).Append("\">").Append(Display.Percent(share)).Append("</text>");
                at += w;
            }
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>The CSS class of a status, shared by table cells, legend and chart.</summary>
    public static string Class(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => "st-uitgewerkt",
        CoverageStatus.Genoemd => "st-genoemd",
        _ => "st-afwezig",
    };
}

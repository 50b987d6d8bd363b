using System.Globalization;
using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// The comparison matrix as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
/// holds a comma, quote, or line break (quotes doubled), numbers with a dot. One row per plan:
/// document id, title, file, municipality, then the strength per label; the header names labels
/// by key ("element:bezig-zijn"), so spreadsheets and scripts can rely on the columns. Text
/// fields go through <see cref="SpreadsheetCell"/>, so no title or file name runs as a formula.
/// </summary>
public sealed class CsvComparisonRenderer : TextComparisonRenderer
{
    public override string Format => "csv";
    public override string FileExtension => ".csv";
    public override string ContentType => "text/csv; charset=utf-8";

    public override string Render(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Comparison;
        var sb = new StringBuilder();
        var header = new List<string> { "document_id", "titel", "bestand", "gemeente" };
        header.AddRange(c.Labels.Select(LabelKeys.Of));
        Line(sb, header.Select(Quote));
        for (var p = 0; p < c.Plans.Count; p++)
        {
            var plan = c.Plans[p];
            var fields = new List<string>(header.Count)
            {
                plan.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "", Quote(plan.Title), Quote(plan.FileName), Quote(plan.Municipality ?? ""),
            };
            foreach (var cell in c.Row(p)) fields.Add(cell.Strength.ToString("0.##", CultureInfo.InvariantCulture));
            Line(sb, fields);
        }
        return sb.ToString();
    }

    /// <summary>Joins fields that are already CSV (text through <see cref="Quote"/>, numbers as written) into one CRLF line.</summary>
    public static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.AppendJoin(',', fields).Append("\r\n");
    }

    /// <summary>A text field: see <see cref="SpreadsheetCell.Csv"/>.</summary>
    public static string Quote(string field) => SpreadsheetCell.Csv(field);
}

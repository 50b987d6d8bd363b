using System.Globalization;
using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// The comparison matrix as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
/// holds a comma, quote, or line break (quotes doubled), numbers with a dot. One row per plan:
/// document id, title, file, municipality, then the strength per label; the header names labels
/// by key ("element:bezig-zijn"), so spreadsheets and scripts can rely on the columns.
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
        Line(sb, header);
        for (var p = 0; p < c.Plans.Count; p++)
        {
            var plan = c.Plans[p];
            var fields = new List<string>(header.Count)
            {
                plan.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "", plan.Title, plan.FileName, plan.Municipality ?? "",
            };
            foreach (var cell in c.Row(p)) fields.Add(cell.Strength.ToString("0.##", CultureInfo.InvariantCulture));
            Line(sb, fields);
        }
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(Quote(field));
        }
        sb.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; also quotes a leading =, +, - or @ so a spreadsheet does not run it as a formula.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var formula = field.Length > 0 && field[0] is '=' or '+' or '@' || (field.Length > 1 && field[0] == '-' && !char.IsDigit(field[1]));
        if (formula) field = "'" + field;
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || formula ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}

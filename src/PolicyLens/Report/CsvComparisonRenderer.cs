using System.Globalization;
using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// Separator and decimal mark of <see cref="CsvComparisonRenderer"/>. Defaults suit Belgian and
/// Dutch Excel (<c>;</c> and <c>,</c>) with a UTF-8 byte order mark, so Excel opens the file with
/// the right columns, numbers and accents by a double click.
/// </summary>
public sealed record CsvComparisonOptions
{
    public static IReadOnlyList<char> Separators { get; } = [';', ',', '\t', '|'];
    public static IReadOnlyList<char> DecimalMarks { get; } = [',', '.'];

    /// <summary>Field separator: ; (default), comma, tab or |.</summary>
    public char Separator { get; init; } = ';';

    /// <summary>Decimal mark of the strength columns: , (default) or a dot.</summary>
    public char DecimalMark { get; init; } = ',';

    /// <summary>Start the file with a UTF-8 byte order mark (default true; Excel needs it to read UTF-8).</summary>
    public bool ByteOrderMark { get; init; } = true;

    /// <summary>The RFC 4180 flavour scripts expect: comma, dot, no byte order mark.</summary>
    public static CsvComparisonOptions Rfc4180 { get; } = new() { Separator = ',', DecimalMark = '.', ByteOrderMark = false };

    /// <summary>Why these options cannot work, or null.</summary>
    public string? Problem() =>
        !Separators.Contains(Separator) ? $"het scheidingsteken '{Separator}' wordt niet ondersteund; kies ; , tab of |"
        : !DecimalMarks.Contains(DecimalMark) ? $"het decimaalteken '{DecimalMark}' wordt niet ondersteund; kies , of ."
        : Separator == DecimalMark ? "het scheidingsteken en het decimaalteken moeten verschillen"
        : null;
}

/// <summary>
/// The comparison as CSV with the numbers the compare page shows: one row per plan with its
/// facts (municipality, NIS code, province, year, type), per label the number of passages and
/// the status (afwezig, genoemd, uitgewerkt), the working elements covered, per check its
/// result, and the strength per label in columns of its own at the end. Labels are named by key
/// ("element:bezig-zijn passages") so scripts can rely on the columns. Every field goes through
/// <see cref="SpreadsheetCell.Csv(string, char)"/>: quoted when it holds the separator, a quote or a
/// line break (quotes doubled), and no title or file name runs as a formula; CRLF line ends.
/// </summary>
public sealed class CsvComparisonRenderer(CsvComparisonOptions? options = null) : IComparisonRenderer
{
    private readonly CsvComparisonOptions _options = Checked(options ?? new CsvComparisonOptions());

    private static CsvComparisonOptions Checked(CsvComparisonOptions options) =>
        options.Problem() is { } problem ? throw new ArgumentException(problem, nameof(options)) : options;

    public string Format => "csv";
    public string FileExtension => ".csv";
    public string ContentType => "text/csv; charset=utf-8";
    public bool IsText => true;

    public CsvComparisonOptions Options => _options;

    public void Write(ComparisonReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(new UTF8Encoding(_options.ByteOrderMark).GetPreamble());
        output.Write(new UTF8Encoding(false).GetBytes(Render(report)));
    }

    public string Render(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Comparison;
        var checks = CheckTable.From(report.Plans);
        var stats = new ComparisonStatistics(c);
        var number = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        number.NumberDecimalSeparator = _options.DecimalMark.ToString();
        var sb = new StringBuilder();
        var header = new List<string> { "document_id", "gemeente", "nis_code", "provincie", "jaar", "type", "titel", "bestand", "element gedekt" };
        foreach (var label in c.Labels)
        {
            header.Add(LabelKeys.Of(label) + " passages");
            header.Add(LabelKeys.Of(label) + " status");
        }
        header.AddRange(checks.Checks.Select(k => "controle:" + k.Id));
        header.AddRange(c.Labels.Select(l => LabelKeys.Of(l) + " sterkte"));
        Line(sb, header);
        for (var p = 0; p < c.Plans.Count; p++)
        {
            var plan = c.Plans[p];
            var fields = new List<string>(header.Count)
            {
                plan.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "", plan.Municipality ?? "", plan.Facts.NisCode ?? "", plan.Facts.Province ?? "",
                plan.Facts.Year?.ToString(CultureInfo.InvariantCulture) ?? "", plan.Facts.PlanType ?? "", plan.Title, plan.FileName,
                stats.Score(p, "element").Covered.ToString(CultureInfo.InvariantCulture),
            };
            var row = c.Row(p);
            foreach (var cell in row)
            {
                fields.Add(cell.Passages.ToString(CultureInfo.InvariantCulture));
                fields.Add(ReportText.Status(cell.Status));
            }
            for (var k = 0; k < checks.Checks.Count; k++) fields.Add(ReportText.CheckStatus(checks.Result(p, k)));
            foreach (var cell in row) fields.Add(cell.Strength.ToString("0.##", number));
            Line(sb, fields);
        }
        return sb.ToString();
    }

    private void Line(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(_options.Separator);
            sb.Append(SpreadsheetCell.Csv(fields[i], _options.Separator));
        }
        sb.Append("\r\n");
    }

    /// <summary>Joins fields that are already CSV (text through <see cref="Quote"/>, numbers as written) into one CRLF line.</summary>
    public static void Join(StringBuilder sb, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.AppendJoin(',', fields).Append("\r\n");
    }

    /// <summary>A text field: see <see cref="SpreadsheetCell.Csv"/>.</summary>
    public static string Quote(string field) => SpreadsheetCell.Csv(field);
}

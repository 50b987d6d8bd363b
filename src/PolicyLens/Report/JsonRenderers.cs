using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// The report as JSON. Property names are the report model's in camelCase (fixed by a test);
/// enums are lower-case kebab strings ("uitgewerkt", "niet-van-toepassing"); numbers use a dot.
/// </summary>
public sealed class JsonReportRenderer : TextReportRenderer
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep "é" readable; output is a file, not HTML
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public override string Format => "json";
    public override string FileExtension => ".json";
    public override string ContentType => "application/json; charset=utf-8";

    public override string Render(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options);
    }
}

/// <summary>
/// A comparison as JSON: <c>plans</c>, <c>labels</c> (with the benchmark "x of N plans") and
/// <c>cells</c> as one array per plan aligned with <c>labels</c>. Written with a
/// <see cref="Utf8JsonWriter"/> so 300 plans × 150 labels stays cheap.
/// </summary>
public sealed class JsonComparisonRenderer : TextComparisonRenderer
{
    public override string Format => "json";
    public override string FileExtension => ".json";
    public override string ContentType => "application/json; charset=utf-8";

    public override string Render(ComparisonReport report)
    {
        using var stream = new MemoryStream();
        WriteTo(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTo(ComparisonReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Comparison;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("planCount", c.Plans.Count);
        w.WriteStartArray("plans");
        foreach (var p in c.Plans)
        {
            w.WriteStartObject();
            if (p.DocumentId is { } id) w.WriteNumber("documentId", id); else w.WriteNull("documentId");
            w.WriteString("title", p.Title);
            w.WriteString("fileName", p.FileName);
            w.WriteString("municipality", p.Municipality);
            if (p.PageCount is { } pages) w.WriteNumber("pageCount", pages); else w.WriteNull("pageCount");
            w.WriteString("ruleSetVersion", p.RuleSetVersion);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("labels");
        foreach (var b in c.Benchmarks)
        {
            w.WriteStartObject();
            w.WriteString("key", LabelKeys.Of(b.Label));
            w.WriteString("dimension", b.Label.Dimension);
            w.WriteString("id", b.Label.Id);
            w.WriteString("name", b.Label.Name);
            w.WriteNumber("plansCovering", b.PlansCovering);
            w.WriteNumber("plansElaborated", b.PlansElaborated);
            w.WriteNumber("share", Math.Round(b.Share, 4));
            w.WriteString("summary", b.Describe());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // Which plans fail which check: per check the failing plans (indexes into "plans"), per plan its statuses.
        w.WriteStartArray("checks");
        foreach (var b in c.CheckBenchmarks)
        {
            w.WriteStartObject();
            w.WriteString("id", b.Check.Id);
            w.WriteString("title", b.Check.Title);
            w.WriteString("severity", ReportText.Severity(b.Check.Severity));
            w.WriteNumber("plansFailing", b.PlansFailing);
            w.WriteNumber("plansPassing", b.PlansPassing);
            w.WriteNumber("plansNotApplicable", b.PlansNotApplicable);
            w.WriteStartArray("failingPlans");
            foreach (var p in b.FailingPlans) w.WriteNumberValue(p);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("checkStatuses");
        for (var p = 0; p < c.Plans.Count; p++)
        {
            w.WriteStartArray();
            for (var ci = 0; ci < c.Checks.Count; ci++) w.WriteStringValue(ReportText.CheckStatusId(c.StatusOf(p, ci)));
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("cells");
        for (var p = 0; p < c.Plans.Count; p++)
        {
            w.WriteStartArray();
            foreach (var cell in c.Row(p))
            {
                w.WriteStartObject();
                w.WriteNumber("passages", cell.Passages);
                w.WriteNumber("strength", Math.Round(cell.Strength, 4));
                w.WriteString("status", ReportText.Status(cell.Status));
                if (cell.Rank is { } rank) w.WriteNumber("rank", rank); else w.WriteNull("rank");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

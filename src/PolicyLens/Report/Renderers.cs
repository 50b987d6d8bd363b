using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>Writes a plan report in one format.</summary>
public interface IReportRenderer
{
    /// <summary>The --format name: md, json, html, docx.</summary>
    string Format { get; }
    string FileExtension { get; }
    string ContentType { get; }

    /// <summary>True when the output is text that may go to a terminal.</summary>
    bool IsText { get; }

    void Write(PlanReport report, Stream output);
}

/// <summary>A report renderer whose output is UTF-8 text.</summary>
public abstract class TextReportRenderer : IReportRenderer
{
    public abstract string Format { get; }
    public abstract string FileExtension { get; }
    public abstract string ContentType { get; }
    public bool IsText => true;

    public abstract string Render(PlanReport report);

    public void Write(PlanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        output.Write(bytes);
    }
}

/// <summary>What a comparison renderer needs: the matrix, and the analysed plans for evidence.</summary>
public sealed record ComparisonReport
{
    public ComparisonReport(PlanComparison comparison, IReadOnlyList<PlanCoverage> plans)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(plans);
        if (plans.Count != comparison.Plans.Count) throw new ArgumentException("One coverage per compared plan, in the same order.", nameof(plans));
        Comparison = comparison;
        Plans = plans;
    }

    public PlanComparison Comparison { get; }

    /// <summary>The coverages the comparison was made from, aligned with <see cref="PlanComparison.Plans"/>.</summary>
    public IReadOnlyList<PlanCoverage> Plans { get; }
}

/// <summary>Writes a comparison in one format.</summary>
public interface IComparisonRenderer
{
    /// <summary>The --format name: csv, json, xlsx.</summary>
    string Format { get; }
    string FileExtension { get; }
    string ContentType { get; }
    bool IsText { get; }

    void Write(ComparisonReport report, Stream output);
}

/// <summary>A comparison renderer whose output is UTF-8 text.</summary>
public abstract class TextComparisonRenderer : IComparisonRenderer
{
    public abstract string Format { get; }
    public abstract string FileExtension { get; }
    public abstract string ContentType { get; }
    public bool IsText => true;

    public abstract string Render(ComparisonReport report);

    public void Write(ComparisonReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(new UTF8Encoding(false).GetBytes(Render(report)));
    }
}

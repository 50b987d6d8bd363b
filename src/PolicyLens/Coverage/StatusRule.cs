namespace PolicyLens.Coverage;

/// <summary>
/// The one status rule, the same for a label and for a heatmap cell (the passages carrying both
/// its labels), with thresholds from <see cref="CoverageOptions"/>:
/// <list type="bullet">
/// <item><b>afwezig</b>: no passage carries it;</item>
/// <item><b>uitgewerkt</b>: running text carries it in at least <see cref="CoverageOptions.ElaboratedMinPassages"/>
/// passages, or under an action heading on its own words, or a heading of its own carries it and
/// running text too, or the scores over its running text reach <see cref="CoverageOptions.ElaboratedMinStrength"/>;</item>
/// <item><b>genoemd</b>: everything in between (also: only headings or table rows carry it).</item>
/// </list>
/// </summary>
public static class StatusRule
{
    /// <summary>The status and the reason for it.</summary>
    public static (CoverageStatus Status, StatusReason Reason) Decide(PassageCounts counts, double strength, bool inOwnHeading, bool inAction,
        CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(options);
        if (counts.Total == 0) return (CoverageStatus.Afwezig, StatusReason.NoPassage);
        if (counts.Text == 0) return (CoverageStatus.Genoemd, StatusReason.OnlyHeadingsOrTableRows);
        if (counts.Text >= options.ElaboratedMinPassages) return (CoverageStatus.Uitgewerkt, StatusReason.ManyPassages);
        if (options.ActionCountsAsElaborated && inAction) return (CoverageStatus.Uitgewerkt, StatusReason.ConcreteAction);
        if (options.HeadingCountsAsElaborated && inOwnHeading) return (CoverageStatus.Uitgewerkt, StatusReason.OwnHeading);
        // The scores are rounded to four decimals; a sum that is 4.0 up to rounding counts as 4.0.
        if (strength >= options.ElaboratedMinStrength - 1e-9) return (CoverageStatus.Uitgewerkt, StatusReason.StrongEvidence);
        return (CoverageStatus.Genoemd, StatusReason.FewPassages);
    }

    /// <summary>The status a reason belongs to.</summary>
    public static CoverageStatus StatusOf(StatusReason reason) => reason switch
    {
        StatusReason.NoPassage => CoverageStatus.Afwezig,
        StatusReason.OnlyHeadingsOrTableRows or StatusReason.FewPassages => CoverageStatus.Genoemd,
        _ => CoverageStatus.Uitgewerkt,
    };

    /// <summary>Throws when a status, its reason and the counts contradict each other.</summary>
    internal static void Check(PassageCounts counts, CoverageStatus status, StatusReason reason)
    {
        if (StatusOf(reason) != status)
            throw new ArgumentException($"The reason {reason} does not give the status {status}.", nameof(reason));
        var fits = reason switch
        {
            StatusReason.NoPassage => counts.Total == 0,
            StatusReason.OnlyHeadingsOrTableRows => counts.Text == 0 && counts.Total > 0,
            _ => counts.Text > 0,
        };
        if (!fits) throw new ArgumentException($"The reason {reason} does not fit {counts.Text} passages of text of {counts.Total}.", nameof(reason));
    }

    /// <summary>Collects what the rule needs while the analyzer walks the passages.</summary>
    internal sealed class Accumulator
    {
        public List<int> Ordinals { get; } = [];
        public int Text { get; private set; }
        public int Headings { get; private set; }
        public int TableRows { get; private set; }
        public double Strength { get; private set; }
        public bool InOwnHeading { get; private set; }
        public bool InAction { get; private set; }

        /// <summary>False when the passage was added already (one tag per label per passage; guard anyway).</summary>
        public bool Add(Passages.Passage passage, double score, bool onOwnWords, bool underAction)
        {
            if (Ordinals.Count > 0 && Ordinals[^1] == passage.Ordinal) return false;
            Ordinals.Add(passage.Ordinal);
            switch (passage.Kind)
            {
                case Passages.PassageKind.Heading:
                    Headings++;
                    if (onOwnWords) InOwnHeading = true;
                    break;
                case Passages.PassageKind.TableRow:
                    TableRows++;
                    break;
                default:
                    Text++;
                    Strength += score;
                    if (onOwnWords && underAction) InAction = true;
                    break;
            }
            return true;
        }

        public PassageCounts Counts => new(Text, Headings, TableRows);

        public (CoverageStatus Status, StatusReason Reason) Decide(CoverageOptions options) =>
            StatusRule.Decide(Counts, Math.Round(Strength, 4), InOwnHeading, InAction, options);
    }
}

using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// The default comparison: one dense plans × labels array, ranks per label by a sort of the
/// covering plans (O(L · P log P)), benchmarks from the same pass. 300 plans × 150 labels is
/// 45,000 cells: well under a millisecond of work beyond the analyses themselves.
/// </summary>
public sealed class PlanComparer : IPlanComparer
{
    public PlanComparison Compare(IReadOnlyList<PlanCoverage> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var labels = new List<LabelInfo>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var c in plan.Labels)
                if (index.TryAdd(LabelKeys.Of(c.Label), labels.Count)) labels.Add(c.Label);

        var width = labels.Count;
        var cells = new ComparisonCell[plans.Count * width];
        for (var p = 0; p < plans.Count; p++)
            foreach (var c in plans[p].Labels)
            {
                var li = index[LabelKeys.Of(c.Label)];
                cells[p * width + li] = new ComparisonCell(c.Passages, c.Strength, c.Status, null);
            }

        var benchmarks = new LabelBenchmark[width];
        var order = new int[plans.Count];
        for (var li = 0; li < width; li++)
        {
            var n = 0;
            var elaborated = 0;
            for (var p = 0; p < plans.Count; p++)
            {
                var cell = cells[p * width + li];
                if (!cell.Covered) continue;
                order[n++] = p;
                if (cell.Status == CoverageStatus.Uitgewerkt) elaborated++;
            }
            var covering = order.AsSpan(0, n);
            // Strongest first; equal strengths keep plan order so the output is deterministic.
            covering.Sort((a, b) =>
            {
                var byStrength = cells[b * width + li].Strength.CompareTo(cells[a * width + li].Strength);
                return byStrength != 0 ? byStrength : a.CompareTo(b);
            });
            for (var k = 0; k < n; k++)
            {
                var p = covering[k];
                var strength = cells[p * width + li].Strength;
                var rank = k + 1;
                if (k > 0 && cells[covering[k - 1] * width + li].Strength == strength)
                    rank = cells[covering[k - 1] * width + li].Rank!.Value; // ties share the better rank
                cells[p * width + li] = cells[p * width + li] with { Rank = rank };
            }
            benchmarks[li] = new LabelBenchmark(labels[li], n, elaborated, plans.Count);
        }
        // Checks: the union over the plans by id, in the first plan's order; a plan without a result counts as not applicable.
        var checks = new List<PlanCheck>();
        var checkIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var result in plan.Checks)
                if (checkIndex.TryAdd(result.Id, checks.Count)) checks.Add(result.Check);
        var statuses = new CheckStatus[plans.Count * checks.Count];
        Array.Fill(statuses, CheckStatus.NietVanToepassing);
        for (var p = 0; p < plans.Count; p++)
            foreach (var result in plans[p].Checks)
                statuses[p * checks.Count + checkIndex[result.Id]] = result.Status;
        return new PlanComparison([.. plans.Select(p => p.Plan)], labels, cells, benchmarks, checks, statuses);
    }
}

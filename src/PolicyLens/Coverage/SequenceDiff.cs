namespace PolicyLens.Coverage;

/// <summary>One run of a diff: items equal in both sequences, only in the old one, or only in the new one.</summary>
public enum DiffOp
{
    Equal,
    Deleted,
    Inserted,
}

/// <summary>A run of <see cref="Length"/> items starting at <see cref="OldStart"/> in the old and <see cref="NewStart"/> in the new sequence.</summary>
public readonly record struct DiffRun(DiffOp Op, int OldStart, int NewStart, int Length);

/// <summary>
/// Myers' O((N+M)·D) difference algorithm over sequences of keys (passage texts, words): the
/// shortest edit script, as runs in order. Common ends are trimmed first (drafts mostly differ in
/// the middle). Memory grows with D², so above <paramref name="maxEdits"/> differences it gives
/// up on alignment and reports everything between the common ends as deleted and inserted.
/// </summary>
public static class SequenceDiff
{
    public static IReadOnlyList<DiffRun> Diff<T>(IReadOnlyList<T> old, IReadOnlyList<T> @new, IEqualityComparer<T>? comparer = null, int maxEdits = 2000)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        comparer ??= EqualityComparer<T>.Default;
        int n = old.Count, m = @new.Count;
        var prefix = 0;
        while (prefix < n && prefix < m && comparer.Equals(old[prefix], @new[prefix])) prefix++;
        var suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && comparer.Equals(old[n - 1 - suffix], @new[m - 1 - suffix])) suffix++;

        var runs = new List<DiffRun>();
        if (prefix > 0) runs.Add(new DiffRun(DiffOp.Equal, 0, 0, prefix));
        var middle = Middle(old, @new, prefix, n - suffix, prefix, m - suffix, comparer, maxEdits);
        foreach (var run in middle) Append(runs, run);
        if (suffix > 0) Append(runs, new DiffRun(DiffOp.Equal, n - suffix, m - suffix, suffix));
        return runs;
    }

    private static void Append(List<DiffRun> runs, DiffRun run)
    {
        if (run.Length == 0) return;
        if (runs.Count > 0 && runs[^1].Op == run.Op
            && runs[^1].OldStart + (run.Op == DiffOp.Inserted ? 0 : runs[^1].Length) == run.OldStart
            && runs[^1].NewStart + (run.Op == DiffOp.Deleted ? 0 : runs[^1].Length) == run.NewStart)
        {
            runs[^1] = runs[^1] with { Length = runs[^1].Length + run.Length };
            return;
        }
        runs.Add(run);
    }

    /// <summary>The edit script of old[a0..a1) against new[b0..b1).</summary>
    private static List<DiffRun> Middle<T>(IReadOnlyList<T> old, IReadOnlyList<T> @new, int a0, int a1, int b0, int b1,
        IEqualityComparer<T> comparer, int maxEdits)
    {
        int n = a1 - a0, m = b1 - b0;
        var result = new List<DiffRun>();
        if (n == 0 && m == 0) return result;
        if (n == 0 || m == 0)
        {
            if (n > 0) result.Add(new DiffRun(DiffOp.Deleted, a0, b0, n));
            if (m > 0) result.Add(new DiffRun(DiffOp.Inserted, a0, b0, m));
            return result;
        }
        var max = Math.Min(n + m, maxEdits);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        // trace[d] is V after step d, kept for diagonals -d..d only.
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
                else x = v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && comparer.Equals(old[a0 + x], @new[b0 + y])) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
            var snapshot = new int[2 * d + 1];
            for (var k = -d; k <= d; k++) snapshot[k + d] = v[offset + k];
            trace.Add(snapshot);
        }
        if (found < 0)
        {
            // Too different to align within the budget: all of the middle is replaced.
            result.Add(new DiffRun(DiffOp.Deleted, a0, b0, n));
            result.Add(new DiffRun(DiffOp.Inserted, a0 + n, b0, m));
            return result;
        }

        // Walk back from (n, m) through the snapshots, collecting runs in reverse.
        var reversed = new List<DiffRun>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var prev = trace[d - 1];
            var k = cx - cy;
            int V(int diagonal) => diagonal < -(d - 1) || diagonal > d - 1 ? -1 : prev[diagonal + d - 1];
            var down = k == -d || (k != d && V(k - 1) < V(k + 1));
            var prevK = down ? k + 1 : k - 1;
            var prevX = V(prevK);
            var prevY = prevX - prevK;
            var startX = down ? prevX : prevX + 1;
            var startY = startX - k;
            if (cx > startX) reversed.Add(new DiffRun(DiffOp.Equal, a0 + startX, b0 + startY, cx - startX));
            reversed.Add(down ? new DiffRun(DiffOp.Inserted, a0 + prevX, b0 + prevY, 1) : new DiffRun(DiffOp.Deleted, a0 + prevX, b0 + prevY, 1));
            cx = prevX;
            cy = prevY;
        }
        if (cx > 0) reversed.Add(new DiffRun(DiffOp.Equal, a0, b0, cx));
        for (var i = reversed.Count - 1; i >= 0; i--) Append(result, reversed[i]);
        return result;
    }
}

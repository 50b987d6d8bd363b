namespace PolicyLens.Tagging.Evaluation;

/// <summary>
/// Splits items into folds by group (a gold passage's document): all items of one group land in
/// the same fold, so no document is ever on both sides of a split. Deterministic: groups are
/// placed largest first, each into the fold with the fewest items so far (ties by a stable hash
/// of the group name), which keeps folds about equally large.
/// </summary>
public static class GroupedFolds
{
    /// <summary>The fold (0 … <paramref name="folds"/>−1) of every item, in item order.</summary>
    public static int[] Assign<T>(IReadOnlyList<T> items, Func<T, string> group, int folds)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items) sizes[group(item)] = sizes.GetValueOrDefault(group(item)) + 1;
        if (sizes.Count < folds)
            throw new ArgumentException($"{folds} folds need at least {folds} documents; the data has {sizes.Count}.", nameof(folds));
        var load = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, size) in sizes.OrderByDescending(kv => kv.Value).ThenBy(kv => StableHash(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var best = 0;
            for (var f = 1; f < folds; f++)
                if (load[f] < load[best]) best = f;
            foldOf[name] = best;
            load[best] += size;
        }
        var result = new int[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = foldOf[group(items[i])];
        return result;
    }

    /// <summary>FNV-1a over the name: the same order on every machine and every run.</summary>
    private static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h ^= c;
            h *= 16777619u;
        }
        return h;
    }
}

using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Cli.Commands;

/// <summary>Reads one or more gold files for `eval`, `train` and `rules suggest`; every problem names its file and line.</summary>
internal static class GoldInput
{
    /// <summary>The passages of all files, or null after writing every problem (at most 20) to <paramref name="stderr"/>.</summary>
    public static IReadOnlyList<GoldPassage>? Read(IReadOnlyList<string> paths, TextWriter stderr)
    {
        var passages = new List<GoldPassage>();
        var problems = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var gold = GoldFile.Read(path, GoldFile.EvaluatedDimensions);
            problems.AddRange(gold.Errors);
            foreach (var p in gold.Passages)
            {
                if (ids.TryGetValue(p.Id, out var first))
                {
                    problems.Add($"{path}: passage id '{p.Id}' also occurs in {first}; ids must be unique across the gold files");
                    continue;
                }
                ids[p.Id] = path;
                passages.Add(p);
            }
            if (gold.Errors.Count == 0 && gold.Passages.Count == 0) problems.Add($"{path}: no passages");
        }
        if (problems.Count == 0) return passages;
        stderr.WriteLine($"{problems.Count} problem(s) in the gold file(s); nothing was evaluated:");
        foreach (var e in problems.Take(20)) stderr.WriteLine("  " + e);
        if (problems.Count > 20) stderr.WriteLine($"  … and {problems.Count - 20} more");
        return null;
    }
}

using PolicyLens.Checks;
using PolicyLens.Coverage;

namespace PolicyLens.Cli.Commands;

/// <summary>The plan checks of the rules folder (DIR/checks) for the commands that report and compare.</summary>
internal static class CheckLoading
{
    /// <summary>An analyzer that runs the checks, or null with every problem on <paramref name="stderr"/>.</summary>
    public static CoverageAnalyzer? Analyzer(string? rulesOption, TextWriter stderr)
    {
        var result = CheckSetLoader.LoadDirectory(Path.Join(RulesLocation.Resolve(rulesOption), "checks"));
        if (result.Checker is null)
        {
            WriteProblems(stderr, result);
            return null;
        }
        return new CoverageAnalyzer(checker: result.Checker);
    }

    /// <summary>"12 plancontroles in 3 bestanden", for the summary of <c>rules check</c>.</summary>
    public static string Summary(CheckSetLoadResult result) =>
        $"{result.Checker?.Checks.Count ?? 0} plancontroles in {result.Files} {(result.Files == 1 ? "bestand" : "bestanden")}";

    /// <summary>
    /// A Dutch heading, then one line per problem; the problems stay in the words of rules/README.md
    /// (English), as for the rule files.
    /// </summary>
    public static void WriteProblems(TextWriter stderr, CheckSetLoadResult result)
    {
        var count = result.Problems.Count;
        stderr.WriteLine($"policylens: de plancontroles in {result.Folder} bevatten {count} {(count == 1 ? "fout" : "fouten")}; herstel ze en probeer het opnieuw:");
        foreach (var problem in result.Problems) stderr.WriteLine("  " + problem);
    }
}

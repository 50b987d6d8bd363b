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
            stderr.WriteLine(result.Describe());
            return null;
        }
        return new CoverageAnalyzer(checker: result.Checker);
    }
}

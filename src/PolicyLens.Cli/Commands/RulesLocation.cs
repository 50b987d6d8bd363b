using System.CommandLine;
using PolicyLens.Learning.Model;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary>Finds and loads the rule set for the commands that tag.</summary>
internal static class RulesLocation
{
    public static Option<string?> Option() =>
        new("--rules") { Description = "Rules folder (default: rules/ of the checkout when run inside one, else the copy beside the program; or PolicyLens:RulesPath)." };

    /// <summary>--rules DIR if given, else the checkout's rules/, else the copy beside the program (see <see cref="CliSettings.RulesPath"/>).</summary>
    public static string Resolve(string? option) => CliSettings.Current.RulesPath(option);

    /// <summary>Loads the rules or writes every problem to <paramref name="stderr"/> and returns null.</summary>
    public static RuleTagger? LoadTagger(string? option, TextWriter stderr)
    {
        var path = Resolve(option);
        var result = RuleSetLoader.LoadDirectory(path);
        if (result.RuleSet is null)
        {
            WriteProblems(stderr, path, result);
            return null;
        }
        return new RuleTagger(result.RuleSet);
    }

    /// <summary>
    /// A Dutch heading, then one line per problem with file, line and rule id. The problems stay in
    /// the words of rules/README.md (English), the language rule authors read the format in.
    /// </summary>
    public static void WriteProblems(TextWriter stderr, string path, RuleSetLoadResult result)
    {
        var count = result.Problems.Count;
        stderr.WriteLine($"policylens: de regelbestanden in {path} bevatten {count} {(count == 1 ? "fout" : "fouten")}; herstel ze en probeer het opnieuw:");
        foreach (var problem in result.Problems) stderr.WriteLine("  " + problem);
    }

    /// <summary>
    /// What the commands tag with: the rules and the learned model of the rules folder
    /// (<c>model/tagger-model.json</c>), or the rules alone when the model is missing or broken —
    /// said on <paramref name="stderr"/>, naming the file. Null when the rules cannot be loaded.
    /// </summary>
    public static TaggerSetup? LoadSetup(string? option, TextWriter stderr)
    {
        var rules = LoadTagger(option, stderr);
        if (rules is null) return null;
        var setup = TaggerSetup.Create(rules, ModelFile.DefaultPath(Resolve(option)));
        if (setup.Model.Problem is { } problem) stderr.WriteLine($"policylens: waarschuwing: {problem}");
        else if (setup.Model.Warning is { } warning) stderr.WriteLine($"policylens: waarschuwing: {warning}");
        return setup;
    }
}

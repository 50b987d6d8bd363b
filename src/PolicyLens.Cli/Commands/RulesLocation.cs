using PolicyLens.Learning.Model;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary>Finds and loads the rule set for the commands that tag.</summary>
internal static class RulesLocation
{
    /// <summary>--rules DIR if given, else rules/ next to the executable (the CLI copies it there), else ./rules.</summary>
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        var besideExe = Path.Join(AppContext.BaseDirectory, "rules");
        return Directory.Exists(besideExe) ? besideExe : Path.Join(Directory.GetCurrentDirectory(), "rules");
    }

    /// <summary>Loads the rules or writes every problem to <paramref name="stderr"/> and returns null.</summary>
    public static RuleTagger? LoadTagger(string? option, TextWriter stderr)
    {
        var result = RuleSetLoader.LoadDirectory(Resolve(option));
        if (result.RuleSet is null)
        {
            stderr.WriteLine(result.Describe());
            return null;
        }
        return new RuleTagger(result.RuleSet);
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
        if (setup.Model.Problem is { } problem) stderr.WriteLine($"policylens: warning: {problem}");
        else if (setup.Model.Warning is { } warning) stderr.WriteLine($"policylens: warning: {warning}");
        return setup;
    }
}

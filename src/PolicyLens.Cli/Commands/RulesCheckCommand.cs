using System.CommandLine;
using PolicyLens.Checks;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens rules check [--rules DIR]</c>: validates every rule file, runs every label's examples and
/// compiles every plan check of DIR/checks; exit 1 names the file, line, rule or RuleName and position.
/// </summary>
internal static class RulesCheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rulesOption = RulesLocation.Option();
        var check = new Command("check", "Validate all rule files, run every label's positive and negative examples, and compile every plan check (rules/checks).") { rulesOption };
        check.SetAction(parse =>
        {
            var dir = RulesLocation.Resolve(parse.GetValue(rulesOption));
            var result = RuleSetLoader.LoadDirectory(dir);
            if (result.RuleSet is null)
            {
                RulesLocation.WriteProblems(stderr, dir, result);
                return 1;
            }
            var tagger = new RuleTagger(result.RuleSet);
            var failures = RuleExamples.Run(tagger);
            var labels = result.RuleSet.Labels;
            var examples = labels.Sum(l => l.Examples.Count);
            if (failures.Count > 0)
            {
                stderr.WriteLine($"policylens: {failures.Count} van de {examples} voorbeelden in {dir} kloppen niet:");
                foreach (var failure in failures) stderr.WriteLine("  " + failure);
                return 1;
            }
            // Every check expression is compiled now (RulesEngine alone would wait for the first plan).
            var checks = CheckSetLoader.LoadDirectory(Path.Join(dir, "checks"));
            if (!checks.Success)
            {
                CheckLoading.WriteProblems(stderr, checks);
                return 1;
            }
            stdout.WriteLine($"{dir}: {labels.Count} labels, {labels.Sum(l => l.Rules.Count)} regels, {tagger.TermCount} termen; " +
                             $"alle {examples} voorbeelden kloppen. Regelset {result.RuleSet.Version}; {CheckLoading.Summary(checks)} compileren.");
            return 0;
        });
        var rules = new Command("rules", "Work with the rule set.") { check, RulesSuggestCommand.Create(stdout, stderr) };
        return rules;
    }
}

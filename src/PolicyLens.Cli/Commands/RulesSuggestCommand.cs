using System.CommandLine;
using System.Globalization;
using PolicyLens.Learning.Training;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens rules suggest --gold FILE [--label dimension:id] [--top N] [--folds K]</c>: words and
/// phrases frequent in a label's gold passages and rare elsewhere, with their precision on
/// held-out documents, to help a person extend the rule files by meaning.
/// </summary>
internal static class RulesSuggestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var goldOption = new Option<string[]>("--gold") { Description = "Gold file(s) (JSONL of framework.md).", Required = true, AllowMultipleArgumentsPerToken = false };
        var labelOption = new Option<string[]>("--label") { Description = "Only these labels, as dimension:id (repeatable; default every element, type and level label).", AllowMultipleArgumentsPerToken = false };
        var topOption = new Option<int>("--top") { Description = "Suggestions per label (default 15).", DefaultValueFactory = _ => 15 };
        var foldsOption = new Option<int>("--folds") { Description = "Folds by document for the held-out precision (default 5).", DefaultValueFactory = _ => 5 };
        var allOption = new Option<bool>("--all") { Description = "Also list phrases the rules already cover." };
        var rulesOption = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var command = new Command("suggest", "Suggest terms for the rule files from labelled passages (precision and support, by document).")
        {
            goldOption, labelOption, topOption, foldsOption, allOption, rulesOption,
        };
        command.SetAction(parse =>
        {
            var rules = RulesLocation.LoadTagger(parse.GetValue(rulesOption), stderr);
            if (rules is null) return 1;
            var gold = GoldInput.Read(parse.GetValue(goldOption)!, stderr);
            if (gold is null) return 1;
            var labels = new List<(string Dimension, string Label)>();
            foreach (var spec in parse.GetValue(labelOption) ?? [])
            {
                var parts = spec.Split(':', 2);
                if (parts.Length != 2 || !LabelCatalog.IsKnown(parts[0], parts[1]))
                {
                    stderr.WriteLine($"--label {spec}: not a label of framework.md (write dimension:id, e.g. element:bezig-zijn).");
                    return 2;
                }
                labels.Add((parts[0], parts[1]));
            }
            if (labels.Count == 0)
                labels.AddRange(GoldFile.EvaluatedDimensions.SelectMany(d => LabelCatalog.IdsOf(d).Select(id => (d, id))));
            var options = new SuggestOptions { Top = parse.GetValue(topOption), Folds = parse.GetValue(foldsOption), HideCovered = !parse.GetValue(allOption) };
            foreach (var (dimension, label) in labels)
            {
                var suggestions = RuleSuggester.Suggest(gold, rules, dimension, label, options);
                stdout.WriteLine($"{dimension}:{label}");
                if (suggestions.Count == 0)
                {
                    stdout.WriteLine("  (nothing frequent enough)");
                    continue;
                }
                stdout.WriteLine($"  {"term",-36} {"pos",4} {"neg",4} {"docs",4} {"prec",5} {"held-out",8}  example");
                foreach (var s in suggestions)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {s.Term,-36} {s.Positives,4} {s.Negatives,4} {s.Documents,4} {s.Precision,5:0.00} {s.HeldOutPrecision,8:0.00}  {s.Example}{(s.CoveredByRules ? "  (in rules)" : "")}"));
            }
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Cli.Commands;

/// <summary><c>policylens eval --gold FILE [--format table|json] [--errors] [--rules DIR]</c>.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var goldOption = new Option<string>("--gold") { Description = "Gold file in the JSONL format of framework.md.", Required = true };
        var formatOption = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var errorsOption = new Option<bool>("--errors") { Description = "List false positives and negatives with their evidence." };
        var rulesOption = RulesLocation.Option();
        var command = new Command("eval", "Tag every passage of a gold file and report precision, recall and F1 per label and dimension.")
        {
            goldOption, formatOption, errorsOption, rulesOption,
        };
        command.SetAction(parse =>
        {
            var tagger = RulesLocation.LoadTagger(parse.GetValue(rulesOption), stderr);
            if (tagger is null) return 1;
            var goldPath = parse.GetValue(goldOption)!;
            var gold = GoldFile.Read(goldPath);
            if (gold.Errors.Count > 0)
            {
                stderr.WriteLine($"{goldPath}: {gold.Errors.Count} problem(s) in the gold file:");
                foreach (var e in gold.Errors.Take(20)) stderr.WriteLine("  " + e);
                return 1;
            }
            var report = Evaluator.Evaluate(tagger, gold.Passages);
            var showErrors = parse.GetValue(errorsOption);
            if (parse.GetValue(formatOption) == "json") stdout.WriteLine(report.ToJson(showErrors));
            else WriteTable(stdout, report, showErrors);
            return 0;
        });
        return command;
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static void WriteTable(TextWriter o, EvaluationReport report, bool showErrors)
    {
        o.WriteLine($"{report.Passages} passages, rule set {report.RuleSetVersion}");
        foreach (var d in report.Dimensions)
        {
            o.WriteLine();
            o.WriteLine($"{d.Dimension,-34} {"P",6} {"R",6} {"F1",6} {"supp",5} {"tp",4} {"fp",4} {"fn",4}");
            foreach (var l in d.Labels)
                o.WriteLine($"  {l.Label,-32} {F(l.Scores.Precision),6} {F(l.Scores.Recall),6} {F(l.Scores.F1),6} {l.Support,5} {l.TruePositives,4} {l.FalsePositives,4} {l.FalseNegatives,4}");
            o.WriteLine($"  {"micro",-32} {F(d.Micro.Precision),6} {F(d.Micro.Recall),6} {F(d.Micro.F1),6}");
            o.WriteLine($"  {"macro",-32} {F(d.Macro.Precision),6} {F(d.Macro.Recall),6} {F(d.Macro.F1),6}");
        }
        o.WriteLine();
        o.WriteLine($"overall micro P {F(report.OverallMicro.Precision)} R {F(report.OverallMicro.Recall)} F1 {F(report.OverallMicro.F1)}; " +
                    $"macro F1 {F(report.OverallMacro.F1)}");
        if (!showErrors) return;
        o.WriteLine();
        foreach (var e in report.Errors)
        {
            var text = e.Text.Length > 160 ? e.Text[..160] + "…" : e.Text;
            var evidence = string.Join(", ", e.Evidence.Select(x => $"'{x.MatchedText}'<{x.RuleId}>"));
            o.WriteLine($"{(e.Kind == ErrorKind.FalsePositive ? "FP" : "FN")} {e.PassageId} {e.Dimension}:{e.Label} | {text}" +
                        (evidence.Length > 0 ? $" | {evidence}" : ""));
        }
    }
}

using System.CommandLine;
using System.Globalization;
using PolicyLens.Learning.Model;
using PolicyLens.Learning.Training;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens eval --gold FILE [--gold FILE]… [--folds K] [--tagger rules|model|combined|llm] [--format table|json] [--errors]</c>.
/// By default a 5-fold cross-validation grouped by document: the model is trained and tuned
/// without the documents it is scored on. <c>--folds 0</c> scores the tagger as shipped.
/// <c>--tagger llm</c> (nothing to train: always scored as shipped) asks the configured language
/// model (<c>--endpoint</c>, <c>--llm-model</c>, else PolicyLens:Llm) about every passage, caches the
/// answers in the database (<c>--db</c>), and adds the number of failed replies to the output.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var goldOption = new Option<string[]>("--gold")
        {
            Description = "Gold file(s) in the JSONL format of framework.md (repeat for several; ids must be unique).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var foldsOption = new Option<int>("--folds")
        {
            Description = "Cross-validation folds, split by document (default 5); 0 scores the shipped tagger on the whole file.",
            DefaultValueFactory = _ => 5,
        };
        foldsOption.Validators.Add(r =>
        {
            var k = r.GetValueOrDefault<int>();
            if (k is 1 or < 0) r.AddError("--folds is 0 (no cross-validation) or at least 2.");
        });
        var taggerOption = new Option<string>("--tagger") { Description = "rules, model, combined (default) or llm (the configured language model).", DefaultValueFactory = _ => "combined" };
        taggerOption.AcceptOnlyFromAmong("rules", "model", "combined", "llm");
        var formatOption = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var errorsOption = new Option<bool>("--errors") { Description = "List false positives and negatives with their evidence." };
        var rulesOption = RulesLocation.Option();
        var modelOption = new Option<string?>("--model") { Description = "Model file for --folds 0 (default: model/tagger-model.json in the rules directory)." };
        var endpointOption = LlmSetup.EndpointOption();
        var llmModelOption = LlmSetup.ModelOption();
        var dbOption = StoreAccess.DbOption();
        var command = new Command("eval", "Measure a tagger on labelled passages: precision, recall and F1 per label and dimension, by document.")
        {
            goldOption, foldsOption, taggerOption, formatOption, errorsOption, rulesOption, modelOption, endpointOption, llmModelOption, dbOption,
        };
        command.SetAction(parse =>
        {
            var rules = RulesLocation.LoadTagger(parse.GetValue(rulesOption), stderr);
            if (rules is null) return 1;
            var goldPaths = parse.GetValue(goldOption)!;
            var gold = GoldInput.Read(goldPaths, stderr);
            if (gold is null) return 1;
            var json = parse.GetValue(formatOption) == "json";
            var showErrors = parse.GetValue(errorsOption);
            if (parse.GetValue(taggerOption) == "llm")
                return StoreAccess.Guard(stderr, () => EvaluateLlm(rules, gold, LlmSetup.Options(parse.GetValue(endpointOption), parse.GetValue(llmModelOption)),
                    RulesLocation.Resolve(parse.GetValue(rulesOption)), parse.GetValue(dbOption), json, showErrors, stdout, stderr));
            var kind = Enum.Parse<TaggerKind>(parse.GetValue(taggerOption)!, ignoreCase: true);
            var folds = parse.GetValue(foldsOption);
            if (folds == 0)
            {
                var tagger = ShippedTagger(kind, rules, parse.GetValue(modelOption) ?? ModelFile.DefaultPath(RulesLocation.Resolve(parse.GetValue(rulesOption))),
                    goldPaths, stderr);
                if (tagger is null) return 1;
                var report = Evaluator.Evaluate(tagger, gold);
                if (json) stdout.WriteLine(report.ToJson(showErrors));
                else WriteTable(stdout, report, null, showErrors);
                return 0;
            }
            var documents = gold.Select(CrossValidation.GroupOf).Distinct().Count();
            if (documents < folds)
            {
                stderr.WriteLine($"{folds} folds need at least {folds} documents; the gold file(s) hold {documents}. Use fewer --folds.");
                return 1;
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var cv = TaggerCrossValidation.Run(rules, gold, folds, kind,
                progress: json ? null : (done, all) => stderr.WriteLine($"fold {done}/{all} done ({watch.Elapsed.TotalSeconds:0} s)"));
            if (json) stdout.WriteLine(cv.ToJson());
            else WriteTable(stdout, cv.Pooled, cv, showErrors);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The language model scored on the whole gold file (it is not trained, so there are no folds):
    /// the same figures as the other taggers, plus the replies that failed and what the run cost.
    /// </summary>
    private static int EvaluateLlm(RuleTagger rules, IReadOnlyList<GoldPassage> gold, PolicyLens.Llm.LlmOptions options, string rulesPath, string? db,
        bool json, bool showErrors, TextWriter stdout, TextWriter stderr)
    {
        using var store = StoreAccess.Open(db, stderr);
        if (store is null) return 1;
        var inputs = gold.Select(g => new TaggingInput(g.Text, g.Headings)).ToList();
        if (LlmSetup.EvalTagger(options, rulesPath, store, rules.Labels, inputs, stderr, CancellationToken.None) is not var (tagger, summary, reviewer))
            return 1;
        using (reviewer)
        {
            var report = Evaluator.Evaluate(tagger, gold);
            if (json)
            {
                var root = System.Text.Json.Nodes.JsonNode.Parse(report.ToJson(showErrors))!.AsObject();
                root["failedReplies"] = tagger.Failures;
                root["malformedReplies"] = summary.MalformedReplies;
                root["cachedAnswers"] = summary.Cached;
                root["promptTokens"] = summary.PromptTokens;
                root["completionTokens"] = summary.CompletionTokens;
                root["passagesPerSecond"] = Math.Round(summary.PassagesPerSecond, 3);
                stdout.WriteLine(root.ToJsonString(new System.Text.Json.JsonSerializerOptions
                {
                    WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }));
            }
            else
            {
                WriteTable(stdout, report, null, showErrors);
                stdout.WriteLine($"llm: {tagger.Failures} failed repl{(tagger.Failures == 1 ? "y" : "ies")} ({summary.MalformedReplies} unusable), " +
                                 $"{summary.Cached} from the cache; {ReviewCommand.CostLine(summary)}");
                if (tagger.FirstFailure is { } failure) stdout.WriteLine($"llm: first failure: {failure.Message}");
            }
        }
        return 0;
    }

    /// <summary>The tagger as shipped; the combined one warns when it was trained on the very file it is scored on.</summary>
    private static IPassageTagger? ShippedTagger(TaggerKind kind, RuleTagger rules, string modelPath, IReadOnlyList<string> goldPaths, TextWriter stderr)
    {
        if (kind == TaggerKind.Rules) return rules;
        if (kind == TaggerKind.Model)
        {
            stderr.WriteLine("--tagger model is trained per fold only (the shipped model is the combined one); use --folds K or --tagger combined.");
            return null;
        }
        var setup = TaggerSetup.Create(rules, modelPath);
        if (setup.Combined is null)
        {
            stderr.WriteLine(setup.Model.Problem);
            return null;
        }
        var hashes = setup.Model.Provenance!.Sources.Select(s => s.Sha256).ToHashSet(StringComparer.Ordinal);
        foreach (var path in goldPaths.Where(p => hashes.Contains(TrainCommand.Sha256Of(p))))
            stderr.WriteLine($"warning: the model was trained on {path}; figures on it are a fit, not a result. Use --folds K for a by-document figure.");
        return setup.Tagger;
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static void WriteTable(TextWriter o, EvaluationReport report, CrossValidationReport? cv, bool showErrors)
    {
        o.WriteLine(cv is null
            ? $"{report.Passages} passages, tagger {report.RuleSetVersion}, scored as shipped (no cross-validation)"
            : $"{report.Passages} passages, tagger {cv.Tagger}, {cv.Folds} folds by document (each fold scored by a tagger trained without it); rules {report.RuleSetVersion.Split('+')[0]}");
        var spread = cv is null ? "" : $" {"F1 across folds",-15}";
        foreach (var d in report.Dimensions)
        {
            o.WriteLine();
            o.WriteLine($"{d.Dimension,-34} {"P",6} {"R",6} {"F1",6}{spread} {"supp",5} {"tp",4} {"fp",4} {"fn",4}");
            foreach (var l in d.Labels)
                o.WriteLine($"  {l.Label,-32} {F(l.Scores.Precision),6} {F(l.Scores.Recall),6} {F(l.Scores.F1),6}" +
                            (cv is null ? "" : $" {cv.LabelF1(d.Dimension, l.Label),-15}") +
                            $" {l.Support,5} {l.TruePositives,4} {l.FalsePositives,4} {l.FalseNegatives,4}");
            var name = d.Dimension;
            o.WriteLine($"  {"micro",-32} {F(d.Micro.Precision),6} {F(d.Micro.Recall),6} {F(d.Micro.F1),6}" +
                        (cv is null ? "" : $" {cv.Across(r => r.Dimension(name)?.Micro.F1),-15}"));
            o.WriteLine($"  {"macro",-32} {F(d.Macro.Precision),6} {F(d.Macro.Recall),6} {F(d.Macro.F1),6}" +
                        (cv is null ? "" : $" {cv.Across(r => r.Dimension(name)?.Macro.F1),-15}"));
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

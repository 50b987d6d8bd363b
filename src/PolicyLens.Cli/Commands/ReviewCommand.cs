using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLens.Coverage;
using PolicyLens.Llm;
using PolicyLens.Storage;
using PolicyLens.Tagging;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens review &lt;id|file&gt; [--format table|json] [--all] [--endpoint URL] [--llm-model NAME] [--db FILE] [--rules DIR]</c>:
/// asks the configured language model for a second opinion on every passage of a plan and
/// compares it with the rule/model tags: per label how often both, only rules/model or only the
/// model gave it, and the passages where they differ, with the model's quote. Answers are cached
/// in the database, so a second run costs nothing. Exit 0 when the review ran (also with some failed
/// passages), 1 when it is off, the plan cannot be read or the server could not be used.
/// </summary>
internal static class ReviewCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var target = new Argument<string>("plan") { Description = "The id of a stored document, or a plan file (read and tagged in memory)." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var all = new Option<bool>("--all") { Description = "List every reviewed passage, not only those where rules/model and the language model differ." };
        var endpoint = LlmSetup.EndpointOption();
        var model = LlmSetup.ModelOption();
        var db = StoreAccess.DbOption();
        var rules = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules); the prompt is llm/reviewer.md in it." };
        var command = new Command("review", "Ask the configured language model for a second opinion on every passage of a plan and compare it with the tags.")
        {
            target, format, all, endpoint, model, db, rules,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(StoreAccess.Guard(stderr, () => Run(parse.GetValue(target)!, parse.GetValue(format)!,
            parse.GetValue(all), LlmSetup.Options(parse.GetValue(endpoint), parse.GetValue(model)), parse.GetValue(db), parse.GetValue(rules),
            stdout, stderr, cancellationToken))));
        return command;
    }

    private static int Run(string target, string format, bool all, LlmOptions options, string? db, string? rulesOption,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var rulesPath = RulesLocation.Resolve(rulesOption);
        // What report and ingest tag with: the rules and the learned model (rules alone when it is missing).
        var tagger = RulesLocation.LoadSetup(rulesOption, stderr)?.Tagger;
        if (tagger is null) return 1;
        using var store = StoreAccess.Open(db, stderr);
        if (store is null) return 1;
        using var reviewer = LlmSetup.CreateReviewer(options, rulesPath, store, stderr);
        if (reviewer is null) return 1;

        string title;
        long? documentId = null;
        IReadOnlyList<TaggedPassage> passages;
        if (!File.Exists(target) && long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (store.LoadPlan(id) is not { } plan)
            {
                stderr.WriteLine($"policylens: geen document met nummer {id} in {StoreAccess.ResolvePath(db)}; zie 'policylens list'");
                return 1;
            }
            (title, documentId, passages) = (plan.Document.Title, id, plan.Passages);
        }
        else
        {
            var ingestion = ExtractCommand.Ingest(target, verbose: false, stderr);
            if (ingestion?.Document is null) return 1;
            title = ingestion.Document.Title;
            passages = [.. ingestion.Passages.Select(p => new TaggedPassage(p, tagger.Tag(new TaggingInput(p.Text, p.Headings))))];
        }

        var inputs = SecondOpinion.Inputs(passages);
        if (documentId is { } doc) store.LinkReviews(doc, [.. inputs.Select(ReviewAnswer.PassageHash)]);
        var console = StoreAccess.Console(stdout, out var interactive);
        var summary = interactive && format == "table"
            ? WithProgressBar(console, reviewer, inputs, cancellationToken)
            : reviewer.ReviewAllAsync(inputs, null, cancellationToken).GetAwaiter().GetResult();
        var opinion = SecondOpinion.Compare(passages, summary.Reviews, tagger.Labels);

        if (format == "json") stdout.WriteLine(Json(title, documentId, reviewer, summary, opinion, all));
        else WriteTable(stdout, title, documentId, reviewer, summary, opinion, all);
        if (summary.StoppedBy is { } stop)
        {
            stderr.WriteLine($"policylens: {stop.Message}");
            return 1;
        }
        return 0;
    }

    private static ReviewSummary WithProgressBar(IAnsiConsole console, ILlmReviewer reviewer, IReadOnlyList<TaggingInput> inputs, CancellationToken cancellationToken)
    {
        ReviewSummary? summary = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("tweede mening", maxValue: Math.Max(1, inputs.Count));
                var progress = new BarProgress(task);
                summary = reviewer.ReviewAllAsync(inputs, progress, cancellationToken).GetAwaiter().GetResult();
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>Progress arrives from several requests at once: the bar only moves forward.</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<ReviewProgress>
    {
        public void Report(ReviewProgress value)
        {
            lock (task) task.Value = Math.Max(task.Value, value.Done);
        }
    }

    private static string Percent(double? share) => share is { } s ? s.ToString("P0", Dutch) : "–";

    internal static string SummaryLine(ReviewSummary s) =>
        string.Create(Dutch, $"{s.Passages} passages: {s.Answered} beantwoord, {s.Cached} uit de cache, {s.Failed} mislukt ({s.MalformedReplies} onbruikbare antwoorden), {s.Skipped} niet gevraagd");

    internal static string CostLine(ReviewSummary s) =>
        string.Create(Dutch, $"tokens: {s.PromptTokens} prompt + {s.CompletionTokens} antwoord; {s.PassagesPerSecond:0.0} passages/s ({s.Elapsed.TotalSeconds:0.0} s)");

    private static void WriteTable(TextWriter o, string title, long? documentId, ILlmReviewer reviewer, ReviewSummary summary, PlanSecondOpinion opinion, bool all)
    {
        o.WriteLine($"Tweede mening voor \"{title}\"{(documentId is { } id ? $" (document {id})" : "")}");
        o.WriteLine($"model {reviewer.Options.Model} via {LlmEndpoint.Describe(reviewer.Options)}, prompt {reviewer.Prompt.Version}");
        o.WriteLine(SummaryLine(summary));
        o.WriteLine(CostLine(summary));
        if (summary.MainFailure is { } failure && summary.StoppedBy is null) o.WriteLine($"meest voorkomende fout: {failure.Message}");
        o.WriteLine();
        o.WriteLine($"{"overeenstemming per label",-40} {"beide",6} {"regels",7} {"model",6} {"eens",6}");
        foreach (var group in opinion.Labels.GroupBy(l => l.Label.Dimension))
        {
            o.WriteLine(group.Key);
            foreach (var l in group)
                o.WriteLine($"  {l.Label.Name,-38} {l.Both,6} {l.RulesOnly,7} {l.LlmOnly,6} {Percent(l.Share),6}");
        }
        o.WriteLine($"{"totaal",-40} {opinion.Both,6} {opinion.RulesOnly,7} {opinion.LlmOnly,6} {Percent(opinion.Share),6}");
        o.WriteLine("(beide: regels/model en taalmodel; regels: alleen regels/model; model: alleen het taalmodel; eens: beide / minstens één)");

        var shown = opinion.Passages.Where(p => p.Reviewed && (all || p.Tags.Any(t => t.Agreement != Agreement.Both))).ToList();
        if (shown.Count == 0) return;
        o.WriteLine();
        o.WriteLine(all ? "Passages:" : "Passages waar ze verschillen:");
        foreach (var p in shown)
        {
            var passage = p.Passage.Passage;
            var text = passage.Text.Length > 120 ? passage.Text[..120] + "…" : passage.Text;
            o.WriteLine($"passage {passage.Ordinal + 1}{(passage.Page is int page ? $" (blz. {page})" : "")}: {text}");
            foreach (var t in p.Tags.Where(t => all || t.Agreement != Agreement.Both))
            {
                var who = t.Agreement switch { Agreement.Both => "beide          ", Agreement.RulesOnly => "alleen regels  ", _ => "alleen taalmodel" };
                var quote = t.LlmLabel is { } l ? $" «{l.Quote}»" : "";
                o.WriteLine($"  {who} {t.Dimension}:{t.Label}{quote}");
            }
        }
    }

    private static string Json(string title, long? documentId, ILlmReviewer reviewer, ReviewSummary s, PlanSecondOpinion opinion, bool all)
    {
        var labels = new JsonArray();
        foreach (var l in opinion.Labels)
            labels.Add(new JsonObject
            {
                ["dimension"] = l.Label.Dimension, ["label"] = l.Label.Id, ["both"] = l.Both, ["rulesOnly"] = l.RulesOnly, ["llmOnly"] = l.LlmOnly,
                ["agreement"] = l.Share is { } share ? Math.Round(share, 4) : null,
            });
        var passages = new JsonArray();
        foreach (var p in opinion.Passages.Where(p => all || !p.Reviewed || p.Tags.Any(t => t.Agreement != Agreement.Both)))
        {
            var tags = new JsonArray();
            foreach (var t in p.Tags)
                tags.Add(new JsonObject
                {
                    ["dimension"] = t.Dimension, ["label"] = t.Label,
                    ["agreement"] = t.Agreement switch { Agreement.Both => "both", Agreement.RulesOnly => "rules-only", _ => "llm-only" },
                    ["quote"] = t.LlmLabel?.Quote,
                });
            passages.Add(new JsonObject
            {
                ["passage"] = p.Ordinal, ["page"] = p.Passage.Passage.Page, ["status"] = (p.Review?.Status ?? ReviewStatus.Skipped).ToString().ToLowerInvariant(),
                ["failure"] = p.Review?.Failure?.Message, ["tags"] = tags,
            });
        }
        var root = new JsonObject
        {
            ["title"] = title, ["document"] = documentId, ["model"] = reviewer.Options.Model, ["endpoint"] = LlmEndpoint.Describe(reviewer.Options),
            ["promptVersion"] = reviewer.Prompt.Version,
            ["passages"] = s.Passages, ["answered"] = s.Answered, ["cached"] = s.Cached, ["failed"] = s.Failed, ["malformedReplies"] = s.MalformedReplies,
            ["skipped"] = s.Skipped, ["stoppedBy"] = s.StoppedBy?.Message,
            ["promptTokens"] = s.PromptTokens, ["completionTokens"] = s.CompletionTokens,
            ["seconds"] = Math.Round(s.Elapsed.TotalSeconds, 3), ["passagesPerSecond"] = Math.Round(s.PassagesPerSecond, 3),
            ["agreement"] = opinion.Share is { } all2 ? Math.Round(all2, 4) : null,
            ["labels"] = labels, ["reviewedPassages"] = passages,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

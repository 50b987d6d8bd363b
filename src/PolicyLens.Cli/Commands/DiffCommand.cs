using System.CommandLine;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens diff OLD NEW [--format text|json] [--db FILE] [--rules DIR]</c>: what changed from
/// one version of a plan to another. OLD and NEW are stored document ids or plan files (read and
/// tagged in memory). JSON has <c>gained</c> and <c>lost</c> as "dimension:id" lists,
/// <c>status_changes</c>, <c>passages_added</c>, <c>passages_removed</c> and more.
/// Exit 0 on success, 1 when a plan cannot be read or found, 2 for usage errors.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var old = new Argument<string>("old") { Description = "The earlier version: a stored document id or a plan file." };
        var @new = new Argument<string>("new") { Description = "The later version: a stored document id or a plan file." };
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var db = ReportStore.DatabaseOption();
        var rules = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var command = new Command("diff", "Show what changed between two versions of a plan: labels, statuses, checks and passages.")
        {
            old, @new, format, db, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(old)!, parse.GetValue(@new)!, parse.GetValue(format)!, parse.GetValue(db), parse.GetValue(rules), stdout, stderr));
        return command;
    }

    internal static int Run(string oldTarget, string newTarget, string format, string? dbPath, string? rulesDir, TextWriter stdout, TextWriter stderr)
    {
        var tagger = RulesLocation.LoadSetup(rulesDir, stderr)?.Tagger;
        if (tagger is null) return ExtractCommand.InputError;
        if (CheckLoading.Analyzer(rulesDir, stderr) is not { } analyzer) return ExtractCommand.InputError;
        var old = ReportOutput.Analyze(oldTarget, dbPath, tagger, analyzer, null, stderr);
        if (old is null) return ExtractCommand.InputError;
        var @new = ReportOutput.Analyze(newTarget, dbPath, tagger, analyzer, null, stderr);
        if (@new is null) return ExtractCommand.InputError;

        var diff = new PlanDiffer().Diff(old, @new);
        var names = tagger.Labels.ToDictionary(LabelKeys.Of, l => l.Name, StringComparer.Ordinal);
        stdout.Write(format == "json" ? PlanDiffRenderer.Json(diff) + Environment.NewLine : PlanDiffRenderer.Text(diff, key => names.GetValueOrDefault(key, key)));
        return 0;
    }
}

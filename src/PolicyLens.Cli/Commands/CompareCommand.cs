using System.CommandLine;
using System.Globalization;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens compare [ids|files...] [--format csv|xlsx|json] [--out FILE] [--db FILE] [--rules DIR]</c>:
/// the documents × labels matrix with strengths, ranks and the share of plans covering each label.
/// Numbers are stored documents, paths are analysed in memory; no arguments compares every stored document.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var plans = new Argument<string[]>("plans") { Description = "Document ids from the store and/or plan files; none: every stored document.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string?>("--format") { Description = "csv (default), json or xlsx (xlsx needs --out). Without --format, the --out extension decides." };
        format.AcceptOnlyFromAmong([.. ReportOutput.ComparisonRenderers.Select(r => r.Format)]);
        var output = new Option<string?>("--out") { Description = "Write the comparison to this file instead of standard output." };
        var db = ReportStore.DatabaseOption();
        var rules = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var command = new Command("compare", "Compare plans: a documents × labels matrix with strengths, ranks and how many plans cover each label.")
        {
            plans, format, output, db, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(plans) ?? [], parse.GetValue(format), parse.GetValue(output), parse.GetValue(db),
            parse.GetValue(rules), stdout, stderr));
        return command;
    }

    internal static int Run(IReadOnlyList<string> targets, string? format, string? outPath, string? dbPath, string? rulesDir,
        TextWriter stdout, TextWriter stderr)
    {
        var chosen = ReportOutput.ChooseFormat(format, outPath, ReportOutput.ComparisonRenderers.Select(r => r.Format), "csv");
        var renderer = ReportOutput.ComparisonRenderers.Single(r => r.Format == chosen);
        if (!renderer.IsText && outPath is null)
        {
            stderr.WriteLine($"policylens: the {chosen} format is a binary file; give --out FILE (for example --out vergelijking.{chosen})");
            return Program.UsageError;
        }
        var tagger = RulesLocation.LoadSetup(rulesDir, stderr)?.Tagger;
        if (tagger is null) return ExtractCommand.InputError;
        if (CheckLoading.Analyzer(rulesDir, stderr) is not { } analyzer) return ExtractCommand.InputError;

        var coverages = new List<PlanCoverage>();
        var failed = false;
        if (targets.Count == 0)
        {
            var all = ReportStore.LoadAll(dbPath, tagger, analyzer, stderr);
            if (all is null) return ExtractCommand.InputError;
            coverages.AddRange(all);
        }
        // Numbers are stored documents (read from one open store), anything else a file; the output keeps the argument order.
        var slots = new PlanCoverage?[targets.Count];
        var stored = new List<(int Slot, long Id)>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (!File.Exists(targets[i]) && long.TryParse(targets[i], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                stored.Add((i, id));
            else if ((slots[i] = ReportOutput.AnalyzeFile(targets[i], tagger, analyzer, null, stderr)) is null) failed = true;
        }
        if (stored.Count > 0)
        {
            var loaded = ReportStore.LoadMany([.. stored.Select(s => s.Id)], dbPath, tagger, analyzer, stderr);
            if (loaded is null) failed = true;
            else for (var k = 0; k < stored.Count; k++) slots[stored[k].Slot] = loaded[k];
        }
        if (!failed) coverages.AddRange(slots.OfType<PlanCoverage>());
        // A plan that cannot be read is named on stderr; comparing the rest would hide it in a table.
        if (failed) return ExtractCommand.InputError;
        if (coverages.Count == 0)
        {
            stderr.WriteLine("policylens: no documents to compare; ingest plans first ('policylens ingest') or give plan files");
            return ExtractCommand.InputError;
        }
        var report = new ComparisonReport(new PlanComparer().Compare(coverages), coverages);
        return ReportOutput.Write(renderer.IsText, chosen, stream => renderer.Write(report, stream), outPath, stdout, stderr);
    }
}

using System.CommandLine;
using System.Globalization;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens compare [ids|files...] [--format table|csv|xlsx|json|md|html|docx] [--separator ;] [--decimal ,] [--out FILE] [--db FILE] [--rules DIR]</c>:
/// the documents × labels matrix (passages, statuses and strengths), or the comparison report with
/// its headline findings (md, html, docx). A table by default (<see cref="CompareTable"/>); CSV only
/// when asked for with <c>--format csv</c> or an <c>--out</c> file (whose extension chooses the
/// format, CSV when it names none). Numbers are stored documents, paths are analysed in memory; no
/// arguments compares the newest version of every stored plan.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var plans = new Argument<string[]>("plans") { Description = "Document ids from the store and/or plan files; none: every stored document.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string?>("--format") { Description = $"{TableFormat} (default), csv, xlsx, json, or the report as md, html or docx (xlsx and docx need --out). Without --format, the --out extension decides (csv when it names none)." };
        var separator = new Option<string?>("--separator") { Description = "CSV field separator: ; (default), , or tab or |." };
        var decimalMark = new Option<string?>("--decimal") { Description = "CSV decimal mark: , (default) or ." };
        format.AcceptOnlyFromAmong([TableFormat, .. ReportOutput.ComparisonRenderers.Select(r => r.Format)]);
        var output = new Option<string?>("--out") { Description = "Write the comparison to this file instead of standard output." };
        var db = ReportStore.DatabaseOption();
        var rules = RulesLocation.Option();
        var command = new Command("compare", "Compare plans: a documents × labels matrix with strengths, ranks and how many plans cover each label.")
        {
            plans, format, separator, decimalMark, output, db, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(plans) ?? [], parse.GetValue(format), parse.GetValue(output), parse.GetValue(db),
            parse.GetValue(rules), parse.GetValue(CliOptions.Verbose), stdout, stderr, parse.GetValue(separator), parse.GetValue(decimalMark)));
        return command;
    }

    public const string TableFormat = "table";

    internal static int Run(IReadOnlyList<string> targets, string? format, string? outPath, string? dbPath, string? rulesDir, bool verbose,
        TextWriter stdout, TextWriter stderr, string? separator = null, string? decimalMark = null)
    {
        // A CSV option without --format asks for CSV; otherwise a terminal gets the table.
        var chosen = format ?? (outPath is not null ? ReportOutput.ChooseFormat(null, outPath, ReportOutput.ComparisonRenderers.Select(r => r.Format), "csv")
            : separator is null && decimalMark is null ? TableFormat : "csv");
        var renderer = ReportOutput.ComparisonRenderers.SingleOrDefault(r => r.Format == chosen);
        if (chosen == "csv")
        {
            // A byte order mark helps Excel open a file; on standard output it would only be a stray character.
            var csv = new CsvComparisonOptions
            {
                Separator = separator is null ? ';' : separator is "tab" or "\\t" ? '\t' : separator.Length == 1 ? separator[0] : '\0',
                DecimalMark = decimalMark is { Length: 1 } ? decimalMark[0] : decimalMark is null ? ',' : '\0',
                ByteOrderMark = outPath is not null,
            };
            if (csv.Problem() is { } problem)
            {
                stderr.WriteLine($"policylens: {problem}");
                return Program.UsageError;
            }
            renderer = new CsvComparisonRenderer(csv);
        }
        if (renderer is { IsText: false } && outPath is null)
        {
            stderr.WriteLine(ReportOutput.BinaryNeedsOut(chosen, "vergelijking"));
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
            else if ((slots[i] = ReportOutput.AnalyzeFile(targets[i], tagger, analyzer, null, verbose, stderr)) is null) failed = true;
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
            stderr.WriteLine("policylens: er zijn geen plannen om te vergelijken; lees eerst plannen in ('policylens ingest') of geef planbestanden");
            return ExtractCommand.InputError;
        }
        var comparison = new PlanComparer().Compare(coverages);
        if (renderer is null)
        {
            if (outPath is null)
            {
                CompareTable.Write(StoreAccess.Console(stdout, out _), comparison);
                return 0;
            }
            return ReportOutput.Write(true, chosen, stream =>
            {
                using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
                CompareTable.Write(StoreAccess.Console(text, out _), comparison);
            }, outPath, stdout, stderr);
        }
        var report = new ComparisonReport(comparison, coverages);
        return ReportOutput.Write(renderer.IsText, chosen, stream => renderer.Write(report, stream), outPath, stdout, stderr);
    }
}

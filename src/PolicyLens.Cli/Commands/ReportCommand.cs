using System.CommandLine;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens report &lt;id|file&gt; [--format md|json|docx|html|pdf] [--out FILE] [--appendix] [--db FILE] [--rules DIR]</c>:
/// the full report of one plan (summary, coverage, gaps with suggestions, plan checks, outline, evidence). A file
/// is ingested and tagged in memory; a number is a document id in the store.
/// Exit 0 on success, 1 when the plan cannot be read or found, 2 for usage errors.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var target = new Argument<string>("plan") { Description = "A plan file (PDF, DOCX, ODT, HTML, Markdown, text) or the id of a stored document." };
        var format = new Option<string?>("--format") { Description = "md (default), json, html, docx or pdf (docx and pdf need --out; pdf needs LibreOffice). Without --format, the --out extension decides." };
        format.AcceptOnlyFromAmong([.. ReportOutput.ReportRenderers.Select(r => r.Format)]);
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output." };
        var db = ReportStore.DatabaseOption();
        var rules = RulesLocation.Option();
        var municipality = new Option<string?>("--municipality") { Description = "Municipality shown in the report (for a file)." };
        var appendix = new Option<bool>("--appendix") { Description = "docx and pdf: add every coverage table and all evidence as an appendix." };
        var command = new Command("report", "Write the coverage report of one plan: summary, heatmap, gaps with suggestions, plan checks and evidence.")
        {
            target, format, output, db, rules, municipality, appendix,
        };
        command.SetAction(parse => Run(parse.GetValue(target)!, parse.GetValue(format), parse.GetValue(output), parse.GetValue(db),
            parse.GetValue(rules), parse.GetValue(municipality), parse.GetValue(CliOptions.Verbose), stdout, stderr, parse.GetValue(appendix)));
        return command;
    }

    internal static int Run(string target, string? format, string? outPath, string? dbPath, string? rulesDir, string? municipality, bool verbose,
        TextWriter stdout, TextWriter stderr, bool appendix = false)
    {
        var chosen = ReportOutput.ChooseFormat(format, outPath, ReportOutput.ReportRenderers.Select(r => r.Format), "md");
        var renderer = ReportOutput.ReportRenderers.Single(r => r.Format == chosen);
        if (appendix) renderer = ReportOutput.WithAppendix(renderer);
        if (!renderer.IsText && outPath is null)
        {
            stderr.WriteLine(ReportOutput.BinaryNeedsOut(chosen, "rapport"));
            return Program.UsageError;
        }
        var tagger = RulesLocation.LoadSetup(rulesDir, stderr)?.Tagger;
        if (tagger is null) return ExtractCommand.InputError;
        if (CheckLoading.Analyzer(rulesDir, stderr) is not { } analyzer) return ExtractCommand.InputError;

        var coverage = ReportOutput.Analyze(target, dbPath, tagger, analyzer, municipality, stderr, verbose);
        if (coverage is null) return ExtractCommand.InputError;

        var report = new PlanReportBuilder(appendix ? new ReportOptions { MaxEvidencePerLabel = int.MaxValue } : null).Build(coverage);
        return ReportOutput.Write(renderer.IsText, chosen, stream => renderer.Write(report, stream), outPath, stdout, stderr);
    }
}

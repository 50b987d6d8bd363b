using System.CommandLine;
using PolicyLens.Readers.Pdf;
using PolicyLens.Readers.Rules;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens doctor [--rules DIR]</c>: says whether this machine can do everything PolicyLens
/// does — PDF support (poppler) and a valid rule set — and what to install or fix when not.
/// One line per check in Dutch ("ok" or "FOUT", what, detail); exit 0 when all is well, 1 otherwise.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rulesOption = RulesLocation.Option();
        var popplerOption = new Option<string?>("--poppler") { Description = "Folder holding pdftohtml and pdfinfo (default: found on PATH)." };
        var command = new Command("doctor", "Check PDF support and the rule set on this machine.") { rulesOption, popplerOption };
        command.SetAction(parse =>
        {
            var healthy = true;
            var pdf = PopplerTextSource.Probe(new PdfReaderOptions { PopplerDirectory = parse.GetValue(popplerOption) });
            if (pdf.IsAvailable) stdout.WriteLine($"ok    PDF-ondersteuning: {pdf.Engine} {pdf.Version}");
            else
            {
                healthy = false;
                stdout.WriteLine("FOUT  PDF-ondersteuning ontbreekt: poppler is niet gevonden. Installeer het met 'sudo apt-get install poppler-utils' " +
                                 "(macOS: 'brew install poppler'; Windows: zie de README) of geef de map met --poppler.");
                if (parse.GetValue(CliOptions.Verbose)) stdout.WriteLine($"      detail: {pdf.Message}");
            }

            var rulesPath = RulesLocation.Resolve(parse.GetValue(rulesOption));
            var rules = RuleSetLoader.LoadDirectory(rulesPath);
            if (rules.RuleSet is { } set)
            {
                stdout.WriteLine($"ok    regels: {set.Version} uit {rulesPath}");
                var model = PolicyLens.Learning.Model.TaggerSetup.Create(new PolicyLens.Tagging.RuleTagger(set),
                    PolicyLens.Learning.Model.ModelFile.DefaultPath(rulesPath)).Model;
                // Without the model PolicyLens still tags (with the rules alone), so this warns rather than fails.
                if (model.InUse)
                    stdout.WriteLine($"{(model.Warning is null ? "ok    " : "let op")}  geleerd model: {model.Version} uit {model.Path}" +
                                     (model.Warning is null ? "" : $" ({model.Warning})"));
                else stdout.WriteLine($"let op  geleerd model: {model.Problem}");
            }
            else
            {
                healthy = false;
                stdout.WriteLine($"FOUT  regels in {rulesPath}");
                RulesLocation.WriteProblems(stderr, rulesPath, rules);
            }
            stdout.WriteLine("ok    DOCX, ODT, HTML, Markdown en tekst hebben geen extra programma's nodig");
            return healthy ? 0 : 1;
        });
        return command;
    }
}

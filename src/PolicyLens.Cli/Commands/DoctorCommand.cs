using System.CommandLine;
using PolicyLens.Readers.Pdf;
using PolicyLens.Readers.Rules;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens doctor [--rules DIR]</c>: says whether this machine can do everything PolicyLens
/// does — a PDF engine (poppler, else the embedded PdfPig worker), OCR (tesseract) and a valid rule
/// set — and what to install or fix when not. One line per check in Dutch ("ok", "let op" or
/// "FOUT", what, detail; the engine's English words with --verbose); exit 0 when PDFs can be read
/// and the rules load, 1 otherwise.
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
            // Every PDF engine in the order they are tried, then OCR; PDF works when one engine does.
            var verbose = parse.GetValue(CliOptions.Verbose);
            var pdfOptions = PdfSettings.Load(parse.GetValue(popplerOption));
            var engines = new PdfReader(pdfOptions).EngineStatuses();
            var pdfEngines = engines.Where(e => e.Engine != "tesseract").ToList();
            if (!pdfEngines.Any(e => e.IsAvailable)) healthy = false;
            foreach (var e in engines)
            {
                var optional = e.Engine == "tesseract" || pdfEngines.Any(o => o.IsAvailable);
                var mark = e.IsAvailable ? "ok  " : optional ? "let op" : "FOUT";
                var role = e.Engine == "tesseract" ? "OCR" : "PDF-lezer";
                stdout.WriteLine($"{mark}  {role}: {EngineLine(e, pdfOptions)}");
                if (verbose) stdout.WriteLine($"      detail: {e.Message}");
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

    /// <summary>What an engine's line says in Dutch: its version, or why it is missing and what to install.</summary>
    private static string EngineLine(PdfEngineStatus e, PdfReaderOptions options) => (e.Engine, e.IsAvailable) switch
    {
        ("tesseract", true) => $"tesseract {e.Version}, talen {options.Ocr.Languages}; " +
                               (options.Ocr.Enabled ? "OCR staat aan" : "OCR staat uit (zet PolicyLens:Ocr:Enabled op true om gescande pagina's te laten herkennen)"),
        ("tesseract", false) => "tesseract met het Nederlandse taalpakket ontbreekt; gescande pagina's worden overgeslagen. " +
                                "Installeer het met 'sudo apt-get install tesseract-ocr tesseract-ocr-nld' (macOS: 'brew install tesseract tesseract-lang').",
        ("poppler", true) => $"poppler {e.Version}",
        ("poppler", false) => "poppler is niet gevonden. Installeer het met 'sudo apt-get install poppler-utils' " +
                              "(macOS: 'brew install poppler'; Windows: zie de README) of geef de map met --poppler.",
        (_, true) => $"{e.Engine} {e.Version} (ingebouwd)",
        (_, false) => $"{e.Engine} (de ingebouwde lezer) is niet gevonden naast het programma; zet PolicyLens:PdfPigWorkerPath of installeer PolicyLens opnieuw.",
    };
}

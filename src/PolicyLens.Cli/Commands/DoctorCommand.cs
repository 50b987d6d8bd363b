using System.CommandLine;
using PolicyLens.Llm;
using PolicyLens.Readers.Pdf;
using PolicyLens.Readers.Rules;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens doctor [--rules DIR]</c>: says whether this machine can do everything PolicyLens
/// does — a PDF engine (poppler, else the embedded PdfPig worker), OCR (tesseract), a valid rule
/// set, the optional LLM reviewer (where passage text would be sent) — and what to install or fix
/// when not. The lines of PDF, OCR and rules are Dutch ("ok", "let op" or "FOUT", what, detail;
/// the engine's English words with --verbose); exit 0 when PDFs can be read, the rules load and
/// the LLM reviewer (when on) answers, 1 otherwise.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rulesOption = RulesLocation.Option();
        var popplerOption = new Option<string?>("--poppler") { Description = "Folder holding pdftohtml and pdfinfo (default: found on PATH)." };
        var command = new Command("doctor", "Check PDF support, the rule set and the optional LLM reviewer on this machine.") { rulesOption, popplerOption };
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
            healthy &= LlmLine(rulesPath, stdout);
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
    /// <summary>
    /// Whether the optional LLM reviewer is on and where passage text would go; when on, whether the
    /// server answers and knows the model (a model list is fetched: no passage text is sent).
    /// </summary>
    private static bool LlmLine(string rulesPath, TextWriter stdout)
    {
        var options = LlmSetup.Options(null, null);
        if (!options.Enabled)
        {
            stdout.WriteLine("ok    LLM reviewer: off (PolicyLens:Llm:Endpoint is empty), no passage text is sent anywhere");
            return true;
        }
        var info = LlmEndpoint.Info(options);
        var where = $"passage text goes to {info.Address} (model {options.Model}; {(info.IsLocal ? "this computer" : "another computer")}" +
                    $"{(info.IsLocal || info.IsEncrypted ? "" : ", unencrypted")}; API key {(info.HasApiKey ? "set" : "none")})";
        var writer = new StringWriter();
        using var reviewer = LlmSetup.CreateReviewer(options, rulesPath, null, writer);
        if (reviewer is null)
        {
            stdout.WriteLine($"FAIL  LLM reviewer: {writer.ToString().Trim().Replace("policylens: ", "", StringComparison.Ordinal)}");
            return false;
        }
        if (reviewer.ProbeAsync().GetAwaiter().GetResult() is { } failure)
        {
            stdout.WriteLine($"FAIL  LLM reviewer: {where}: {failure.Message}");
            return false;
        }
        stdout.WriteLine($"ok    LLM reviewer: {where}, prompt {reviewer.Prompt.Version}");
        return true;
    }
}

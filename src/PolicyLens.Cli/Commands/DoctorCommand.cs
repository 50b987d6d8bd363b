using System.CommandLine;
using PolicyLens.Llm;
using PolicyLens.Readers.Pdf;
using PolicyLens.Readers.Rules;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens doctor [--rules DIR]</c>: says whether this machine can do everything PolicyLens
/// does — PDF support (poppler), a valid rule set, the optional LLM reviewer (where passage text
/// would be sent) — and what to install or fix when not.
/// Exit 0 when all is well, 1 otherwise.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rulesOption = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var popplerOption = new Option<string?>("--poppler") { Description = "Folder holding pdftohtml and pdfinfo (default: found on PATH)." };
        var command = new Command("doctor", "Check PDF support, the rule set and the optional LLM reviewer on this machine.") { rulesOption, popplerOption };
        command.SetAction(parse =>
        {
            var healthy = true;
            // Every PDF engine in the order they are tried, then OCR; PDF works when one engine does.
            var engines = new PdfReader(PdfSettings.Load(parse.GetValue(popplerOption))).EngineStatuses();
            var pdfEngines = engines.Where(e => e.Engine != "tesseract").ToList();
            if (!pdfEngines.Any(e => e.IsAvailable)) healthy = false;
            foreach (var e in engines)
            {
                var optional = e.Engine == "tesseract" || pdfEngines.Any(o => o.IsAvailable);
                var mark = e.IsAvailable ? "ok  " : optional ? "warn" : "FAIL";
                var role = e.Engine == "tesseract" ? "OCR" : "PDF engine";
                stdout.WriteLine(e.IsAvailable ? $"{mark}  {role}: {e.Engine} {e.Version} — {e.Message}" : $"{mark}  {role}: {e.Message}");
            }

            var rulesPath = RulesLocation.Resolve(parse.GetValue(rulesOption));
            var rules = RuleSetLoader.LoadDirectory(rulesPath);
            if (rules.RuleSet is { } set)
            {
                stdout.WriteLine($"ok    rules: {set.Version} from {rulesPath}");
                var model = PolicyLens.Learning.Model.TaggerSetup.Create(new PolicyLens.Tagging.RuleTagger(set),
                    PolicyLens.Learning.Model.ModelFile.DefaultPath(rulesPath)).Model;
                // Without the model PolicyLens still tags (with the rules alone), so this warns rather than fails.
                if (model.InUse)
                    stdout.WriteLine($"{(model.Warning is null ? "ok  " : "warn")}  learned model: {model.Version} from {model.Path}" +
                                     (model.Warning is null ? "" : $" ({model.Warning})"));
                else stdout.WriteLine($"warn  learned model: {model.Problem}");
            }
            else
            {
                healthy = false;
                stdout.WriteLine($"FAIL  rules in {rulesPath}:");
                stderr.WriteLine(rules.Describe());
            }
            stdout.WriteLine("ok    DOCX, ODT, HTML, Markdown and text need no external tools");
            healthy &= LlmLine(rulesPath, stdout);
            return healthy ? 0 : 1;
        });
        return command;
    }

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

using System.CommandLine;
using PolicyLens.Readers.Pdf;
using PolicyLens.Readers.Rules;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens doctor [--rules DIR]</c>: says whether this machine can do everything PolicyLens
/// does — PDF support (poppler) and a valid rule set — and what to install or fix when not.
/// Exit 0 when all is well, 1 otherwise.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rulesOption = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var popplerOption = new Option<string?>("--poppler") { Description = "Folder holding pdftohtml and pdfinfo (default: found on PATH)." };
        var command = new Command("doctor", "Check PDF support and the rule set on this machine.") { rulesOption, popplerOption };
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
            return healthy ? 0 : 1;
        });
        return command;
    }
}

using System.Text.Json;
using PolicyLens.Cli;

namespace PolicyLens.Cli.Tests.Rules;

public class RuleCommands
{
    private static readonly string Root = CliHarness.RepositoryRoot();
    private static string RulesDir => Path.Join(Root, "rules");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Rules_check_passes_on_the_shipped_rules_and_names_the_version()
    {
        var (code, output, error) = Run("rules", "check", "--rules", RulesDir);
        Assert.True(code == 0, error);
        Assert.Contains("voorbeelden kloppen. Regelset sha256:", output);
        Assert.Contains("11 plancontroles in 4 bestanden compileren", output);
    }

    [Theory]
    [InlineData("plan.Counts.Headings >", "Expression, position 23: Expression expected")]
    [InlineData("plan.GetType().Assembly.FullName != \"\"", "Expression, position 6: 'GetType' reaches outside the plan summary")]
    public void Rules_check_compiles_every_plan_check_and_names_file_rule_name_and_position(string expression, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("policylens-rules-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RulesDir, "*.yaml")) File.Copy(file, Path.Join(dir, Path.GetFileName(file)));
            Directory.CreateDirectory(Path.Join(dir, "checks"));
            File.WriteAllText(Path.Join(dir, "checks", "eigen.json"), $$"""
                {
                  "WorkflowName": "eigen",
                  "Rules": [
                    { "RuleName": "eigen-check", "Expression": {{JsonSerializer.Serialize(expression)}},
                      "Properties": { "title": "T", "severity": "info", "explanation": "E", "message": "M" } }
                  ]
                }
                """);
            var (code, _, error) = Run("rules", "check", "--rules", dir);
            Assert.Equal(1, code);
            Assert.Contains("checks/eigen.json:4: [eigen-check] " + expected, error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Inside_a_checkout_the_built_cli_checks_the_checkouts_edited_rules_not_its_own_copy()
    {
        var checkout = Directory.CreateTempSubdirectory("policylens-checkout-").FullName;
        try
        {
            File.WriteAllText(Path.Join(checkout, "PolicyLens.sln"), "");
            var rules = Directory.CreateDirectory(Path.Join(checkout, "rules")).FullName;
            foreach (var file in Directory.GetFiles(RulesDir, "*.yaml")) File.Copy(file, Path.Join(rules, Path.GetFileName(file)));
            File.AppendAllText(Path.Join(rules, "type.yaml"), "\n# edited in this checkout\n");
            var shipped = Run("rules", "check", "--rules", RulesDir).Out;

            // The program as built (under the test's bin folder), started from the checkout's root.
            var start = new System.Diagnostics.ProcessStartInfo(Path.Join(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "policylens.exe" : "policylens"), ["rules", "check"])
            {
                WorkingDirectory = checkout, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "rules check did not finish");
            Assert.True(process.ExitCode == 0, output + error);
            Assert.StartsWith(rules + ":", output);
            Assert.NotEqual(Version(shipped), Version(output));
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
        }
    }

    private static string Version(string output) => System.Text.RegularExpressions.Regex.Match(output, "Regelset (sha256:[0-9a-f]+)").Groups[1].Value;

    [Fact]
    public void Rules_check_fails_with_file_line_and_rule_id_on_a_broken_file()
    {
        var dir = Directory.CreateTempSubdirectory("policylens-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Join(dir, "type.yaml"), "dimension: type\nlabels:\n  - id: sociaal\n    name: s\n    description: d\n    rules:\n      - id: a\n        terms: [eenzaam*]\n        not: [eenzaam*]\n");
            var (code, _, error) = Run("rules", "check", "--rules", dir);
            Assert.Equal(1, code);
            Assert.Contains("type.yaml:8: [type.sociaal.a]", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Tag_prints_labels_with_their_evidence()
    {
        var (code, output, _) = Run("tag", "--rules", RulesDir, "--format", "json", "--text", "Elke week is er een buurtsoep in het buurthuis tegen eenzaamheid.");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var tags = json.RootElement.GetProperty("tags").EnumerateArray().ToArray();
        var meeting = Assert.Single(tags, t => t.GetProperty("label").GetString() == "herhaalde-ontmoetingen");
        Assert.Equal("element", meeting.GetProperty("dimension").GetString());
        Assert.Contains(meeting.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("matched").GetString() == "buurthuis");
    }

    [Fact]
    public void Tag_with_a_file_tags_every_passage_under_its_heading_path()
    {
        var plan = Path.Join(Root, "seeds", "beekhoven-meerjarenplan-2026-2031.docx");
        var (code, output, error) = Run("tag", plan, "--rules", RulesDir, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var buddies = json.RootElement.GetProperty("passages").EnumerateArray()
            .Single(p => p.GetProperty("text").GetString()!.StartsWith("We breiden het maatjesproject uit", StringComparison.Ordinal));
        Assert.Contains(buddies.GetProperty("headings").EnumerateArray(), h => h.GetString()!.StartsWith("Actieplan 1.2", StringComparison.Ordinal));
        Assert.Contains(buddies.GetProperty("tags").EnumerateArray(), t => t.GetProperty("label").GetString() == "betekenisvol-contact");
    }

    [Fact]
    public void Tag_needs_either_a_file_or_a_text()
    {
        var (code, _, error) = Run("tag", "--rules", RulesDir);
        Assert.Equal(2, code);
        Assert.Contains("Geef een bestand of --text", error);
    }

    [Fact]
    public void Eval_reports_the_documented_json_shape()
    {
        var gold = Path.GetFullPath(Path.Join(Root, "..", "shared", "corpus", "dev", "gold.jsonl"));
        var (code, output, error) = Run("eval", "--rules", RulesDir, "--gold", gold, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(222, json.RootElement.GetProperty("passages").GetInt32());
        var element = json.RootElement.GetProperty("dimensions").GetProperty("element");
        Assert.InRange(element.GetProperty("micro").GetProperty("f1").GetDouble(), 0.0, 1.0);
        Assert.True(element.GetProperty("labels").GetProperty("bezig-zijn").TryGetProperty("support", out _));
    }
}

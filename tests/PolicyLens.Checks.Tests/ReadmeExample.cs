using System.Text.RegularExpressions;
using PolicyLens.Coverage;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Checks.Tests;

/// <summary>The worked example of rules/README.md ("Plan checks") loads and does what the README says.</summary>
public partial class ReadmeExample
{
    [GeneratedRegex(@"### Worked example.*?```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static RulesEnginePlanChecker Load()
    {
        var readme = File.ReadAllText(Path.Join(Repo.Rules, "README.md"));
        var json = Example().Match(readme);
        Assert.True(json.Success, "rules/README.md has a worked example in a json block");
        using var checks = new TempChecks(("eigen.json", json.Groups[1].Value));
        var result = checks.Load();
        Assert.True(result.Success, result.Describe());
        return result.Checker!;
    }

    [GeneratedRegex(@"### File format.*?```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Format();

    [Fact]
    public void The_annotated_file_format_loads_as_written()
    {
        using var checks = new TempChecks(("format.json", Format().Match(File.ReadAllText(Path.Join(Repo.Rules, "README.md"))).Groups[1].Value));
        var result = checks.Load();
        Assert.True(result.Success, result.Describe());
        Assert.Equal(["deficit-only"], result.Checker!.Checks.Select(c => c.Id));
    }

    private static CheckResult Run(PlanBuilder plan) =>
        Assert.Single(new CoverageAnalyzer(checker: Load()).Analyze(Labels.Plan("Plan"), plan.Passages, Labels.All).Checks);

    [Fact]
    public void Carers_under_an_action_pass()
    {
        var result = Run(new PlanBuilder().Heading(1, "BD 1 Zorg").Heading(2, "Actie 1.1.1 Mantelzorgers")
            .Text("Mantelzorgers krijgen een vaste ontmoetingsavond.", "risk:mantelzorgers"));
        Assert.Equal("carers-with-an-action", result.Id);
        Assert.Equal(CheckStatus.InOrde, result.Status);
        Assert.Equal("Mantelzorgers krijgen een actie: passage 3 (p. 1).", result.Message);
        Assert.Equal([2], result.PassageOrdinals);
    }

    [Fact]
    public void Carers_named_without_an_action_ask_for_attention_and_a_plan_without_carers_is_not_judged()
    {
        var named = Run(new PlanBuilder().Heading(1, "Inleiding").Text("Ook mantelzorgers voelen zich soms eenzaam.", "risk:mantelzorgers"));
        Assert.Equal(CheckStatus.Aandacht, named.Status);
        Assert.Equal("Het plan noemt mantelzorgers (1 passages), maar geen enkele keer onder een actie.", named.Message);
        Assert.Equal(CheckStatus.NietVanToepassing, Run(new PlanBuilder().Heading(1, "H").Text("Niets.")).Status);
    }
}

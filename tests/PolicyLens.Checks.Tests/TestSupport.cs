using PolicyLens.Coverage;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Checks.Tests;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Join(Root, "rules");
    public static string Checks => Path.Join(Root, "rules", "checks");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No PolicyLens.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The shipped checks of rules/checks, loaded once, and hand-made plans run through them.</summary>
internal static class Shipped
{
    private static readonly Lazy<RulesEnginePlanChecker> Lazy = new(() => CheckSetLoader.LoadOrThrow(Repo.Checks));

    public static RulesEnginePlanChecker Checker => Lazy.Value;

    public static PlanCoverage Analyze(PlanBuilder plan) =>
        new CoverageAnalyzer(checker: Checker).Analyze(Labels.Plan("Testplan"), plan.Passages, Labels.All);

    public static CheckResult Check(PlanBuilder plan, string id) => Analyze(plan).Check(id) ?? throw new InvalidOperationException($"No check {id}.");
}

/// <summary>Check files written by a test into a temporary folder of their own.</summary>
internal sealed class TempChecks : IDisposable
{
    public TempChecks(params (string Name, string Json)[] files)
    {
        Folder = Path.Join(Path.GetTempPath(), "policylens-checks-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var (name, json) in files) File.WriteAllText(Path.Join(Folder, name), json);
    }

    public string Folder { get; }

    public CheckSetLoadResult Load() => CheckSetLoader.LoadDirectory(Folder);

    /// <summary>One workflow with one rule: the given expression and product properties around it.</summary>
    public static string OneRule(string expression, string id = "test-check", string extraProperties = "", string localParams = "") => $$"""
        {
          "WorkflowName": "test",
          "Rules": [
            {
              "RuleName": "{{id}}",
              {{(localParams.Length > 0 ? $"\"LocalParams\": [{localParams}]," : "")}}
              "Expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}},
              "Properties": {
                "title": "Testcontrole",
                "severity": "aandacht",
                "explanation": "Waarom het ertoe doet.",
                "message": "Niet gehaald."{{extraProperties}}
              }
            }
          ]
        }
        """;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

using PolicyLens.Coverage;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Checks.Tests;

/// <summary>Loading check files: every expression is compiled at once and every mistake is named with file, line, RuleName and position.</summary>
public class CheckValidation
{
    private static string Problems(string json, string file = "mijn-checks.json")
    {
        using var checks = new TempChecks((file, json));
        var result = checks.Load();
        Assert.False(result.Success, "the check files should have been refused");
        return result.Describe();
    }

    [Fact]
    public void A_broken_expression_is_refused_with_file_line_rule_name_and_position()
    {
        var message = Problems(TempChecks.OneRule("plan.Counts.Headings >", id: "kapotte-check"));
        Assert.Contains("checks/mijn-checks.json:5: [kapotte-check] Expression, position 23:", message);
        Assert.Contains("plan.Counts.Headings >", message);
        Assert.Contains("^", message);
    }

    [Fact]
    public void A_misspelt_field_is_refused_before_it_silently_does_nothing()
    {
        Assert.Contains("No property or field 'Headingz'", Problems(TempChecks.OneRule("plan.Counts.Headingz > 0")));
        Assert.Contains("Expresion", Problems(TempChecks.OneRule("plan.Counts.Headings > 0").Replace("\"Expression\"", "\"Expresion\"")));
        Assert.Contains("unknown property 'titel'", Problems(TempChecks.OneRule("true", extraProperties: ", \"titel\": \"x\"")));
    }

    [Fact]
    public void An_expression_that_is_no_yes_or_no_question_is_refused()
    {
        Assert.Contains("[test-check] Expression, position", Problems(TempChecks.OneRule("plan.Counts.Headings")));
    }

    [Fact]
    public void Broken_json_names_its_line()
    {
        Assert.Contains("checks/mijn-checks.json:3: not valid check JSON", Problems("{\n  \"WorkflowName\": \"x\",\n  \"Rules\": [ { \"RuleName\": }\n]}"));
    }

    [Fact]
    public void The_product_fields_are_required_and_the_severity_is_one_of_three()
    {
        Assert.Contains("'title' is missing", Problems(TempChecks.OneRule("true").Replace("\"title\": \"Testcontrole\",", "")));
        Assert.Contains("'severity' is waarschuwing, aandacht or info, not 'hoog'", Problems(TempChecks.OneRule("true").Replace("\"aandacht\"", "\"hoog\"")));
        Assert.Contains("'RuleName' is the check's id", Problems(TempChecks.OneRule("true", id: "Mijn Check")));
    }

    [Fact]
    public void A_label_key_that_the_framework_does_not_know_is_refused()
    {
        var message = Problems(TempChecks.OneRule("plan.Label[\"focus:werkk\"].Present"));
        Assert.Contains("'focus:werkk' is not a label of the framework", message);
        Assert.Contains("onderwijs, werk, zorg-ondersteuning", message);
    }

    [Fact]
    public void Two_checks_with_one_id_are_refused_across_files()
    {
        using var checks = new TempChecks(("a.json", TempChecks.OneRule("true", id: "dubbel")),
            ("b.json", TempChecks.OneRule("true", id: "dubbel").Replace("\"test\"", "\"ander\"")));
        var result = checks.Load();
        Assert.False(result.Success);
        Assert.Contains("checks/b.json:5: [dubbel] the check id is also used in checks/a.json", result.Describe());
    }

    [Fact]
    public void Message_templates_are_compiled_too_and_a_broken_placeholder_names_its_position()
    {
        var message = Problems(TempChecks.OneRule("true").Replace("\"Niet gehaald.\"", "\"Gevonden: {plan.Counts.Koppen} koppen.\""));
        Assert.True(message.Contains("message, position 24: No property or field 'Koppen'", StringComparison.Ordinal), message);
        Assert.Contains("a '{' without its '}'", Problems(TempChecks.OneRule("true").Replace("\"Niet gehaald.\"", "\"Gevonden: {plan.Counts.Headings\"")));
    }

    [Fact]
    public void Evidence_must_give_passages_chapters_labels_or_passage_numbers()
    {
        Assert.Contains("'evidence' gives String", Problems(TempChecks.OneRule("true", extraProperties: ", \"evidence\": \"plan.Title\"")));
        using var ok = new TempChecks(("ok.json", TempChecks.OneRule("true", extraProperties: ", \"evidence\": \"plan.Chapters.Select(c => c.Ordinal)\"")));
        Assert.True(ok.Load().Success, ok.Load().Describe());
    }

    [Fact]
    public void A_missing_checks_folder_gives_a_checker_without_checks()
    {
        var result = CheckSetLoader.LoadDirectory(Path.Join(Path.GetTempPath(), "policylens-no-such-folder-" + Guid.NewGuid().ToString("N")));
        Assert.True(result.Success);
        Assert.Empty(result.Checker!.Checks);
    }

    [Fact]
    public void A_disabled_check_is_validated_but_not_run()
    {
        using var checks = new TempChecks(("a.json", TempChecks.OneRule("true").Replace("\"RuleName\": \"test-check\",", "\"RuleName\": \"test-check\", \"Enabled\": false,")));
        var result = checks.Load();
        Assert.True(result.Success, result.Describe());
        Assert.Empty(result.Checker!.Checks);
        Assert.Contains("Type", Problems(TempChecks.OneRule("plan.GetType() != null").Replace("\"RuleName\": \"test-check\",", "\"RuleName\": \"test-check\", \"Enabled\": false,")));
    }

    [Fact]
    public void A_check_that_breaks_on_one_plan_reports_an_error_result_instead_of_throwing()
    {
        using var checks = new TempChecks(("a.json", TempChecks.OneRule("plan.Passages[5].Ordinal > 0")));
        var checker = checks.Load().Checker!;
        var coverage = new CoverageAnalyzer(checker: checker).Analyze(Labels.Plan("Kort"), new PlanBuilder().Heading(1, "H").Text("a").Passages, Labels.All);
        var result = Assert.Single(coverage.Checks);
        Assert.Equal(CheckStatus.Fout, result.Status);
        Assert.Contains("kon op dit plan niet worden uitgevoerd", result.Message);
        Assert.Contains("checks/a.json", result.Message);
    }
}

/// <summary>
/// The trust model's fence: an expression may read the plan summary and nothing else. Each attempt
/// below to reach files, processes, the environment or reflection is refused when the checks load.
/// </summary>
public class CheckSandbox
{
    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("File.ReadAllText(\"/etc/passwd\") != \"\"")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null")]
    [InlineData("Environment.Exit(1) == null")]
    [InlineData("plan.GetType().Assembly.FullName != \"\"")]
    [InlineData("plan.gettype().Name == \"PlanSummary\"")]
    [InlineData("plan.Title.GetType().Assembly.GetTypes().Any()")]
    [InlineData("Activator.CreateInstance(\"mscorlib\", \"System.Object\") != null")]
    [InlineData("AppDomain.CurrentDomain.FriendlyName != \"\"")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("typeof(System.IO.File) != null")]
    [InlineData("plan.Labels.Select(l => l.GetType().GetMethods()).Any()")]
    [InlineData("ExpressionUtils.CheckContains(\"a\", \"b\")")]
    [InlineData("DateTime.Now.Year > 2000")]
    public void An_expression_that_reaches_outside_the_summary_is_refused(string expression)
    {
        using var checks = new TempChecks(("buiten.json", TempChecks.OneRule(expression, id: "naar-buiten")));
        var result = checks.Load();
        Assert.False(result.Success, $"'{expression}' should have been refused");
        var message = result.Describe();
        Assert.Contains("checks/buiten.json:5: [naar-buiten] Expression, position", message);
        Assert.Contains("outside the plan summary", message);
    }

    [Theory]
    [InlineData("Enumerable.Repeat(1, 1000000000).Count() > 0")] // no listed name: the tree walk refuses it
    [InlineData("Enumerable.Range(0, 1000000000).Sum() > 0")]
    [InlineData("Convert.ToBase64String(new byte[] { 1 }) != \"\"")]
    [InlineData("plan.Label.Values.First().Equals(plan).GetHashCode() > 0")]
    public void What_the_name_scan_lets_through_the_tree_walk_refuses(string expression)
    {
        Assert.Null(ExpressionGuard.DeniedName(expression));
        using var checks = new TempChecks(("buiten.json", TempChecks.OneRule(expression)));
        var result = checks.Load();
        Assert.False(result.Success, $"'{expression}' should have been refused");
        Assert.Contains("outside the plan summary", result.Describe());
    }

    [Fact]
    public void Params_and_message_templates_are_fenced_the_same_way()
    {
        using var param = new TempChecks(("p.json", TempChecks.OneRule("x", localParams: "{ \"Name\": \"x\", \"Expression\": \"System.IO.File.Exists(\\\"/etc/passwd\\\")\" }")));
        Assert.Contains("LocalParams 'x', position 1: 'System' reaches outside the plan summary", param.Load().Describe());
        using var template = new TempChecks(("t.json", TempChecks.OneRule("true").Replace("\"Niet gehaald.\"", "\"{plan.GetType().Assembly.Location}\"")));
        Assert.Contains("message, position 7: 'GetType' reaches outside the plan summary", template.Load().Describe());
    }

    [Fact]
    public void Methods_of_the_summary_types_are_not_callable_because_CustomTypes_stay_empty()
    {
        using var checks = new TempChecks(("m.json", TempChecks.OneRule("plan.Labels.First().GetHashCode() != 0")));
        var result = checks.Load();
        // Calling a method of a summary record is refused; properties are the whole interface.
        Assert.False(result.Success);
        Assert.Empty(Shipped.Checker.Settings.CustomTypes);
        Shipped.Analyze(new PlanBuilder().Heading(1, "H").Text("a"));
        Assert.Empty(Shipped.Checker.Settings.CustomTypes); // running does not register the input type either
        Assert.False(Shipped.Checker.Settings.AutoRegisterInputType);
    }

    [Fact]
    public void Reading_the_summary_with_LINQ_strings_and_Math_is_allowed()
    {
        using var checks = new TempChecks(("ok.json", TempChecks.OneRule(
            "plan.Chapters.Where(c => c.Heading.ToLower().Contains(\"zorg\")).All(c => c.Elements.Count > 0) && Math.Max(1, plan.Counts.Headings) >= 1 && plan.Label[\"risk:mantelzorgers\"].Passages >= 0")));
        var result = checks.Load();
        Assert.True(result.Success, result.Describe());
    }
}

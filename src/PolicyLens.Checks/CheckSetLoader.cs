using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PolicyLens.Coverage;
using PolicyLens.Tagging;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace PolicyLens.Checks;

/// <summary>The outcome of loading the check files: a checker, or every problem with file, line, check id and position.</summary>
public sealed record CheckSetLoadResult
{
    public CheckSetLoadResult(RulesEnginePlanChecker? checker, IReadOnlyList<RuleProblem> problems, string folder, int files)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (checker is null == (problems.Count == 0)) throw new ArgumentException("A load result holds either a checker or problems.");
        Checker = checker;
        Problems = problems;
        Folder = folder;
        Files = files;
    }

    public RulesEnginePlanChecker? Checker { get; }
    public IReadOnlyList<RuleProblem> Problems { get; }
    public bool Success => Checker is not null;

    /// <summary>The checks folder that was read.</summary>
    public string Folder { get; }

    /// <summary>Check files found (*.json).</summary>
    public int Files { get; }

    /// <summary>One line per problem, ready for a console or a start-up failure.</summary>
    public string Describe() => Success
        ? $"{Checker!.Checks.Count} plan checks in {Files} file{(Files == 1 ? "" : "s")}"
        : $"The plan checks in {Folder} are invalid ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}); fix them and try again:"
          + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "  " + p));
}

/// <summary>Thrown by <see cref="CheckSetLoader.LoadOrThrow"/>; the message lists every problem.</summary>
public sealed class CheckSetLoadException(CheckSetLoadResult result) : Exception(result.Describe())
{
    public CheckSetLoadResult Result { get; } = result;
}

/// <summary>
/// Reads <c>rules/checks/*.json</c> (RulesEngine workflows, format in rules/README.md "Plan checks"),
/// validates every field, compiles every expression at once — RulesEngine itself compiles lazily, on
/// the first plan — and refuses expressions that reach outside the plan summary. Never throws on
/// bad content: every problem names the file, the line of the rule, its RuleName, the field and
/// the position in the expression.
/// </summary>
public static partial class CheckSetLoader
{
    /// <summary>The name expressions use for the plan summary.</summary>
    public const string PlanParameter = "plan";

    private static readonly string[] PropertyKeys =
        ["title", "severity", "explanation", "message", "passMessage", "notApplicableMessage", "appliesWhen", "evidence", "passEvidence", "highlight"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a typo such as "Expresion" is an error, not a silent default
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckId();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParamName();

    [GeneratedRegex(@"""RuleName""\s*:\s*""((?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RuleNameInFile();

    /// <summary>
    /// The settings of every parse and run: CustomTypes empty and input types not registered, so an
    /// expression can call no method of any type of ours; no RulesEngine message formatting (the
    /// templates are ours).
    /// </summary>
    internal static ReSettings Settings() => new()
    {
        CustomTypes = [],
        AutoRegisterInputType = false,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = true,
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
    };

    /// <summary>Loads every <c>*.json</c> of the folder (name order); a missing folder gives a checker without checks.</summary>
    /// <param name="displayPrefix">How files are named in messages, e.g. "checks/" for files under rules/checks.</param>
    public static CheckSetLoadResult LoadDirectory(string folder, string displayPrefix = "checks/")
    {
        ArgumentNullException.ThrowIfNull(folder);
        var settings = Settings();
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        var problems = new List<RuleProblem>();
        var parser = new RuleExpressionParser(settings);
        var workflows = new List<(Workflow Workflow, List<CompiledCheck> Checks)>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var workflowNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = displayPrefix + Path.GetFileName(path);
            foreach (var loaded in LoadFile(path, file, parser, ids, workflowNames, problems)) workflows.Add(loaded);
        }
        if (problems.Count > 0) return new CheckSetLoadResult(null, problems, folder, files.Length);

        var engine = new RulesEngine.RulesEngine([.. workflows.Select(w => w.Workflow)], settings);
        var checker = new RulesEnginePlanChecker(engine, [.. workflows.Select(w => (w.Workflow.WorkflowName, (IReadOnlyList<CompiledCheck>)w.Checks))], settings);
        // RulesEngine compiles a workflow on its first run; do it now so a rule it cannot compile stops the start, not a report.
        foreach (var problem in checker.WarmUp()) problems.Add(problem);
        return problems.Count > 0 ? new CheckSetLoadResult(null, problems, folder, files.Length) : new CheckSetLoadResult(checker, [], folder, files.Length);
    }

    /// <summary>Loads the folder or throws <see cref="CheckSetLoadException"/> listing every problem.</summary>
    public static RulesEnginePlanChecker LoadOrThrow(string folder, string displayPrefix = "checks/")
    {
        var result = LoadDirectory(folder, displayPrefix);
        return result.Checker ?? throw new CheckSetLoadException(result);
    }

    private static IEnumerable<(Workflow, List<CompiledCheck>)> LoadFile(string path, string file, RuleExpressionParser parser,
        Dictionary<string, string> ids, Dictionary<string, string> workflowNames, List<RuleProblem> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(new SourceLocation(file, 1), "", $"cannot be read: {ex.Message}"));
            return [];
        }
        var lines = RuleLines(text);
        List<Workflow> workflows;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            IEnumerable<JsonElement> elements = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];
            workflows = [];
            foreach (var element in elements)
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(new SourceLocation(file, 1), "", "a check file is one workflow object, or an array of them, with 'WorkflowName' and 'Rules'"));
                    return [];
                }
                workflows.Add(element.Deserialize<Workflow>(Json)!);
            }
        }
        catch (JsonException ex)
        {
            problems.Add(new(new SourceLocation(file, (int)(ex.LineNumber ?? 0) + 1), "", $"not valid check JSON: {ex.Message}"));
            return [];
        }

        var result = new List<(Workflow, List<CompiledCheck>)>();
        foreach (var workflow in workflows)
        {
            var checks = LoadWorkflow(workflow, file, lines, parser, ids, workflowNames, problems);
            if (checks is not null) result.Add((workflow, checks));
        }
        return result;
    }

    private static List<CompiledCheck>? LoadWorkflow(Workflow workflow, string file, Dictionary<string, int> lines, RuleExpressionParser parser,
        Dictionary<string, string> ids, Dictionary<string, string> workflowNames, List<RuleProblem> problems)
    {
        var at = new SourceLocation(file, 1);
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(workflow.WorkflowName))
        {
            problems.Add(new(at, "", "the workflow has no 'WorkflowName'"));
            return null;
        }
        if (!workflowNames.TryAdd(workflow.WorkflowName, file))
            problems.Add(new(at, "", $"the workflow name '{workflow.WorkflowName}' is also used in {workflowNames[workflow.WorkflowName]}; each workflow needs its own name"));
        if (workflow.WorkflowsToInject?.Any() == true) // WorkflowRulesToInject is write-only and sets this too
            problems.Add(new(at, "", "'WorkflowsToInject' is not used by plan checks; put each check in 'Rules'"));
        var rules = workflow.Rules?.ToList() ?? [];
        if (rules.Count == 0) problems.Add(new(at, "", $"the workflow '{workflow.WorkflowName}' has no 'Rules'"));

        // The workflow's GlobalParams come first in every rule's scope, as RulesEngine evaluates them.
        var globalScope = new List<ParameterExpression> { Expression.Parameter(typeof(PlanSummary), PlanParameter) };
        var globals = new List<CheckParameter>();
        var workflowKeys = new List<string>();
        foreach (var param in workflow.GlobalParams ?? [])
            if (!AddParameter(param, "GlobalParams", globalScope, globals, parser, workflowKeys, at, "", problems)) break;

        var compiled = new List<CompiledCheck>();
        foreach (var rule in rules)
        {
            var name = rule.RuleName ?? "";
            var location = new SourceLocation(file, lines.GetValueOrDefault(name, 1));
            var check = LoadRule(rule, workflow.WorkflowName, file, location, globalScope, globals, workflowKeys, parser, problems);
            if (check is null) continue;
            if (ids.TryGetValue(check.Definition.Id, out var other))
                problems.Add(new(location, check.Definition.Id, $"the check id is also used in {other}; every RuleName must be unique over all check files"));
            else ids[check.Definition.Id] = file;
            if (rule.Enabled) compiled.Add(check);
        }
        return problems.Count == before ? compiled : null;
    }

    private static CompiledCheck? LoadRule(Rule rule, string workflow, string file, SourceLocation location, List<ParameterExpression> globalScope,
        List<CheckParameter> globals, List<string> workflowKeys, RuleExpressionParser parser, List<RuleProblem> problems)
    {
        var id = rule.RuleName ?? "";
        var before = problems.Count;
        void Problem(string message) => problems.Add(new(location, id, message));

        if (!CheckId().IsMatch(id))
        {
            Problem($"'RuleName' is the check's id: lowercase letters, digits and hyphens (like 'age-gap'), not '{id}'");
            return null;
        }
        if (!string.IsNullOrEmpty(rule.Operator) || rule.Rules?.Any() == true)
            Problem("nested rules ('Operator', 'Rules') are not used by plan checks; combine conditions in 'Expression' with && and ||");
        if (rule.Actions is not null) Problem("'Actions' are not used by plan checks; the report shows the outcome");
        if (rule.WorkflowsToInject?.Any() == true) Problem("'WorkflowsToInject' is not used by plan checks");
        if (!string.IsNullOrEmpty(rule.ErrorMessage) || !string.IsNullOrEmpty(rule.SuccessEvent))
            Problem("write the messages as 'message' and 'passMessage' under 'Properties' ('ErrorMessage' and 'SuccessEvent' are not used)");
        if (rule.RuleExpressionType != RuleExpressionType.LambdaExpression) Problem("'RuleExpressionType' can only be LambdaExpression");
        if (string.IsNullOrWhiteSpace(rule.Expression)) Problem("'Expression' is missing: the condition a plan must meet to pass");

        var props = Properties(rule, Problem);
        if (props is null || problems.Count > before) return null;
        var title = Required(props, "title", Problem);
        var explanation = Required(props, "explanation", Problem);
        var message = Required(props, "message", Problem);
        var severityText = Required(props, "severity", Problem);
        CheckSeverity severity = default;
        if (severityText is not null && !TryParseSeverity(severityText, out severity))
            Problem($"'severity' is waarschuwing, aandacht or info, not '{severityText}'");
        var highlight = new List<string>();
        if (props.TryGetValue("highlight", out var h))
        {
            if (h.ValueKind != JsonValueKind.Array || h.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                Problem("'highlight' is a list of dimensions, e.g. [\"age\"]");
            else
                foreach (var d in h.EnumerateArray().Select(e => e.GetString()!))
                    if (LabelCatalog.IsDimension(d)) highlight.Add(d);
                    else Problem($"'highlight' names '{d}', which is not a dimension ({string.Join(", ", LabelCatalog.Dimensions)})");
        }
        if (problems.Count > before) return null;

        var scope = new List<ParameterExpression>(globalScope);
        var parameters = new List<CheckParameter>(globals);
        var keys = new List<string>(workflowKeys);
        foreach (var param in rule.LocalParams ?? [])
            if (!AddParameter(param, "LocalParams", scope, parameters, parser, keys, location, id, problems)) return null;

        CheckExpression? Compile(string field, string? text, Type? type)
        {
            if (text is null) return null;
            var e = CheckExpression.Compile(parser, text, scope, type, keys, out var p);
            if (p is not null) problems.Add(new(location, id, Where(field, text, p)));
            return e;
        }
        MessageTemplate? Template(string field, string? text)
        {
            if (text is null) return null;
            var t = MessageTemplate.Compile(parser, text, scope, keys, out var p);
            if (p is not null) problems.Add(new(location, id, Where(field, text, p)));
            return t;
        }

        Compile("Expression", rule.Expression, typeof(bool));
        var appliesWhen = Compile("appliesWhen", Optional(props, "appliesWhen"), typeof(bool));
        var messageTemplate = Template("message", message);
        var passMessage = Template("passMessage", Optional(props, "passMessage"));
        var naMessage = Template("notApplicableMessage", Optional(props, "notApplicableMessage"));
        var evidenceText = Optional(props, "evidence");
        var evidence = Compile("evidence", evidenceText, null);
        var passEvidence = Compile("passEvidence", Optional(props, "passEvidence"), null);
        foreach (var (field, e) in new[] { ("evidence", evidence), ("passEvidence", passEvidence) })
            if (e is not null && !Evidence.Accepts(e.Type))
                Problem($"'{field}' gives {e.Type.Name}; it must give passages, chapters, labels or passage numbers (or a list of them)");
        foreach (var key in keys.Distinct())
        {
            var (dimension, labelId) = LabelKeys.Parse(key);
            if (!LabelCatalog.IsKnown(dimension!, labelId))
                Problem($"'{key}' is not a label of the framework; the ids of '{dimension}' are {string.Join(", ", LabelCatalog.IdsOf(dimension!))}");
        }
        if (problems.Count > before) return null;

        if (highlight.Count == 0) highlight.AddRange(keys.Select(k => LabelKeys.Parse(k).Dimension!).Distinct());
        var definition = new PlanCheck(id, title!, severity, explanation!, rule.Expression!, file, Optional(props, "appliesWhen"), parameters, message,
            Optional(props, "passMessage"), evidenceText, highlight);
        return new CompiledCheck(definition, [.. scope.Skip(1).Select(p => p.Name!)], appliesWhen, messageTemplate!, passMessage, naMessage, evidence, passEvidence);
    }

    private static bool AddParameter(ScopedParam param, string field, List<ParameterExpression> scope, List<CheckParameter> parameters,
        RuleExpressionParser parser, List<string> keys, SourceLocation location, string ruleId, List<RuleProblem> problems)
    {
        void Problem(string message) => problems.Add(new(location, ruleId, message));
        var name = param.Name ?? "";
        if (!ParamName().IsMatch(name) || string.Equals(name, PlanParameter, StringComparison.OrdinalIgnoreCase))
        {
            Problem($"{field}: '{name}' cannot be a param name; use letters, digits and _ (not 'plan')");
            return false;
        }
        if (scope.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"{field}: the param '{name}' is defined twice");
            return false;
        }
        if (string.IsNullOrWhiteSpace(param.Expression))
        {
            Problem($"{field}: the param '{name}' has no 'Expression'");
            return false;
        }
        var e = CheckExpression.Compile(parser, param.Expression, scope, null, keys, out var p);
        if (e is null)
        {
            Problem(Where($"{field} '{name}'", param.Expression, p!));
            return false;
        }
        scope.Add(Expression.Parameter(e.Type, name));
        parameters.Add(new CheckParameter(name, param.Expression));
        return true;
    }

    private static Dictionary<string, JsonElement>? Properties(Rule rule, Action<string> problem)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (rule.Properties is null)
        {
            problem("'Properties' with 'title', 'severity', 'explanation' and 'message' is missing");
            return null;
        }
        foreach (var (key, value) in rule.Properties)
        {
            if (!PropertyKeys.Contains(key, StringComparer.Ordinal))
            {
                problem($"unknown property '{key}'; known: {string.Join(", ", PropertyKeys)}");
                continue;
            }
            var element = value is JsonElement j ? j : JsonSerializer.SerializeToElement(value);
            if (key != "highlight" && element.ValueKind != JsonValueKind.String) problem($"'{key}' is text (a JSON string)");
            else result[key] = element;
        }
        return result;
    }

    private static string? Required(Dictionary<string, JsonElement> props, string key, Action<string> problem)
    {
        var value = Optional(props, key);
        if (value is null) problem($"'{key}' is missing under 'Properties'");
        return value;
    }

    private static string? Optional(Dictionary<string, JsonElement> props, string key) =>
        props.TryGetValue(key, out var e) && e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString() : null;

    private static bool TryParseSeverity(string text, out CheckSeverity severity)
    {
        severity = text.Trim().ToLowerInvariant() switch
        {
            "waarschuwing" => CheckSeverity.Waarschuwing,
            "aandacht" => CheckSeverity.Aandacht,
            "info" => CheckSeverity.Info,
            _ => (CheckSeverity)(-1),
        };
        return Enum.IsDefined(severity);
    }

    /// <summary>"Expression, position 12: Expression expected", with the expression and a caret under the position.</summary>
    private static string Where(string field, string text, CheckExpression.Problem problem) =>
        $"{field}, position {problem.Position + 1}: {problem.Message}{Environment.NewLine}      {text}{Environment.NewLine}      {new string(' ', Math.Min(problem.Position, text.Length))}^";

    /// <summary>The line of each RuleName in the file, so a problem points at its rule.</summary>
    private static Dictionary<string, int> RuleLines(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in RuleNameInFile().Matches(text))
            lines.TryAdd(m.Groups[1].Value, 1 + text.AsSpan(0, m.Index).Count('\n'));
        return lines;
    }
}

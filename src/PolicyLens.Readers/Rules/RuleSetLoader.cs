using System.Globalization;
using PolicyLens.Tagging;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLens.Readers.Rules;

/// <summary>The outcome of loading rule files: a rule set, or every problem with file, line and rule id.</summary>
public sealed record RuleSetLoadResult
{
    public RuleSetLoadResult(RuleSet? ruleSet, IReadOnlyList<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (ruleSet is null == (problems.Count == 0))
            throw new ArgumentException("A load result holds either a rule set or problems.");
        RuleSet = ruleSet;
        Problems = problems;
    }

    public RuleSet? RuleSet { get; }
    public IReadOnlyList<RuleProblem> Problems { get; }
    public bool Success => RuleSet is not null;

    /// <summary>One line per problem, ready for a console or a startup failure.</summary>
    public string Describe() => Success
        ? $"rule set {RuleSet!.Version}: {RuleSet.Labels.Count} labels"
        : $"The rule files are invalid ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}); fix them and try again:"
          + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "  " + p));
}

/// <summary>Thrown by <see cref="RuleSetLoader.LoadOrThrow"/>; the message lists every problem.</summary>
public sealed class RuleSetLoadException(RuleSetLoadResult result) : Exception(result.Describe())
{
    public RuleSetLoadResult Result { get; } = result;
}

/// <summary>
/// Reads the YAML rule files (rules/README.md documents the format) into a validated
/// <see cref="RuleSet"/>. Never throws on bad content: every problem becomes a
/// <see cref="RuleProblem"/> naming file, line and rule id.
/// </summary>
public static class RuleSetLoader
{
    private static readonly string[] FileKeys = ["dimension", "description", "labels"];
    private static readonly string[] LabelKeys =
        ["id", "name", "description", "threshold", "suggested_actions", "rules", "not", "requires_tags", "fallback", "maps_to", "examples"];
    private static readonly string[] RuleKeys = ["id", "terms", "weight", "not", "not_within", "near", "near_within", "requires"];

    /// <summary>Loads every *.yaml / *.yml file directly in <paramref name="rulesPath"/>.</summary>
    public static RuleSetLoadResult LoadDirectory(string rulesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesPath);
        if (!Directory.Exists(rulesPath))
            return new(null, [new(null, "", $"rules directory '{rulesPath}' does not exist; pass --rules DIR or create it")]);
        var files = Directory.EnumerateFiles(rulesPath)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Select(f => (Name: Path.Join(rulesPath, Path.GetFileName(f)), Content: File.ReadAllText(f)))
            .ToArray();
        if (files.Length == 0)
            return new(null, [new(null, "", $"rules directory '{rulesPath}' holds no .yaml files")]);
        return LoadFiles(files);
    }

    /// <summary>Loads a directory or throws a <see cref="RuleSetLoadException"/> listing every problem.</summary>
    public static RuleSet LoadOrThrow(string rulesPath)
    {
        var result = LoadDirectory(rulesPath);
        return result.RuleSet ?? throw new RuleSetLoadException(result);
    }

    /// <summary>Loads rule files given as (name, YAML content); the version hashes file names (without folder) and contents.</summary>
    public static RuleSetLoadResult LoadFiles(IReadOnlyList<(string Name, string Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<RuleProblem>();
        var labels = new List<LabelRules>();
        foreach (var (name, content) in files)
            labels.AddRange(ParseFile(name, content, problems));
        if (problems.Count == 0) problems.AddRange(RuleSet.Validate(labels));
        if (problems.Count > 0) return new(null, problems);
        var version = RuleSet.ComputeVersion(files.Select(f => (Path.GetFileName(f.Name), f.Content)));
        return new(new RuleSet(labels, version), []);
    }

    private static List<LabelRules> ParseFile(string file, string content, List<RuleProblem> problems)
    {
        var labels = new List<LabelRules>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            problems.Add(new(new SourceLocation(file, Math.Max(1, (int)e.Start.Line)), "", $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return labels;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new(new SourceLocation(file, 1), "", "a rule file is a mapping with 'dimension' and 'labels'"));
            return labels;
        }
        var ctx = new Context(file, problems);
        ctx.CheckKeys(root, FileKeys, "");
        var dimension = ctx.String(root, "dimension", "", required: true);
        if (dimension is null) return labels;
        if (!LabelCatalog.IsDimension(dimension))
        {
            ctx.Problem(root, dimension, $"unknown dimension '{dimension}'; use one of {string.Join(", ", LabelCatalog.Dimensions)}");
            return labels;
        }
        if (ctx.Child(root, "labels") is not YamlSequenceNode labelNodes)
        {
            ctx.Problem(root, dimension, "'labels' must be a list of labels");
            return labels;
        }
        foreach (var node in labelNodes)
        {
            if (node is not YamlMappingNode labelNode)
            {
                ctx.Problem(node, dimension, "each entry of 'labels' is a mapping with id, name, rules, …");
                continue;
            }
            if (ParseLabel(ctx, dimension, labelNode) is { } label) labels.Add(label);
        }
        return labels;
    }

    private static LabelRules? ParseLabel(Context ctx, string dimension, YamlMappingNode node)
    {
        var id = ctx.String(node, "id", dimension, required: true);
        if (id is null) return null;
        var fullId = $"{dimension}.{id}";
        var before = ctx.Problems.Count;
        ctx.CheckKeys(node, LabelKeys, fullId);
        var name = ctx.String(node, "name", fullId, required: true);
        var description = ctx.String(node, "description", fullId, required: true);
        var threshold = ctx.Number(node, "threshold", fullId, 1.0);
        var actions = ctx.Strings(node, "suggested_actions", fullId);
        ctx.CheckTermEntries(node, "not", fullId);
        var not = ctx.Strings(node, "not", fullId);
        var requiresTags = ctx.Strings(node, "requires_tags", fullId);
        var fallback = ctx.Bool(node, "fallback", fullId);
        var mapsTo = ctx.Strings(node, "maps_to", fullId);
        if (threshold <= 0) ctx.Problem(node, fullId, "threshold must be positive");
        var rules = new List<TermRule>();
        if (ctx.Child(node, "rules") is { } rulesNode)
        {
            if (rulesNode is not YamlSequenceNode seq) ctx.Problem(rulesNode, fullId, "'rules' must be a list");
            else
                foreach (var r in seq)
                    if (ParseRule(ctx, fullId, r) is { } rule) rules.Add(rule);
        }
        var examples = ParseExamples(ctx, fullId, ctx.Child(node, "examples"));
        if (ctx.Problems.Count > before || name is null || description is null) return null;
        try
        {
            return new LabelRules(dimension, id, name, description, actions, rules, threshold, not, requiresTags, fallback,
                mapsTo, examples, ctx.At(node));
        }
        catch (ArgumentException e)
        {
            ctx.Problem(node, fullId, e.Message);
            return null;
        }
    }

    private static TermRule? ParseRule(Context ctx, string labelId, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            ctx.Problem(node, labelId, "each rule is a mapping with id and terms");
            return null;
        }
        var id = ctx.String(map, "id", labelId, required: true);
        if (id is null) return null;
        var ruleId = $"{labelId}.{id}";
        var before = ctx.Problems.Count;
        ctx.CheckKeys(map, RuleKeys, ruleId);
        var terms = ctx.Strings(map, "terms", ruleId);
        if (ctx.Child(map, "terms") is null) ctx.Problem(map, ruleId, "the rule has no 'terms'");
        ctx.CheckTermEntries(map, "terms", ruleId);
        ctx.CheckTermEntries(map, "not", ruleId);
        ctx.CheckTermEntries(map, "near", ruleId);
        ctx.CheckTermEntries(map, "requires", ruleId);
        var weight = ctx.Number(map, "weight", ruleId, 1.0);
        var notWithin = (int)ctx.Number(map, "not_within", ruleId, 0);
        var nearWithin = (int)ctx.Number(map, "near_within", ruleId, 5);
        if (weight <= 0 || weight > 100) ctx.Problem(map, ruleId, "weight must lie in (0, 100]");
        if (notWithin < 0 || nearWithin < 0) ctx.Problem(map, ruleId, "not_within and near_within count words and cannot be negative");
        if (ctx.Problems.Count > before) return null;
        return new TermRule(id, terms, weight, ctx.Strings(map, "not", ruleId), notWithin, ctx.Strings(map, "near", ruleId),
            nearWithin, ctx.Strings(map, "requires", ruleId), ctx.At(map));
    }

    private static List<LabelExample> ParseExamples(Context ctx, string labelId, YamlNode? node)
    {
        var examples = new List<LabelExample>();
        if (node is null) return examples;
        if (node is not YamlMappingNode map)
        {
            ctx.Problem(node, labelId, "'examples' is a mapping with 'positive' and 'negative' lists");
            return examples;
        }
        ctx.CheckKeys(map, ["positive", "negative"], labelId);
        foreach (var (key, positive) in new[] { ("positive", true), ("negative", false) })
        {
            if (ctx.Child(map, key) is not { } list) continue;
            if (list is not YamlSequenceNode seq)
            {
                ctx.Problem(list, labelId, $"examples.{key} must be a list");
                continue;
            }
            foreach (var item in seq)
            {
                switch (item)
                {
                    case YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value):
                        examples.Add(new LabelExample(s.Value!, positive, null, ctx.At(s)));
                        break;
                    case YamlMappingNode m:
                        ctx.CheckKeys(m, ["text", "headings"], labelId);
                        var text = ctx.String(m, "text", labelId, required: true);
                        if (text is not null) examples.Add(new LabelExample(text, positive, ctx.Strings(m, "headings", labelId), ctx.At(m)));
                        break;
                    default:
                        ctx.Problem(item, labelId, $"an entry of examples.{key} is empty; write a sentence or {{text, headings}}");
                        break;
                }
            }
        }
        return examples;
    }

    private sealed class Context(string file, List<RuleProblem> problems)
    {
        public List<RuleProblem> Problems { get; } = problems;

        public SourceLocation At(YamlNode node) => new(file, Math.Max(1, (int)node.Start.Line));

        public void Problem(YamlNode node, string ruleId, string message) => Problems.Add(new(At(node), ruleId, message));

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public void CheckKeys(YamlMappingNode map, string[] allowed, string ruleId)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                    Problem(key, ruleId, $"unknown key '{name}'; allowed here: {string.Join(", ", allowed)}");
            }
        }

        public string? String(YamlMappingNode map, string key, string ruleId, bool required)
        {
            var node = Child(map, key);
            if (node is null)
            {
                if (required) Problem(map, ruleId, $"missing '{key}'");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            Problem(node, ruleId, $"'{key}' must be a non-empty text");
            return null;
        }

        public double Number(YamlMappingNode map, string key, string ruleId, double fallback)
        {
            var node = Child(map, key);
            if (node is null) return fallback;
            if (node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            Problem(node, ruleId, $"'{key}' must be a number");
            return fallback;
        }

        public bool Bool(YamlMappingNode map, string key, string ruleId)
        {
            var node = Child(map, key);
            if (node is null) return false;
            if (node is YamlScalarNode { Value: { } v } && bool.TryParse(v, out var b)) return b;
            Problem(node, ruleId, $"'{key}' must be true or false");
            return false;
        }

        public IReadOnlyList<string> Strings(YamlMappingNode map, string key, string ruleId)
        {
            var node = Child(map, key);
            if (node is null) return [];
            if (node is not YamlSequenceNode seq)
            {
                Problem(node, ruleId, $"'{key}' must be a list");
                return [];
            }
            return seq.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Trim().Length > 0).Select(s => s.Trim()).ToArray();
        }

        /// <summary>Reports each empty or malformed term at its own line, before the core validates the rest.</summary>
        public void CheckTermEntries(YamlMappingNode map, string key, string ruleId)
        {
            if (Child(map, key) is not YamlSequenceNode seq) return;
            foreach (var item in seq)
            {
                if (item is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value))
                {
                    Problem(item, ruleId, $"empty entry in '{key}'; remove it or write a word");
                    continue;
                }
                if (!TermPattern.TryParse(s.Value, out _, out var error)) Problem(item, ruleId, $"invalid pattern in '{key}': {error}");
            }
            var positives = key == "terms" ? seq.OfType<YamlScalarNode>().ToArray() : [];
            if (positives.Length == 0 || Child(map, "not") is not YamlSequenceNode negatives) return;
            var negativeKeys = negatives.OfType<YamlScalarNode>()
                .Select(n => TermPattern.TryParse(n.Value, out var p, out _) ? p!.Key : null)
                .Where(k => k is not null).ToHashSet();
            foreach (var p in positives)
                if (TermPattern.TryParse(p.Value, out var pattern, out _) && negativeKeys.Contains(pattern!.Key))
                    Problem(p, ruleId, $"term '{p.Value}' is also listed under 'not'; a term cannot veto itself — remove one of them");
        }
    }
}

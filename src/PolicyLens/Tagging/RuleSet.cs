using System.Security.Cryptography;
using System.Text;

namespace PolicyLens.Tagging;

/// <summary>Where something was written: a rule file and a 1-based line.</summary>
public sealed record SourceLocation
{
    public SourceLocation(string file, int line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line);
        File = file;
        Line = line;
    }

    public string File { get; }
    public int Line { get; }

    public override string ToString() => $"{File}:{Line}";
}

/// <summary>What is wrong with a rule set, and where; the message says what to do.</summary>
public sealed record RuleProblem
{
    public RuleProblem(SourceLocation? location, string ruleId, string message)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Location = location;
        RuleId = ruleId;
        Message = message;
    }

    public SourceLocation? Location { get; }

    /// <summary>Dimension.label or dimension.label.rule; empty when the problem is not tied to a rule.</summary>
    public string RuleId { get; }
    public string Message { get; }

    public override string ToString() =>
        (Location is null ? "" : Location + ": ") + (RuleId.Length == 0 ? "" : $"[{RuleId}] ") + Message;
}

/// <summary>Thrown when a rule set built in code breaks the rules the loader reports as problems.</summary>
public sealed class RuleSetException(IReadOnlyList<RuleProblem> problems)
    : Exception("Invalid rule set: " + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $" (and {problems.Count - 5} more)" : ""))
{
    public IReadOnlyList<RuleProblem> Problems { get; } = problems;
}

/// <summary>
/// One way evidence for a label is found. Every term of <see cref="Terms"/> counts as the same
/// evidence (the rule contributes its weight once per passage, however often it matches).
/// </summary>
public sealed record TermRule
{
    public TermRule(string id, IReadOnlyList<string> terms, double weight = 1.0,
        IReadOnlyList<string>? not = null, int notWithin = 0,
        IReadOnlyList<string>? near = null, int nearWithin = 5,
        IReadOnlyList<string>? requires = null, SourceLocation? origin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(terms);
        if (double.IsNaN(weight) || weight <= 0 || weight > 100)
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A rule weight lies in (0, 100].");
        ArgumentOutOfRangeException.ThrowIfNegative(notWithin);
        ArgumentOutOfRangeException.ThrowIfNegative(nearWithin);
        Id = id;
        Terms = terms;
        Weight = weight;
        Not = not ?? [];
        NotWithin = notWithin;
        Near = near ?? [];
        NearWithin = nearWithin;
        Requires = requires ?? [];
        Origin = origin;
    }

    /// <summary>Short id, unique within its label (the full id is dimension.label.id).</summary>
    public string Id { get; }
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Evidence weight; default 1.0.</summary>
    public double Weight { get; }

    /// <summary>Negative contexts: a match overlapping one of these (or within <see cref="NotWithin"/> words) does not count.</summary>
    public IReadOnlyList<string> Not { get; }

    /// <summary>Words between a match and a negative context that still veto it; default 0 (they must overlap).</summary>
    public int NotWithin { get; }

    /// <summary>When not empty, a match counts only with one of these within <see cref="NearWithin"/> words.</summary>
    public IReadOnlyList<string> Near { get; }

    /// <summary>Proximity window in words; default 5.</summary>
    public int NearWithin { get; }

    /// <summary>When not empty, a match counts only if one of these occurs anywhere in the same text.</summary>
    public IReadOnlyList<string> Requires { get; }
    public SourceLocation? Origin { get; }
}

/// <summary>An example sentence a label must (positive) or must not (negative) receive.</summary>
public sealed record LabelExample
{
    public LabelExample(string text, bool positive, IReadOnlyList<string>? headings = null, SourceLocation? origin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
        Positive = positive;
        Headings = headings ?? [];
        Origin = origin;
    }

    public string Text { get; }
    public bool Positive { get; }
    public IReadOnlyList<string> Headings { get; }
    public SourceLocation? Origin { get; }
}

/// <summary>A label of the framework with everything the rule files say about it.</summary>
public sealed record LabelRules
{
    public LabelRules(string dimension, string id, string name, string description,
        IReadOnlyList<string> suggestedActions, IReadOnlyList<TermRule> rules,
        double threshold = 1.0, IReadOnlyList<string>? not = null,
        IReadOnlyList<string>? requiresTags = null, bool fallback = false,
        IReadOnlyList<string>? mapsTo = null, IReadOnlyList<LabelExample>? examples = null,
        SourceLocation? origin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(suggestedActions);
        ArgumentNullException.ThrowIfNull(rules);
        if (double.IsNaN(threshold) || threshold <= 0)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A threshold is positive.");
        Dimension = dimension;
        Id = id;
        Name = name;
        Description = description;
        SuggestedActions = suggestedActions;
        Rules = rules;
        Threshold = threshold;
        Not = not ?? [];
        RequiresTags = requiresTags ?? [];
        Fallback = fallback;
        MapsTo = mapsTo ?? [];
        Examples = examples ?? [];
        Origin = origin;
    }

    public string Dimension { get; }
    public string Id { get; }
    public string Name { get; }
    public string Description { get; }
    public IReadOnlyList<string> SuggestedActions { get; }
    public IReadOnlyList<TermRule> Rules { get; }

    /// <summary>Summed rule weight a passage needs to receive the label; default 1.0.</summary>
    public double Threshold { get; }

    /// <summary>Negative contexts that veto every rule of the label (overlap).</summary>
    public IReadOnlyList<string> Not { get; }

    /// <summary>Dimensions in which the passage must already have a tag (e.g. a level only for passages with an element).</summary>
    public IReadOnlyList<string> RequiresTags { get; }

    /// <summary>
    /// Given when <see cref="RequiresTags"/> hold and no other label of the dimension was given
    /// (e.g. a measure that names no target group is universal prevention).
    /// </summary>
    public bool Fallback { get; }

    /// <summary>For the interventions-7 framework: the element ids this label corresponds to.</summary>
    public IReadOnlyList<string> MapsTo { get; }
    public IReadOnlyList<LabelExample> Examples { get; }
    public SourceLocation? Origin { get; }

    public string FullId => $"{Dimension}.{Id}";

    public LabelInfo ToInfo() => new(Dimension, Id, Name, Description, SuggestedActions);
}

/// <summary>Defaults that apply to the whole rule set.</summary>
public sealed record RuleSetOptions
{
    public RuleSetOptions(double headingWeight = 0.5, int maxEvidencePerRule = 8)
    {
        if (double.IsNaN(headingWeight) || headingWeight < 0 || headingWeight > 1)
            throw new ArgumentOutOfRangeException(nameof(headingWeight), headingWeight, "The heading weight lies in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvidencePerRule);
        HeadingWeight = headingWeight;
        MaxEvidencePerRule = maxEvidencePerRule;
    }

    /// <summary>Factor applied to evidence found in a passage's headings; default 0.5.</summary>
    public double HeadingWeight { get; }

    /// <summary>Occurrences kept as evidence per rule and passage (the weight counts once anyway); default 8.</summary>
    public int MaxEvidencePerRule { get; }
}

/// <summary>
/// The complete, validated rule set. Construction fails with a <see cref="RuleSetException"/>
/// listing every problem; loaders call <see cref="Validate"/> first to report them with file and line.
/// </summary>
public sealed record RuleSet
{
    public RuleSet(IReadOnlyList<LabelRules> labels, string version, RuleSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var problems = Validate(labels);
        if (problems.Count > 0) throw new RuleSetException(problems);
        // Display order: framework dimension order, then the order of the files.
        Labels = labels
            .Select((l, i) => (l, i))
            .OrderBy(x => IndexOfDimension(x.l.Dimension))
            .ThenBy(x => x.i)
            .Select(x => x.l)
            .ToArray();
        Version = version;
        Options = options ?? new RuleSetOptions();
    }

    public IReadOnlyList<LabelRules> Labels { get; }

    /// <summary>Content hash of the rule files (see <see cref="ComputeVersion"/>).</summary>
    public string Version { get; }
    public RuleSetOptions Options { get; }

    private static int IndexOfDimension(string dimension)
    {
        var index = LabelCatalog.Dimensions.ToList().IndexOf(dimension);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>
    /// Version of a rule set: "sha256:" and the first 16 hex digits of the hash over every file's
    /// name and content, in ordinal name order, with line endings normalised so a checkout on
    /// Windows gets the same version.
    /// </summary>
    public static string ComputeVersion(IEnumerable<(string Name, string Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name.Replace('\\', '/') + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(content.Replace("\r\n", "\n") + "\n\u0000"));
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Every problem of a list of labels, in order; empty when the set is valid.</summary>
    public static IReadOnlyList<RuleProblem> Validate(IReadOnlyList<LabelRules> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var problems = new List<RuleProblem>();
        var seen = new Dictionary<string, LabelRules>(StringComparer.Ordinal);
        var dimensions = labels.Select(l => l.Dimension).ToHashSet(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var where = label.Origin;
            if (!LabelCatalog.IsDimension(label.Dimension))
            {
                problems.Add(new(where, label.FullId,
                    $"unknown dimension '{label.Dimension}'; use one of {string.Join(", ", LabelCatalog.Dimensions)}"));
                continue;
            }
            if (!LabelCatalog.IsKnown(label.Dimension, label.Id))
                problems.Add(new(where, label.FullId,
                    $"unknown label id '{label.Id}' in dimension '{label.Dimension}'; framework.md allows {string.Join(", ", LabelCatalog.IdsOf(label.Dimension))}"));
            if (!seen.TryAdd(label.FullId, label))
                problems.Add(new(where, label.FullId,
                    $"duplicate label id '{label.Id}' in dimension '{label.Dimension}' (first defined at {seen[label.FullId].Origin?.ToString() ?? "an earlier entry"})"));
            if (label.Rules.Count == 0 && !label.Fallback)
                problems.Add(new(where, label.FullId, "the label has no rules; add at least one rule with terms"));
            foreach (var dimension in label.RequiresTags)
            {
                if (!LabelCatalog.IsDimension(dimension))
                    problems.Add(new(where, label.FullId, $"requires_tags names unknown dimension '{dimension}'"));
                else if (dimension == label.Dimension)
                    problems.Add(new(where, label.FullId, "requires_tags cannot name the label's own dimension"));
                else if (!dimensions.Contains(dimension))
                    problems.Add(new(where, label.FullId, $"requires_tags names dimension '{dimension}', which has no labels in this rule set"));
            }
            if (label.Fallback && label.RequiresTags.Count == 0)
                problems.Add(new(where, label.FullId, "a fallback label needs requires_tags, otherwise it would tag every passage"));
            foreach (var target in label.MapsTo)
                if (!LabelCatalog.IsKnown("element", target))
                    problems.Add(new(where, label.FullId, $"maps_to names unknown element '{target}'"));

            var labelNot = CheckTerms(problems, label.Not, where, label.FullId, "not");
            var ruleIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in label.Rules)
            {
                var ruleWhere = rule.Origin ?? where;
                var ruleId = $"{label.FullId}.{rule.Id}";
                if (!ruleIds.Add(rule.Id))
                    problems.Add(new(ruleWhere, ruleId, $"duplicate rule id '{rule.Id}' within label '{label.Id}'"));
                if (rule.Terms.Count == 0)
                    problems.Add(new(ruleWhere, ruleId, "the rule has no terms"));
                var positives = CheckTerms(problems, rule.Terms, ruleWhere, ruleId, "terms");
                var negatives = CheckTerms(problems, rule.Not, ruleWhere, ruleId, "not");
                CheckTerms(problems, rule.Near, ruleWhere, ruleId, "near");
                CheckTerms(problems, rule.Requires, ruleWhere, ruleId, "requires");
                foreach (var key in positives.Intersect(negatives.Concat(labelNot)))
                    problems.Add(new(ruleWhere, ruleId,
                        $"term '{key}' is both a positive term and a negative context; it would veto itself — remove one of them"));
            }
        }
        CheckDependencyCycles(labels, problems);
        return problems;
    }

    private static List<string> CheckTerms(List<RuleProblem> problems, IReadOnlyList<string> terms,
        SourceLocation? where, string ruleId, string field)
    {
        var keys = new List<string>(terms.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!TermPattern.TryParse(term, out var pattern, out var error))
            {
                problems.Add(new(where, ruleId, $"invalid {field} entry: {error}"));
                continue;
            }
            if (!seen.Add(pattern!.Key))
                problems.Add(new(where, ruleId, $"{field} lists '{term}' twice (as '{pattern.Key}')"));
            keys.Add(pattern.Key);
        }
        return keys;
    }

    private static void CheckDependencyCycles(IReadOnlyList<LabelRules> labels, List<RuleProblem> problems)
    {
        var edges = labels
            .GroupBy(l => l.Dimension, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(l => l.RequiresTags).Distinct().ToArray(), StringComparer.Ordinal);
        if (DimensionOrder(edges) is null)
            problems.Add(new(null, "", "requires_tags between dimensions form a cycle; a dimension cannot depend on itself through others"));
    }

    /// <summary>Dimensions ordered so that every dimension comes after those it requires; null on a cycle.</summary>
    internal static IReadOnlyList<string>? DimensionOrder(IReadOnlyDictionary<string, string[]> requires)
    {
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        bool Visit(string d)
        {
            if (state.TryGetValue(d, out var s)) return s == 2;
            state[d] = 1;
            foreach (var r in requires.TryGetValue(d, out var rs) ? rs : [])
                if (!Visit(r)) return false;
            state[d] = 2;
            order.Add(d);
            return true;
        }
        foreach (var d in requires.Keys.OrderBy(k => IndexOfDimension(k)).ThenBy(k => k, StringComparer.Ordinal))
            if (!Visit(d)) return null;
        return order;
    }
}

using System.Globalization;
using PolicyLens.Import;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLens.Readers.Tables;

/// <summary>A problem in a mapping file, with file and line.</summary>
public sealed record MappingProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>A loaded mapping, or every problem found in its file.</summary>
public sealed record MappingLoadResult(TableMapping? Mapping, IReadOnlyList<MappingProblem> Problems)
{
    public bool Success => Mapping is not null;

    public string Describe() => Success ? $"mapping {Mapping!.Id}"
        : $"The mapping file is invalid ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}); fix it and try again:"
          + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "  " + p));
}

/// <summary>
/// Reads a mapping file (YAML; <c>mappings/README.md</c> documents the keys) into a
/// <see cref="TableMapping"/>. Never throws on bad content: unknown keys, missing columns and
/// wrong types are problems with their line, so a typo in a mapping cannot silently import nothing.
/// </summary>
public static class TableMappingLoader
{
    /// <summary>The mapping the product ships for the Flemish BBC export of multi-year plans.</summary>
    public const string DefaultMappingId = "bbc-meerjarenplan";

    private static readonly string[] RootKeys = ["id", "name", "description", "version", "plan", "levels", "table", "strip_prefixes", "ignore", "corrections", "sheet", "csv_separator"];
    private static readonly string[] PlanKeys = ["key", "municipality", "nis_code", "title", "type", "year"];
    private static readonly string[] LevelKeys = ["name", "code", "title", "text"];
    private static readonly string[] TableKeys = ["column", "header", "format"];
    private static readonly string[] CorrectionKeys = ["when", "set", "reason"];

    public static MappingLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return new(null, [new(path, 1, "the mapping file does not exist; check the path given with --mapping")]);
        return Load(path, File.ReadAllText(path));
    }

    public static MappingLoadResult Load(string file, string yaml)
    {
        var problems = new List<MappingProblem>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return new(null, [new(file, Math.Max(1, (int)e.Start.Line), $"not valid YAML: {e.InnerException?.Message ?? e.Message}")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new(null, [new(file, 1, "a mapping file is a YAML mapping with 'id', 'plan' and 'levels'")]);
        var ctx = new Context(file, problems);
        ctx.CheckKeys(root, RootKeys);
        var id = ctx.String(root, "id", required: true);
        var plan = ctx.Child(root, "plan") as YamlMappingNode;
        if (plan is null) ctx.Problem(root, "missing 'plan' (a mapping with at least 'key': the column that makes one plan)");
        else ctx.CheckKeys(plan, PlanKeys);
        var key = plan is null ? null : ctx.String(plan, "key", required: true);

        var levels = new List<MappingLevel>();
        if (ctx.Child(root, "levels") is not YamlSequenceNode levelNodes || levelNodes.Children.Count == 0)
            ctx.Problem(root, "'levels' must be a list of one to six levels, outermost first (the last one is one per row)");
        else
        {
            if (levelNodes.Children.Count > 6) ctx.Problem(levelNodes, "at most six levels");
            foreach (var node in levelNodes)
            {
                if (node is not YamlMappingNode level) { ctx.Problem(node, "a level is a mapping with 'name' and 'code', 'title' and/or 'text'"); continue; }
                ctx.CheckKeys(level, LevelKeys);
                var name = ctx.String(level, "name", required: true);
                var code = ctx.String(level, "code", required: false);
                var title = ctx.String(level, "title", required: false);
                var text = ctx.String(level, "text", required: false);
                if (code is null && title is null) { ctx.Problem(level, $"the level '{name}' needs a 'code' or a 'title' column"); continue; }
                if (name is not null) levels.Add(new MappingLevel(name, code, title, text));
            }
            if (levels.Count > 0 && levels[^1].TitleColumn is null && levels[^1].TextColumn is null)
                ctx.Problem(levelNodes, "the last level (one per row) needs a 'title' or a 'text' column");
        }

        var table = new List<MappingTableColumn>();
        if (ctx.Child(root, "table") is { } tableNode)
        {
            if (tableNode is not YamlSequenceNode seq) ctx.Problem(tableNode, "'table' must be a list of columns ({column, header, format})");
            else
                foreach (var node in seq)
                {
                    if (node is not YamlMappingNode column) { ctx.Problem(node, "a table column is a mapping with 'column' and 'header'"); continue; }
                    ctx.CheckKeys(column, TableKeys);
                    var name = ctx.String(column, "column", required: true);
                    var header = ctx.String(column, "header", required: false) ?? name;
                    var format = ctx.String(column, "format", required: false) ?? "text";
                    ColumnFormat? parsed = format switch { "text" => ColumnFormat.Text, "euro" => ColumnFormat.Euro, _ => null };
                    if (parsed is null) ctx.Problem(column, $"unknown format '{format}'; use text or euro");
                    if (name is not null && header is not null && parsed is not null) table.Add(new MappingTableColumn(name, header, parsed.Value));
                }
        }

        var corrections = new List<MappingCorrection>();
        if (ctx.Child(root, "corrections") is { } correctionsNode)
        {
            if (correctionsNode is not YamlSequenceNode seq) ctx.Problem(correctionsNode, "'corrections' must be a list of {when, set, reason}");
            else
                foreach (var node in seq)
                {
                    if (node is not YamlMappingNode correction) { ctx.Problem(node, "a correction is a mapping with 'when' and 'set'"); continue; }
                    ctx.CheckKeys(correction, CorrectionKeys);
                    var when = ctx.Pairs(correction, "when");
                    var set = ctx.Pairs(correction, "set");
                    if (when.Count > 0 && set.Count > 0) corrections.Add(new MappingCorrection(when, set, ctx.String(correction, "reason", required: false)));
                }
        }

        var year = plan is null ? null : ctx.String(plan, "year", required: false);
        int? yearValue = null;
        if (year is not null)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200) yearValue = y;
            else ctx.Problem(ctx.Child(plan!, "year")!, "'year' must be a year such as 2026");
        }
        char? separator = null;
        if (ctx.String(root, "csv_separator", required: false) is { } sep)
        {
            var value = sep is "tab" or "\\t" ? "\t" : sep;
            if (value.Length == 1) separator = value[0];
            else ctx.Problem(ctx.Child(root, "csv_separator")!, "'csv_separator' is one character (; , |) or 'tab'");
        }

        if (problems.Count > 0 || id is null || key is null || levels.Count == 0) return new(null, problems);
        var mapping = new TableMapping(id, key, levels)
        {
            Name = ctx.String(root, "name", required: false),
            Version = ctx.String(root, "version", required: false) ?? "1",
            MunicipalityColumn = ctx.String(plan!, "municipality", required: false),
            NisCodeColumn = ctx.String(plan!, "nis_code", required: false),
            TitleTemplate = ctx.String(plan!, "title", required: false) ?? "{key}",
            PlanType = ctx.String(plan!, "type", required: false),
            Year = yearValue,
            TableColumns = table,
            StripPrefixes = ctx.Strings(root, "strip_prefixes"),
            IgnoredColumns = ctx.Strings(root, "ignore"),
            Corrections = corrections,
            Sheet = ctx.String(root, "sheet", required: false),
            CsvSeparator = separator,
        };
        return problems.Count > 0 ? new(null, problems) : new(mapping, []);
    }

    /// <summary>
    /// <paramref name="nameOrPath"/> as a file, else as the id of a mapping in <paramref name="folder"/>
    /// (<c>{id}.yaml</c>); null: the default BBC mapping from that folder.
    /// </summary>
    public static MappingLoadResult Resolve(string? nameOrPath, string folder)
    {
        if (nameOrPath is not null && File.Exists(nameOrPath)) return LoadFile(nameOrPath);
        var id = nameOrPath ?? DefaultMappingId;
        if (id.IndexOfAny(['/', '\\']) < 0 && !id.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !id.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var candidate = Path.Join(folder, id + ".yaml");
            if (File.Exists(candidate)) return LoadFile(candidate);
            var known = Available(folder).Select(p => Path.GetFileNameWithoutExtension(p));
            return new(null, [new(id, 1, $"no mapping file '{id}' and no mapping with that name in {folder} (there: {string.Join(", ", known)}); give a path with --mapping")]);
        }
        return LoadFile(nameOrPath!);
    }

    /// <summary>The mapping files of a folder, by name.</summary>
    public static IReadOnlyList<string> Available(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)] : [];

    private sealed class Context(string file, List<MappingProblem> problems)
    {
        public void Problem(YamlNode node, string message) => problems.Add(new(file, Math.Max(1, (int)node.Start.Line), message));

        public YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public void CheckKeys(YamlMappingNode map, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name)) Problem(key, $"unknown key '{name}'; allowed here: {string.Join(", ", allowed)}");
            }
        }

        public string? String(YamlMappingNode map, string key, bool required)
        {
            var node = Child(map, key);
            if (node is null)
            {
                if (required) Problem(map, $"missing '{key}'");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            if (node is YamlScalarNode && !required) return null; // "key:" left empty means "not used"
            Problem(node, $"'{key}' must be a text (a column name)");
            return null;
        }

        public IReadOnlyList<string> Strings(YamlMappingNode map, string key)
        {
            var node = Child(map, key);
            if (node is null) return [];
            if (node is not YamlSequenceNode seq) { Problem(node, $"'{key}' must be a list"); return []; }
            var list = new List<string>();
            foreach (var item in seq)
                if (item is YamlScalarNode { Value: { } v } && v.Length > 0) list.Add(v);
                else Problem(item, $"every entry of '{key}' is a text");
            return list;
        }

        public IReadOnlyDictionary<string, string> Pairs(YamlMappingNode map, string key)
        {
            var node = Child(map, key);
            if (node is not YamlMappingNode pairs) { Problem(node ?? map, $"'{key}' must be a mapping of column: value"); return new Dictionary<string, string>(); }
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in pairs.Children)
                if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } value }) result[name] = value;
                else Problem(k, $"every entry of '{key}' is column: value");
            return result;
        }
    }
}

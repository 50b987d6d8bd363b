using System.Text.Json;

namespace PolicyLens.Tagging.Evaluation;

/// <summary>One labelled passage of a gold file (framework.md, "Evaluation file format").</summary>
public sealed record GoldPassage
{
    public GoldPassage(string id, string doc, string text, IReadOnlyDictionary<string, IReadOnlyList<string>> labels,
        IReadOnlyList<string>? headings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(labels);
        Id = id;
        Doc = doc;
        Text = text;
        Labels = labels;
        Headings = headings ?? [];
    }

    public string Id { get; }
    public string Doc { get; }
    public string Text { get; }

    /// <summary>Per dimension, the exhaustive list of labels; a dimension that is absent is not scored.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; }
    public IReadOnlyList<string> Headings { get; }
}

/// <summary>The passages of a gold file and the lines that could not be read.</summary>
public sealed record GoldReadResult(IReadOnlyList<GoldPassage> Passages, IReadOnlyList<string> Errors);

/// <summary>Reads the JSONL gold format: one object per line with id, doc, text and labels (optional headings).</summary>
public static class GoldFile
{
    /// <summary>The dimensions framework.md's evaluation format gives every passage.</summary>
    public static IReadOnlyList<string> EvaluatedDimensions { get; } = ["element", "type", "level"];

    public static GoldReadResult Read(string path, IReadOnlyCollection<string>? requiredDimensions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return new([], [$"{path}: file not found"]);
        using var reader = new StreamReader(path);
        return Parse(reader, path, requiredDimensions);
    }

    /// <summary>
    /// Parses gold lines; every problem names the line. With <paramref name="requiredDimensions"/>,
    /// a passage lacking one of them is a problem too (its labels would be silently unscored).
    /// </summary>
    public static GoldReadResult Parse(TextReader reader, string name = "<gold>", IReadOnlyCollection<string>? requiredDimensions = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var passages = new List<GoldPassage>();
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : "";
                if (id.Length == 0) { errors.Add($"{name}:{lineNumber}: missing string \"id\""); continue; }
                if (!ids.Add(id)) { errors.Add($"{name}:{lineNumber}: duplicate id '{id}'"); continue; }
                if (!root.TryGetProperty("text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
                { errors.Add($"{name}:{lineNumber}: passage '{id}' has no string \"text\""); continue; }
                var doc = root.TryGetProperty("doc", out var docEl) && docEl.ValueKind == JsonValueKind.String ? docEl.GetString()! : "";
                var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (root.TryGetProperty("labels", out var labelsEl) && labelsEl.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dim in labelsEl.EnumerateObject())
                    {
                        if (!LabelCatalog.IsDimension(dim.Name))
                        { errors.Add($"{name}:{lineNumber}: '{id}' uses unknown dimension '{dim.Name}' (framework.md names {string.Join(", ", LabelCatalog.Dimensions)})"); continue; }
                        if (dim.Value.ValueKind != JsonValueKind.Array)
                        { errors.Add($"{name}:{lineNumber}: labels.{dim.Name} of '{id}' is not an array"); continue; }
                        var list = dim.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
                            .Select(v => v.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
                        foreach (var label in list.Where(l => !LabelCatalog.IsKnown(dim.Name, l)))
                            errors.Add($"{name}:{lineNumber}: '{id}' uses unknown label '{label}' in dimension '{dim.Name}'");
                        labels[dim.Name] = list;
                    }
                }
                else { errors.Add($"{name}:{lineNumber}: passage '{id}' has no \"labels\" object"); continue; }
                var missing = (requiredDimensions ?? []).Where(d => !labels.ContainsKey(d)).ToArray();
                if (missing.Length > 0)
                {
                    errors.Add($"{name}:{lineNumber}: passage '{id}' has no labels for {string.Join(", ", missing.Select(d => $"'{d}'"))} (give [] when none applies)");
                    continue;
                }
                var headings = root.TryGetProperty("headings", out var hEl) && hEl.ValueKind == JsonValueKind.Array
                    ? hEl.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
                    : [];
                passages.Add(new GoldPassage(id, doc, textEl.GetString()!, labels, headings));
            }
            catch (JsonException e)
            {
                errors.Add($"{name}:{lineNumber}: not valid JSON ({e.Message})");
            }
        }
        return new(passages, errors);
    }
}

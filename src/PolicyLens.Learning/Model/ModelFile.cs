using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLens.Learning.Features;

namespace PolicyLens.Learning.Model;

/// <summary>Why no model could be used.</summary>
public enum ModelProblem
{
    None,
    Missing,
    Unreadable,
    Invalid,
    SwitchedOff,
}

/// <summary>A model read from disk, or why none could be read (<see cref="Problem"/> in English, for logs and the CLI).</summary>
public sealed record ModelLoadResult(TaggerModel? Model, string Version, string? Problem, ModelProblem Kind = ModelProblem.None)
{
    public bool Loaded => Model is not null;
}

/// <summary>
/// The model file (<c>rules/model/tagger-model.json</c>): readable JSON with the provenance, the
/// feature vocabulary and, per label, the non-zero weights. Written by <c>policylens train</c>;
/// read by the CLI and the web app at start-up. Its version is a hash of its bytes.
/// </summary>
public static class ModelFile
{
    public const string Format = "policylens-tagger-model";
    public const int FormatVersion = 1;

    /// <summary>Where the model lives inside a rules folder.</summary>
    public static string DefaultPath(string rulesDirectory) => Path.Join(rulesDirectory, "model", "tagger-model.json");

    public static string Serialize(TaggerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var p = model.Provenance;
        var figures = new JsonObject();
        foreach (var (k, v) in p.Figures.OrderBy(kv => kv.Key, StringComparer.Ordinal)) figures[k] = Math.Round(v, 4);
        var sources = new JsonArray();
        foreach (var s in p.Sources) sources.Add(new JsonObject { ["name"] = s.Name, ["sha256"] = s.Sha256, ["passages"] = s.Passages });
        var o = model.FeatureOptions;
        var sb = new StringBuilder();
        // Hand-written layout: one line per feature list entry block and per label, so a diff of two models stays readable.
        sb.Append("{\n");
        sb.Append($"  \"format\": \"{Format}\",\n  \"formatVersion\": {FormatVersion},\n");
        sb.Append($"  \"ruleSetVersion\": {Quote(p.RuleSetVersion)},\n");
        sb.Append($"  \"settings\": {Quote(p.Settings)},\n");
        sb.Append($"  \"dataFingerprint\": {Quote(p.DataFingerprint)},\n");
        sb.Append($"  \"trainedAt\": {Quote(p.TrainedAt.ToString("O", CultureInfo.InvariantCulture))},\n");
        sb.Append($"  \"sources\": {sources.ToJsonString()},\n");
        sb.Append($"  \"figures\": {figures.ToJsonString()},\n");
        sb.Append("  \"featureOptions\": ").Append(new JsonObject
        {
            ["words"] = o.Words, ["bigrams"] = o.Bigrams, ["charNgramLength"] = o.CharNgramLength,
            ["charNgramMinWordLength"] = o.CharNgramMinWordLength, ["headingWords"] = o.HeadingWords,
            ["ruleHits"] = o.RuleHits, ["normalize"] = o.Normalize,
        }.ToJsonString()).Append(",\n");
        sb.Append($"  \"gateLevels\": {(model.GateLevels ? "true" : "false")},\n");
        sb.Append("  \"features\": [\n");
        for (var f = 0; f < model.Features.Count; f++)
            sb.Append("    ").Append(Quote(model.Features[f])).Append(f + 1 < model.Features.Count ? ",\n" : "\n");
        sb.Append("  ],\n  \"labels\": [\n");
        for (var l = 0; l < model.Labels.Count; l++)
        {
            var label = model.Labels[l];
            var indices = new List<int>();
            var values = new List<string>();
            for (var f = 0; f < label.Weights.Length; f++)
            {
                if (label.Weights[f] == 0) continue;
                indices.Add(f);
                values.Add(label.Weights[f].ToString("R", CultureInfo.InvariantCulture));
            }
            sb.Append("    {")
                .Append($"\"dimension\": {Quote(label.Dimension)}, \"label\": {Quote(label.Label)}, ")
                .Append($"\"policy\": {Quote(label.Policy.ToString().ToLowerInvariant())}, ")
                .Append($"\"threshold\": {label.Threshold.ToString("R", CultureInfo.InvariantCulture)}, ")
                .Append($"\"bias\": {label.Bias.ToString("R", CultureInfo.InvariantCulture)},\n")
                .Append($"      \"indices\": [{string.Join(",", indices)}],\n")
                .Append($"      \"weights\": [{string.Join(",", values)}]}}")
                .Append(l + 1 < model.Labels.Count ? ",\n" : "\n");
        }
        sb.Append("  ]\n}\n");
        return sb.ToString();
    }

    public static void Write(TaggerModel model, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        // Write beside and move, so a reader never sees half a model.
        var temp = path + ".tmp";
        File.WriteAllText(temp, Serialize(model), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>"model:" and the first 12 hex digits of the SHA-256 of the file's bytes.</summary>
    public static string VersionOf(ReadOnlySpan<byte> content) => "model:" + Convert.ToHexStringLower(SHA256.HashData(content))[..12];

    /// <summary>Reads a model file; a missing or broken file gives a result with the problem, never an exception.</summary>
    public static ModelLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
                return new(null, "", $"{path}: no model file; tagging uses the rules only. Run 'policylens train' to create it.", ModelProblem.Missing);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, "", $"{path}: cannot be read ({e.Message}); tagging uses the rules only.", ModelProblem.Unreadable);
        }
        try
        {
            return new(Parse(bytes), VersionOf(bytes), null);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException or InvalidCastException)
        {
            return new(null, "", $"{path}: not a valid model file ({e.Message}); tagging uses the rules only. Run 'policylens train' to write a new one.",
                ModelProblem.Invalid);
        }
    }

    public static TaggerModel Parse(ReadOnlySpan<byte> json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the file is not a JSON object");
        if ((string?)root["format"] != Format) throw new FormatException($"\"format\" is not \"{Format}\"");
        if ((int?)root["formatVersion"] != FormatVersion) throw new FormatException($"format version {(int?)root["formatVersion"]} is not {FormatVersion}");
        var features = Required<JsonArray>(root, "features").Select(n => (string?)n ?? throw new FormatException("a feature is not a string")).ToArray();
        var fo = Required<JsonObject>(root, "featureOptions");
        var featureOptions = new FeatureOptions
        {
            Words = (bool)fo["words"]!, Bigrams = (bool)fo["bigrams"]!, CharNgramLength = (int)fo["charNgramLength"]!,
            CharNgramMinWordLength = (int)fo["charNgramMinWordLength"]!, HeadingWords = (bool)fo["headingWords"]!,
            RuleHits = (bool)fo["ruleHits"]!, Normalize = (bool)fo["normalize"]!,
        };
        var labels = new List<LabelModel>();
        foreach (var node in Required<JsonArray>(root, "labels"))
        {
            var o = node as JsonObject ?? throw new FormatException("a label entry is not an object");
            var dimension = (string?)o["dimension"] ?? throw new FormatException("a label has no dimension");
            var label = (string?)o["label"] ?? throw new FormatException("a label has no id");
            var policyName = (string?)o["policy"] ?? throw new FormatException($"label {dimension}:{label} has no policy");
            if (!Enum.TryParse<CombinationPolicy>(policyName, ignoreCase: true, out var policy))
                throw new FormatException($"label {dimension}:{label} has an unknown policy '{policyName}'");
            var indices = Required<JsonArray>(o, "indices").Select(n => (int)n!).ToArray();
            var values = Required<JsonArray>(o, "weights").Select(n => (float)n!).ToArray();
            if (indices.Length != values.Length) throw new FormatException($"label {dimension}:{label} has {indices.Length} indices for {values.Length} weights");
            var weights = new float[features.Length];
            for (var j = 0; j < indices.Length; j++)
            {
                if ((uint)indices[j] >= (uint)features.Length) throw new FormatException($"label {dimension}:{label} names feature {indices[j]} of {features.Length}");
                weights[indices[j]] = values[j];
            }
            labels.Add(new LabelModel(dimension, label, (float)o["bias"]!, weights, (double)o["threshold"]!, policy));
        }
        var sources = Required<JsonArray>(root, "sources").Select(n => new TrainingSource(
            (string)n!["name"]!, (string)n["sha256"]!, (int)n["passages"]!)).ToArray();
        var figures = Required<JsonObject>(root, "figures").ToDictionary(kv => kv.Key, kv => (double)kv.Value!);
        var provenance = new ModelProvenance(sources, (string)root["ruleSetVersion"]!, (string)root["settings"]!,
            DateTimeOffset.Parse((string)root["trainedAt"]!, CultureInfo.InvariantCulture), figures);
        return new TaggerModel(features, labels, featureOptions, provenance, (bool?)root["gateLevels"] ?? true);
    }

    private static T Required<T>(JsonObject o, string name) where T : JsonNode =>
        o[name] as T ?? throw new FormatException($"\"{name}\" is missing or of the wrong kind");

    private static string Quote(string s) => JsonSerializer.Serialize(s);
}

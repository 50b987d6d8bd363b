using System.CommandLine;
using System.Text.Json;
using PolicyLens.Llm;
using PolicyLens.Storage;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// The LLM reviewer's settings for the CLI: <c>--endpoint</c>/<c>--llm-model</c>, else the environment
/// (<c>PolicyLens__Llm__Endpoint</c>, <c>…__Model</c>, <c>…__ApiKey</c>, …), else the
/// <c>PolicyLens:Llm</c> section of appsettings.json, exactly as the web app reads them.
/// </summary>
internal static class LlmSetup
{
    public const string EnvironmentPrefix = "PolicyLens__Llm__";

    public static Option<string?> EndpointOption() =>
        new("--endpoint") { Description = "Base URL of an OpenAI-compatible server (default: PolicyLens:Llm:Endpoint). Passage text is sent there." };

    /// <summary>--llm-model, not --model: eval already has --model for the trained model file.</summary>
    public static Option<string?> ModelOption() => new("--llm-model") { Description = "Language model name as the server knows it (default: PolicyLens:Llm:Model)." };

    public static LlmOptions Options(string? endpoint, string? model)
    {
        var file = ReadSection(CliSettings.Current.AppSettingsPath);
        var options = LlmOptions.From(key =>
            Environment.GetEnvironmentVariable(EnvironmentPrefix + key) is { Length: > 0 } fromEnvironment ? fromEnvironment : file.GetValueOrDefault(key));
        return options with
        {
            Endpoint = string.IsNullOrWhiteSpace(endpoint) ? options.Endpoint : endpoint.Trim(),
            Model = string.IsNullOrWhiteSpace(model) ? options.Model : model.Trim(),
        };
    }

    /// <summary>The PolicyLens.Llm object of an appsettings.json as strings; empty when absent or unreadable.</summary>
    internal static Dictionary<string, string> ReadSection(string? path)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (path is null || !File.Exists(path)) return values;
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("PolicyLens", out var section) && section.ValueKind == JsonValueKind.Object
                && section.TryGetProperty("Llm", out var llm) && llm.ValueKind == JsonValueKind.Object)
                foreach (var p in llm.EnumerateObject())
                    if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                        values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // Unreadable settings: the defaults (reviewer off) apply, as for the database path.
        }
        return values;
    }

    /// <summary>
    /// The reviewer as a tagger for <c>eval --tagger llm</c>, with every gold passage reviewed up
    /// front (MaxConcurrency at a time, cached answers first); null with the reason on stderr.
    /// </summary>
    public static (LlmPassageTagger Tagger, ReviewSummary Summary, LlmReviewer Reviewer)? EvalTagger(LlmOptions options, string rulesPath,
        IReviewCache cache, IReadOnlyList<PolicyLens.Tagging.LabelInfo> labels, IReadOnlyList<PolicyLens.Tagging.TaggingInput> passages,
        TextWriter stderr, CancellationToken cancellationToken)
    {
        var reviewer = CreateReviewer(options, rulesPath, cache, stderr);
        if (reviewer is null) return null;
        var tagger = new LlmPassageTagger(reviewer, labels);
        var summary = tagger.PrepareAsync(passages, null, cancellationToken).GetAwaiter().GetResult();
        if (summary.StoppedBy is { } stop)
        {
            stderr.WriteLine($"policylens: {stop.Message}");
            reviewer.Dispose();
            return null;
        }
        return (tagger, summary, reviewer);
    }

    /// <summary>
    /// A reviewer for these options, the rules' prompt and the store's cache; null with the reason
    /// on stderr (in Dutch) when the reviewer is off, misconfigured or the prompt is broken.
    /// </summary>
    public static LlmReviewer? CreateReviewer(LlmOptions options, string rulesPath, IReviewCache? cache, TextWriter stderr)
    {
        if (!options.Enabled)
        {
            stderr.WriteLine("policylens: de tweede mening (taalmodel) staat uit: stel PolicyLens:Llm:Endpoint en PolicyLens:Llm:Model in " +
                             "(appsettings.json of PolicyLens__Llm__Endpoint), of geef --endpoint en --llm-model.");
            return null;
        }
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            foreach (var p in problems) stderr.WriteLine($"policylens: {p}");
            return null;
        }
        var (prompt, error) = ReviewPrompt.Load(ReviewPrompt.PathIn(rulesPath));
        if (prompt is null)
        {
            stderr.WriteLine($"policylens: {error}");
            return null;
        }
        return new LlmReviewer(options, prompt, cache);
    }
}

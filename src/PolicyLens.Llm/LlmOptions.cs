using System.Globalization;
using System.Text;

namespace PolicyLens.Llm;

/// <summary>
/// The <c>PolicyLens:Llm</c> section: where the optional LLM reviewer sends passages. With no
/// <see cref="Endpoint"/> the reviewer is off and PolicyLens opens no network connection at all.
/// The API key is never part of <see cref="ToString"/>, a message or a log line.
/// </summary>
public sealed record LlmOptions
{
    public const string Section = "PolicyLens:Llm";

    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>http://127.0.0.1:11434/v1</c> (Ollama). Default empty: off.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Model name as the server knows it (e.g. <c>llama3.1:8b</c>). Required when an endpoint is set.</summary>
    public string? Model { get; init; }

    /// <summary>API key, sent as a bearer token; from the environment or user secrets. Default none (local servers need none).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Requests in flight at once. Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Time limit per request in seconds (a slow local model on a CPU may need minutes). Default 120.</summary>
    public int TimeoutSeconds { get; init; } = 120;

    /// <summary>Retries after HTTP 429 (or 503) before a passage counts as failed. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First back-off after HTTP 429 without a Retry-After header, doubled on each retry. Default 1000 ms.</summary>
    public int BackoffMilliseconds { get; init; } = 1000;

    /// <summary>Ask the server for a JSON object (<c>response_format</c>); turn off for servers that reject it. Default true.</summary>
    public bool JsonMode { get; init; } = true;

    /// <summary>True when an endpoint is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public bool HasApiKey => !string.IsNullOrEmpty(ApiKey);

    /// <summary>The endpoint as an absolute URI, or null when unset or invalid.</summary>
    public Uri? EndpointUri =>
        Enabled && Uri.TryCreate(Endpoint!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Every problem with the values (English, for logs and doctor); empty when valid or off.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled) return problems;
        if (EndpointUri is null)
            problems.Add($"{Section}:Endpoint is not an http(s) URL; give the base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1");
        else if (!string.IsNullOrEmpty(EndpointUri.UserInfo))
            problems.Add($"{Section}:Endpoint contains a user name or password; put the key in {Section}:ApiKey instead");
        if (string.IsNullOrWhiteSpace(Model)) problems.Add($"{Section}:Model is empty; give the model name the server knows, e.g. llama3.1:8b");
        if (MaxConcurrency is < 1 or > 64) problems.Add($"{Section}:MaxConcurrency is {MaxConcurrency}; use 1 to 64");
        if (TimeoutSeconds < 1) problems.Add($"{Section}:TimeoutSeconds is {TimeoutSeconds}; use at least 1");
        if (MaxRetries is < 0 or > 10) problems.Add($"{Section}:MaxRetries is {MaxRetries}; use 0 to 10");
        if (BackoffMilliseconds < 0) problems.Add($"{Section}:BackoffMilliseconds is {BackoffMilliseconds}; use 0 or more");
        return problems;
    }

    /// <summary>
    /// Reads the options from a key lookup (<c>"Endpoint"</c> → value), so the web app's
    /// configuration and the CLI's environment + appsettings.json feed the same code. Numbers that
    /// do not parse keep their default and are reported by <see cref="Validate"/> as out of range.
    /// </summary>
    public static LlmOptions From(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var defaults = new LlmOptions();
        return new LlmOptions
        {
            Endpoint = Blank(value(nameof(Endpoint))),
            Model = Blank(value(nameof(Model))),
            ApiKey = Blank(value(nameof(ApiKey))),
            MaxConcurrency = Int(value(nameof(MaxConcurrency)), defaults.MaxConcurrency),
            TimeoutSeconds = Int(value(nameof(TimeoutSeconds)), defaults.TimeoutSeconds),
            MaxRetries = Int(value(nameof(MaxRetries)), defaults.MaxRetries),
            BackoffMilliseconds = Int(value(nameof(BackoffMilliseconds)), defaults.BackoffMilliseconds),
            JsonMode = value(nameof(JsonMode)) is { } json && bool.TryParse(json, out var b) ? b : defaults.JsonMode,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static int Int(string? s, int fallback) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : s is null ? fallback : -1;

    /// <summary>Every setting except the key, which shows only whether it is set.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"Endpoint = {LlmEndpoint.Describe(this)}, Model = {Model}, ApiKey = {(HasApiKey ? "(set)" : "(none)")}, MaxConcurrency = {MaxConcurrency}, " +
            $"TimeoutSeconds = {TimeoutSeconds}, MaxRetries = {MaxRetries}, BackoffMilliseconds = {BackoffMilliseconds}, JsonMode = {JsonMode}");
        return true;
    }
}

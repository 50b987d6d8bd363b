using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Llm.Tests;

internal static class TestSupport
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyLens.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The shipped prompt of rules/llm/.</summary>
    public static ReviewPrompt Prompt { get; } = ReviewPrompt.Load(ReviewPrompt.PathIn(Path.Join(RepoRoot, "rules"))).Prompt
        ?? throw new InvalidOperationException("The shipped prompt does not load.");

    public static LlmOptions Options(string endpoint, Func<LlmOptions, LlmOptions>? change = null)
    {
        var options = new LlmOptions { Endpoint = endpoint, Model = "fake-model", MaxConcurrency = 2, TimeoutSeconds = 10, BackoffMilliseconds = 1 };
        return change is null ? options : change(options);
    }

    /// <summary>A reviewer whose back-off waits are recorded instead of slept.</summary>
    public static LlmReviewer Reviewer(string endpoint, Func<LlmOptions, LlmOptions>? change = null, IReviewCache? cache = null,
        List<TimeSpan>? waits = null) =>
        new(Options(endpoint, change), Prompt, cache, delay: (wait, _) =>
        {
            if (waits is not null) lock (waits) waits.Add(wait);
            return Task.CompletedTask;
        });

    public static SqlitePlanStore Memory() => SqlitePlanStore.Open(new SqliteStoreOptions(SqliteStoreOptions.InMemory));

    public static TaggingInput Passage(string text, params string[] headings) => new(text, headings);

    /// <summary>The reply format of the prompt, built from (dimension, id, quote) triples.</summary>
    public static FakeReply Answer(params (string Dimension, string Id, string Quote)[] labels)
    {
        var answer = new Dictionary<string, object>
        {
            ["element"] = labels.Where(l => l.Dimension == "element").Select(l => l.Id).ToArray(),
            ["type"] = labels.Where(l => l.Dimension == "type").Select(l => l.Id).ToArray(),
            ["level"] = labels.Where(l => l.Dimension == "level").Select(l => l.Id).ToArray(),
            ["evidence"] = labels.ToDictionary(l => l.Id, l => l.Quote),
        };
        return FakeReply.Json(answer);
    }
}

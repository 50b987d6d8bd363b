using BenchmarkDotNet.Attributes;
using PolicyLens.Llm;
using PolicyLens.Llm.Tests;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// Throughput of the LLM reviewer against a fake OpenAI-compatible server on 127.0.0.1 that takes
/// <see cref="ModelLatencyMs"/> per answer, like a fast model: 48 passages per batch. With one
/// request at a time as the baseline, the ratio shows that the reviewer keeps N requests in
/// flight (ideal: 1/N); <see cref="FromCache"/> is a batch answered entirely from the database.
/// passages/s = 48 / mean time in seconds.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*Reviewer*' --job short
/// </summary>
public class ReviewerBenchmarks
{
    public const int ModelLatencyMs = 40;
    private const int Passages = 48;

    private FakeOpenAiServer _server = null!;
    private SqlitePlanStore _store = null!;
    private TaggingInput[] _passages = [];
    private ReviewPrompt _prompt = null!;
    private int _batch;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _prompt = ReviewPrompt.Load(ReviewPrompt.PathIn(Path.Join(root, "rules"))).Prompt!;
        _server = FakeOpenAiServer.StartAsync(async (request, _) =>
        {
            await Task.Delay(ModelLatencyMs);
            return FakeModels.Meeting(request);
        }).GetAwaiter().GetResult();
        _store = SqlitePlanStore.Open(new SqliteStoreOptions(SqliteStoreOptions.InMemory));
        using var warm = Reviewer(_store, 4);
        _passages = [.. Enumerable.Range(0, Passages).Select(i => new TaggingInput($"Passage {i}: we ontmoeten buren in het buurthuis.", ["Actieplan"]))];
        warm.ReviewAllAsync(_passages).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private LlmReviewer Reviewer(IReviewCache? cache, int maxConcurrency) =>
        new(new LlmOptions { Endpoint = _server.Endpoint, Model = "fake-model", MaxConcurrency = maxConcurrency }, _prompt, cache);

    /// <summary>Every passage asked (fresh texts each batch, no cache), at most <paramref name="maxConcurrency"/> at a time.</summary>
    private int Ask(int maxConcurrency)
    {
        var batch = Interlocked.Increment(ref _batch);
        using var reviewer = Reviewer(null, maxConcurrency);
        var summary = reviewer.ReviewAllAsync([.. _passages.Select(p => new TaggingInput(p.Text + " " + batch, p.Headings))]).GetAwaiter().GetResult();
        return summary.Answered;
    }

    [Benchmark(Baseline = true)]
    public int OneAtATime() => Ask(1);

    [Benchmark]
    public int FourAtATime() => Ask(4);

    [Benchmark]
    public int EightAtATime() => Ask(8);

    /// <summary>The same passages again: every answer from the database, nothing sent.</summary>
    [Benchmark]
    public int FromCache()
    {
        using var reviewer = Reviewer(_store, 4);
        return reviewer.ReviewAllAsync(_passages).GetAwaiter().GetResult().Cached;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

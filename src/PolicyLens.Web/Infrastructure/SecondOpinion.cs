using System.Collections.Concurrent;
using PolicyLens.Coverage;
using PolicyLens.Llm;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

public static class SecondOpinionSetup
{
    /// <summary>
    /// Registers the reviewer's services from the <c>PolicyLens:Llm</c> keys (appsettings.json,
    /// PolicyLens__Llm__… environment variables, user secrets in Development).
    /// </summary>
    public static IServiceCollection AddSecondOpinion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => LlmOptions.From(key => configuration[$"{LlmOptions.Section}:{key}"]));
        services.AddSingleton<SecondOpinionService>();
        services.AddSingleton<ReviewJobs>();
        return services;
    }
}

/// <summary>
/// The optional LLM reviewer ("tweede mening") in the web app: configuration, the reviewer
/// (built only when an endpoint is configured: otherwise nothing here opens a connection), the
/// comparison of a plan's tags with the model's cached answers, and the coverage with the tags
/// the user chose.
/// </summary>
public sealed class SecondOpinionService : IDisposable
{
    /// <summary>Cookie per plan that remembers which tags the coverage uses (<see cref="TagSource"/>).</summary>
    public const string CookiePrefix = "PolicyLens.Labels.";

    private readonly CoverageService _coverage;
    private readonly ICoverageAnalyzer _analyzer;
    private readonly RulesHolder _rules;
    private readonly LlmReviewer? _reviewer;
    // Keyed by document, valid for the very analysis they were computed from (a re-tag, an upload
    // reusing a deleted plan's id, or a review that added answers makes them stale).
    // A handful of plans are reviewed at a time; a small count bound keeps these side caches from growing with the store.
    private const int MaxCached = 32;
    private readonly ConcurrentDictionary<long, (PlanCoverage From, int Generation, PlanSecondOpinion Opinion)> _opinions = new();
    private readonly ConcurrentDictionary<(long Id, TagSource Source), (PlanCoverage From, int Generation, AnalyzedPlan Plan)> _chosen = new();
    private int _generation;

    public SecondOpinionService(LlmOptions options, AppPaths paths, IPlanStore store, CoverageService coverage, ICoverageAnalyzer analyzer,
        RulesHolder rules, ILogger<SecondOpinionService> log)
    {
        Options = options;
        Info = LlmEndpoint.Info(options);
        _coverage = coverage;
        _analyzer = analyzer;
        _rules = rules;
        if (!options.Enabled) return;
        var problems = options.Validate();
        var (prompt, error) = ReviewPrompt.Load(ReviewPrompt.PathIn(paths.RulesPath));
        if (problems.Count > 0 || prompt is null)
        {
            Problem = string.Join("; ", problems.Append(error).OfType<string>());
            log.LogWarning("The LLM reviewer is configured but cannot be used: {Problem}", Problem);
            return;
        }
        _reviewer = new LlmReviewer(options, prompt, store as IReviewCache);
        log.LogInformation("LLM reviewer on: passage text may be sent to {Endpoint} (model {Model}, prompt {Prompt})",
            Info.Address, options.Model, prompt.Version);
    }

    public LlmOptions Options { get; }

    /// <summary>Where passage text would go (display-safe: no key, no credentials in the URL).</summary>
    public LlmEndpointInfo Info { get; }

    /// <summary>Why a configured reviewer cannot be used (English, the configuration's words); null when fine or off.</summary>
    public string? Problem { get; }

    /// <summary>The reviewer, when configured and usable.</summary>
    public ILlmReviewer? Reviewer => _reviewer;

    public bool Available => _reviewer is not null;

    /// <summary>Forgets computed comparisons (after a review ran or a plan changed).</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// The comparison of a stored plan's tags with the model's cached answers; null when the reviewer
    /// is off or the plan unknown. Reads the cache only: nothing is sent.
    /// </summary>
    public PlanSecondOpinion? Opinion(long documentId)
    {
        if (_reviewer is null || _coverage.Get(documentId) is not { } plan) return null;
        var generation = Volatile.Read(ref _generation);
        if (_opinions.TryGetValue(documentId, out var cached) && ReferenceEquals(cached.From, plan.Coverage) && cached.Generation == generation)
            return cached.Opinion;
        var passages = plan.Coverage.Passages;
        var opinion = SecondOpinion.Compare(passages, _reviewer.Known(SecondOpinion.Inputs(passages)), _rules.Labels);
        if (_opinions.Count >= MaxCached) _opinions.Clear();
        _opinions[documentId] = (plan.Coverage, generation, opinion);
        return opinion;
    }

    /// <summary>The plan analysed with the tags of <paramref name="source"/>; the stored analysis for Rules or when there is no opinion.</summary>
    public AnalyzedPlan WithTags(AnalyzedPlan plan, TagSource source)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (source == TagSource.Rules || Opinion(plan.Document.Id) is not { Reviewed: > 0 } opinion) return plan;
        var generation = Volatile.Read(ref _generation);
        var key = (plan.Document.Id, source);
        if (_chosen.TryGetValue(key, out var cached) && ReferenceEquals(cached.From, plan.Coverage) && cached.Generation == generation) return cached.Plan;
        var passages = SecondOpinion.Select(opinion, source, Options.Model!);
        var analyzed = plan with { Coverage = _analyzer.Analyze(plan.Coverage.Plan, passages, _rules.Labels) };
        if (_chosen.Count >= MaxCached) _chosen.Clear();
        _chosen[key] = (plan.Coverage, generation, analyzed);
        return analyzed;
    }

    /// <summary>The tag source for a plan: the query value when valid, else the plan's cookie, else Rules.</summary>
    public static TagSource Source(HttpRequest request, long documentId, string? query)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Parse(query) is { } fromQuery) return fromQuery;
        return Parse(request.Cookies[CookiePrefix + documentId]) ?? TagSource.Rules;
    }

    public static TagSource? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "regels" => TagSource.Rules,
        "taalmodel" => TagSource.Llm,
        "eens" => TagSource.Agreed,
        "samen" => TagSource.Either,
        _ => null,
    };

    /// <summary>The value used in query strings and cookies.</summary>
    public static string Key(TagSource source) => source switch
    {
        TagSource.Llm => "taalmodel",
        TagSource.Agreed => "eens",
        TagSource.Either => "samen",
        _ => "regels",
    };

    public static string Describe(TagSource source) => source switch
    {
        TagSource.Llm => "het taalmodel (voor elementen, soorten en niveaus; andere dimensies van regels/model)",
        TagSource.Agreed => "alleen labels waarover regels/model en taalmodel het eens zijn",
        TagSource.Either => "labels van regels/model en taalmodel samen",
        _ => "regels/model (standaard)",
    };

    /// <summary>Deletes every stored answer of the model (all plans, models and prompt versions); returns how many.</summary>
    public int ClearAnswers(IPlanStore store)
    {
        var cleared = store is IReviewCache cache ? cache.ClearReviews() : 0;
        Invalidate();
        return cleared;
    }

    public void Dispose() => _reviewer?.Dispose();
}

/// <summary>A running or finished second opinion on one plan.</summary>
public sealed class ReviewJob
{
    private readonly Lock _gate = new();
    private ReviewProgress _progress;

    public ReviewJob(long documentId, int total, DateTimeOffset started)
    {
        DocumentId = documentId;
        Started = started;
        _progress = new ReviewProgress(0, total, 0, 0, 0);
    }

    public long DocumentId { get; }
    public DateTimeOffset Started { get; }
    public ReviewProgress Progress
    {
        get
        {
            lock (_gate) return _progress;
        }
    }
    public ReviewSummary? Summary { get; private set; }
    public bool Done => Summary is not null;

    /// <summary>Progress arrives from several requests at once; the count shown never goes back.</summary>
    internal void Report(ReviewProgress progress)
    {
        lock (_gate)
            if (progress.Done >= _progress.Done) _progress = progress;
    }

    internal void Finish(ReviewSummary summary)
    {
        lock (_gate) _progress = new ReviewProgress(summary.Passages, summary.Passages, summary.Cached, summary.Failed, summary.Tokens);
        Summary = summary;
    }
}

/// <summary>
/// Second opinions run in the background, one job per plan at a time (asking again while one runs
/// returns that one). The reviewer bounds the requests in flight over all jobs together. Jobs
/// stop when the app stops; what was answered by then stays cached.
/// </summary>
public sealed class ReviewJobs(SecondOpinionService service, CoverageService coverage, IPlanStore store, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ReviewJobs> log)
{
    private readonly ConcurrentDictionary<long, ReviewJob> _jobs = new();

    public ReviewJob? Find(long documentId) => _jobs.GetValueOrDefault(documentId);

    /// <summary>Starts (or returns the running) job for a plan; null when the reviewer is off or the plan unknown.</summary>
    public ReviewJob? Start(long documentId)
    {
        if (service.Reviewer is not { } reviewer || coverage.Get(documentId) is not { } plan) return null;
        var inputs = SecondOpinion.Inputs(plan.Coverage.Passages);
        var job = new ReviewJob(documentId, inputs.Count, clock.GetUtcNow());
        while (true)
        {
            if (_jobs.TryGetValue(documentId, out var existing))
            {
                if (!existing.Done) return existing;
                if (!_jobs.TryUpdate(documentId, job, existing)) continue;
            }
            else if (!_jobs.TryAdd(documentId, job)) continue;
            break;
        }
        if (store is IReviewCache cache) cache.LinkReviews(documentId, [.. inputs.Select(ReviewAnswer.PassageHash)]);
        var progress = new Progress(job, service);
        _ = Task.Run(async () =>
        {
            ReviewSummary summary;
            try
            {
                summary = await reviewer.ReviewAllAsync(inputs, progress, lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is PlanStoreException or IOException)
            {
                // The cache could not be written (disk full, database busy): the job ends with that reason.
                log.LogWarning("Second opinion for document {Id} stopped: {Message}", documentId, ex.Message);
                summary = new ReviewSummary([], TimeSpan.Zero, new ReviewFailure(FailureKind.ServerError,
                    "De antwoorden konden niet in de database bewaard worden: " + ex.Message));
            }
            catch (Exception ex)
            {
                // A bug of ours: logged with its stack, and the job still ends instead of spinning forever.
                log.LogError(ex, "Second opinion for document {Id} failed unexpectedly", documentId);
                summary = new ReviewSummary([], TimeSpan.Zero, new ReviewFailure(FailureKind.ServerError,
                    "De tweede mening stopte door een onverwachte fout; zie het logboek van de server."));
            }
            job.Finish(summary);
            service.Invalidate();
            log.LogInformation("Second opinion for document {Id}: {Answered} answered, {Cached} cached, {Failed} failed, {Skipped} skipped, {Tokens} tokens, {Rate:0.0} passages/s",
                documentId, summary.Answered, summary.Cached, summary.Failed, summary.Skipped, summary.Tokens, summary.PassagesPerSecond);
        });
        return job;
    }

    /// <summary>Keeps the job's counts current; every 25 answers the report may show them already.</summary>
    private sealed class Progress(ReviewJob job, SecondOpinionService service) : IProgress<ReviewProgress>
    {
        public void Report(ReviewProgress value)
        {
            job.Report(value);
            if (value.Done % 25 == 0) service.Invalidate();
        }
    }
}

using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Llm;

/// <summary>
/// Asks a language model for a second opinion on passages. One passage per request; answers are
/// validated (<see cref="ReplyParser"/>) and cached by passage hash, model and prompt version.
/// Thread-safe: one instance serves the whole app, and never has more than
/// <see cref="LlmOptions.MaxConcurrency"/> requests in flight, however many batches run.
/// </summary>
public interface ILlmReviewer
{
    LlmOptions Options { get; }
    ReviewPrompt Prompt { get; }

    /// <summary>Model and prompt version, e.g. "llama3.1:8b / p1a2b3c4d5e6f": what a review depends on.</summary>
    string Version { get; }

    Task<PassageReview> ReviewAsync(TaggingInput passage, CancellationToken cancellationToken = default);

    /// <summary>The answers already in the cache for these passages (null where none); sends nothing.</summary>
    IReadOnlyList<PassageReview?> Known(IReadOnlyList<TaggingInput> passages);

    /// <summary>
    /// Reviews every passage (cache first, then up to MaxConcurrency requests at a time). Never
    /// throws for the server's faults: a failure that every request would repeat (server down,
    /// key refused, unknown model) stops the batch and marks the rest skipped; cancellation does the same.
    /// </summary>
    Task<ReviewSummary> ReviewAllAsync(IReadOnlyList<TaggingInput> passages, IProgress<ReviewProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>The reviewer through Semantic Kernel's OpenAI chat-completion connector (any OpenAI-compatible server).</summary>
public sealed class LlmReviewer : ILlmReviewer, IDisposable
{
    private readonly IReviewCache? _cache;
    private readonly HttpClient _http;
    private readonly IChatCompletionService _chat;
    private readonly SemaphoreSlim _inFlight;
    private readonly OpenAIPromptExecutionSettings _settings;

    /// <param name="options">Enabled and valid options (see <see cref="LlmOptions.Validate"/>).</param>
    /// <param name="prompt">The system prompt.</param>
    /// <param name="cache">Where answers are kept; null keeps none.</param>
    /// <param name="transport">The HTTP handler underneath (tests); default a fresh <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="delay">How back-off waits (tests); default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</param>
    public LlmReviewer(LlmOptions options, ReviewPrompt prompt, IReviewCache? cache = null, HttpMessageHandler? transport = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        if (!options.Enabled) throw new ArgumentException("The LLM reviewer is off: no endpoint is configured.", nameof(options));
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        Options = options;
        Prompt = prompt;
        _cache = cache;
        Handler = new LlmHttpHandler(options, transport ?? new SocketsHttpHandler { ConnectTimeout = options.Timeout }, delay);
        // Our handler enforces the time limit per attempt; the client's own would also cut off back-off waits.
        _http = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
        // Local servers need no key; the OpenAI client insists on one, and sends this placeholder as the bearer token.
        var client = new OpenAI.OpenAIClient(new ApiKeyCredential(options.HasApiKey ? options.ApiKey! : "none"), new OpenAI.OpenAIClientOptions
        {
            Endpoint = options.EndpointUri,
            Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(_http),
            // Retries and time limits are LlmHttpHandler's, so they are the same for every server.
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });
        _chat = new OpenAIChatCompletionService(options.Model!, client);
        _inFlight = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            ResponseFormat = options.JsonMode ? "json_object" : null,
        };
    }

    public LlmOptions Options { get; }
    public ReviewPrompt Prompt { get; }
    public string Version => $"{Options.Model} / {Prompt.Version}";
    internal LlmHttpHandler Handler { get; }

    public async Task<PassageReview> ReviewAsync(TaggingInput passage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var hash = ReviewAnswer.PassageHash(passage);
        if (Cached(passage, hash, _cache?.FindReviews([hash], Options.Model!, Prompt.Version)) is { } cached) return cached;
        return await AskAsync(passage, hash, cancellationToken);
    }

    public IReadOnlyList<PassageReview?> Known(IReadOnlyList<TaggingInput> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var hashes = passages.Select(ReviewAnswer.PassageHash).ToArray();
        var found = _cache?.FindReviews(hashes, Options.Model!, Prompt.Version);
        return [.. passages.Select((p, i) => Cached(p, hashes[i], found))];
    }

    public async Task<ReviewSummary> ReviewAllAsync(IReadOnlyList<TaggingInput> passages, IProgress<ReviewProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var clock = Stopwatch.StartNew();
        var hashes = passages.Select(ReviewAnswer.PassageHash).ToArray();
        var found = _cache?.FindReviews(hashes, Options.Model!, Prompt.Version);
        var results = new PassageReview?[passages.Count];
        // A passage that occurs twice (a repeated heading or table row) is asked once.
        var pending = new List<int>();
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            results[i] = Cached(passages[i], hashes[i], found);
            if (results[i] is null && firstOf.TryAdd(hashes[i], i)) pending.Add(i);
        }
        int done = results.Count(r => r is not null), cachedCount = done, failed = 0;
        long tokens = 0;
        progress?.Report(new ReviewProgress(done, passages.Count, cachedCount, failed, tokens));

        ReviewFailure? stoppedBy = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = stop.Token },
                async (index, token) =>
                {
                    var review = await AskAsync(passages[index], hashes[index], token);
                    if (review.Failure is { StopsBatch: true } fatal)
                    {
                        // Keep the passage unanswered rather than failed: nothing was wrong with it.
                        Interlocked.CompareExchange(ref stoppedBy, fatal, null);
                        review = PassageReview.Skipped(hashes[index], fatal);
                        await stop.CancelAsync();
                    }
                    results[index] = review;
                    var failedNow = review.Status == ReviewStatus.Failed ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
                    var tokensNow = Interlocked.Add(ref tokens, review.PromptTokens + review.CompletionTokens);
                    progress?.Report(new ReviewProgress(Interlocked.Increment(ref done), passages.Count, cachedCount, failedNow, tokensNow));
                });
        }
        catch (OperationCanceledException)
        {
            stoppedBy ??= new ReviewFailure(FailureKind.Cancelled, "De tweede mening is afgebroken.");
        }
        for (var i = 0; i < passages.Count; i++)
        {
            if (results[i] is not null) continue;
            results[i] = firstOf.TryGetValue(hashes[i], out var first) && first != i && results[first] is { } shared
                ? shared
                : PassageReview.Skipped(hashes[i], stoppedBy);
        }
        return new ReviewSummary(results!, clock.Elapsed, stoppedBy);
    }

    /// <summary>
    /// Checks that the server answers and knows the model (<c>GET {endpoint}/models</c>); null when
    /// all is well, else what is wrong. Sends no passage text.
    /// </summary>
    public async Task<ReviewFailure?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Options.EndpointUri!.ToString().TrimEnd('/') + "/models");
        if (Options.HasApiKey) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Options.ApiKey);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return Classify(new HttpRequestException(null, null, response.StatusCode), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var known = json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Array
                && data.EnumerateArray().Any(m => m.TryGetProperty("id", out var mid) && mid.GetString() == Options.Model);
            return known ? null : new ReviewFailure(FailureKind.ModelNotFound,
                $"De server op {LlmEndpoint.Describe(Options)} antwoordt, maar noemt model '{Options.Model}' niet; controleer PolicyLens:Llm:Model.");
        }
        catch (System.Text.Json.JsonException)
        {
            return new ReviewFailure(FailureKind.ServerError, $"De server op {LlmEndpoint.Describe(Options)} gaf geen modellenlijst (geen JSON op /models).");
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    private PassageReview? Cached(TaggingInput passage, string hash, IReadOnlyDictionary<string, CachedReview>? found)
    {
        if (found is null || !found.TryGetValue(hash, out var entry)) return null;
        return ReviewAnswer.Deserialize(entry.Answer, passage.Text) is { } reply
            ? new PassageReview(hash, ReviewStatus.Cached, reply.Labels, reply.Dropped, null)
            : null;
    }

    /// <summary>Asks the model, once more after a malformed reply, and caches a valid answer.</summary>
    private async Task<PassageReview> AskAsync(TaggingInput passage, string hash, CancellationToken cancellationToken)
    {
        int promptTokens = 0, completionTokens = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var history = new ChatHistory(Prompt.SystemText);
            history.AddUserMessage(ReviewPrompt.UserMessage(passage, retryAfterMalformed: attempt > 0));
            ChatMessageContent reply;
            await _inFlight.WaitAsync(cancellationToken);
            try
            {
                reply = await _chat.GetChatMessageContentAsync(history, _settings, kernel: null, cancellationToken);
            }
            catch (Exception ex) when (Classify(ex, cancellationToken) is { } failure)
            {
                return PassageReview.Failed(hash, failure, promptTokens, completionTokens);
            }
            finally
            {
                _inFlight.Release();
            }
            if (reply.InnerContent is OpenAI.Chat.ChatCompletion { Usage: { } usage })
            {
                promptTokens += usage.InputTokenCount;
                completionTokens += usage.OutputTokenCount;
            }
            var (parsed, _) = ReplyParser.Parse(reply.Content, passage.Text);
            if (parsed is null) continue;
            _cache?.SaveReview(new CachedReview(hash, Options.Model!, Prompt.Version, ReviewAnswer.Serialize(parsed), promptTokens, completionTokens,
                DateTimeOffset.UtcNow));
            return new PassageReview(hash, ReviewStatus.Answered, parsed.Labels, parsed.Dropped, null, promptTokens, completionTokens);
        }
        return PassageReview.Failed(hash, new ReviewFailure(FailureKind.MalformedReply,
            "Het taalmodel gaf twee keer geen bruikbaar antwoord (geen JSON-object in het gevraagde formaat)."), promptTokens, completionTokens);
    }

    /// <summary>
    /// A Dutch explanation of what went wrong, or null for an exception that is a bug of ours.
    /// Messages name the setting to check and never include the reply body, which may echo the key.
    /// </summary>
    internal ReviewFailure? Classify(Exception ex, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return new ReviewFailure(FailureKind.Cancelled, "De tweede mening is afgebroken.");
        var endpoint = LlmEndpoint.Describe(Options);
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is LlmTimeoutException timeout)
                return new ReviewFailure(FailureKind.Timeout,
                    $"Het taalmodel antwoordde niet binnen {timeout.Limit.TotalSeconds:0} seconden; verhoog zo nodig PolicyLens:Llm:TimeoutSeconds.");
            if (StatusOf(e) is { } status)
                return status switch
                {
                    429 => new ReviewFailure(FailureKind.RateLimited,
                        $"De server bleef 'te veel verzoeken' antwoorden (HTTP 429), ook na {Options.MaxRetries} keer wachten; verlaag PolicyLens:Llm:MaxConcurrency of probeer het later opnieuw."),
                    401 or 403 => new ReviewFailure(FailureKind.Unauthorized,
                        $"De server op {endpoint} weigert de toegang (HTTP {status}); controleer de API-sleutel (PolicyLens:Llm:ApiKey)."),
                    404 => new ReviewFailure(FailureKind.ModelNotFound,
                        $"De server op {endpoint} kent model '{Options.Model}' of het adres niet (HTTP 404); controleer PolicyLens:Llm:Model en PolicyLens:Llm:Endpoint."),
                    400 => new ReviewFailure(FailureKind.ServerError,
                        "De server weigerde het verzoek (HTTP 400). Kent de server geen JSON-modus, zet dan PolicyLens:Llm:JsonMode op false."),
                    _ => new ReviewFailure(FailureKind.ServerError, $"De server op {endpoint} gaf een fout (HTTP {status})."),
                };
            if (e is HttpRequestException dropped && LlmHttpHandler.IsDropped(dropped))
                return new ReviewFailure(FailureKind.ServerError,
                    $"De verbinding met de server op {endpoint} werd onderbroken ({Reason(ex)}), ook na {Options.MaxRetries} nieuwe pogingen.");
            if (e is HttpRequestException or SocketException)
                return new ReviewFailure(FailureKind.Unreachable,
                    $"De taalmodelserver op {endpoint} is niet bereikbaar ({Reason(ex)}). Controleer of de server draait en of PolicyLens:Llm:Endpoint klopt. " +
                    "Het rapport met de labels van regels en model werkt gewoon.");
        }
        return ex is OperationCanceledException or ArgumentException or InvalidOperationException or KernelException or ClientResultException
            ? new ReviewFailure(FailureKind.ServerError, $"Het antwoord van de server op {endpoint} kon niet gelezen worden ({ex.GetType().Name}).")
            : null;
    }

    private static int? StatusOf(Exception e) => e switch
    {
        HttpOperationException { StatusCode: { } code } => (int)code,
        ClientResultException { Status: > 0 } client => client.Status,
        HttpRequestException { StatusCode: { } code } => (int)code,
        _ => null,
    };

    private static string Reason(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is SocketException socket)
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "verbinding geweigerd",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "onbekende servernaam",
                    SocketError.TimedOut => "geen antwoord op de verbinding",
                    SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted => "verbinding door de server verbroken",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "netwerk onbereikbaar",
                    _ => "netwerkfout " + socket.SocketErrorCode,
                };
        return ex is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } ? "antwoord afgebroken" : "verbinding mislukt";
    }

    public void Dispose()
    {
        _http.Dispose();
        _inFlight.Dispose();
    }
}

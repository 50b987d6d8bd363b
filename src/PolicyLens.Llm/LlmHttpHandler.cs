using System.Net;

namespace PolicyLens.Llm;

/// <summary>The server did not answer within the time limit of one request.</summary>
public sealed class LlmTimeoutException(TimeSpan limit) : Exception($"No answer within {limit.TotalSeconds:0} s.")
{
    public TimeSpan Limit { get; } = limit;
}

/// <summary>
/// What sits between the OpenAI client and the network: a time limit per attempt, and back-off
/// on HTTP 429 (too many requests) and 503 (overloaded), honouring Retry-After, and on a
/// connection the server dropped mid-request, before the response is handed on. The OpenAI client's own retries are off when it gets our HttpClient.
/// </summary>
internal sealed class LlmHttpHandler : DelegatingHandler
{
    /// <summary>Longest wait we accept from a Retry-After header.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly LlmOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public LlmHttpHandler(LlmOptions options, HttpMessageHandler inner, Func<TimeSpan, CancellationToken, Task>? delay = null) : base(inner)
    {
        _options = options;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>Attempts that ended in 429/503 and were retried (for tests and the summary).</summary>
    public int Retries => _retries;
    private int _retries;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The request body is buffered so it can be sent again after a 429.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHeaders = request.Content?.Headers.ToList() ?? [];
        for (var attempt = 0; ; attempt++)
        {
            var attemptRequest = Copy(request, body, contentHeaders);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(attemptRequest, timeout.Token);
                // The whole body within the same limit: a server may send its headers long before the answer.
                await response.Content.LoadIntoBufferAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                throw new LlmTimeoutException(_options.Timeout);
            }
            catch (HttpRequestException ex) when (IsDropped(ex) && attempt < _options.MaxRetries)
            {
                // The connection broke after it was made (a busy server closing it): worth another try.
                response?.Dispose();
                Interlocked.Increment(ref _retries);
                await _delay(Backoff(null, attempt), cancellationToken);
                continue;
            }
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= _options.MaxRetries)
                return response;
            var wait = Backoff(response, attempt);
            response.Dispose();
            Interlocked.Increment(ref _retries);
            await _delay(wait, cancellationToken);
        }
    }

    /// <summary>Retry-After (seconds or a date) when the server gives it, else the base delay doubled per attempt, plus up to 20% jitter.</summary>
    internal TimeSpan Backoff(HttpResponseMessage? response, int attempt)
    {
        var retryAfter = response?.Headers.RetryAfter;
        TimeSpan? asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (asked is { } a) return a < TimeSpan.Zero ? TimeSpan.Zero : a > MaxBackoff ? MaxBackoff : a;
        var baseDelay = TimeSpan.FromMilliseconds(_options.BackoffMilliseconds * Math.Pow(2, attempt));
        var jitter = baseDelay * (Random.Shared.NextDouble() * 0.2);
        var total = baseDelay + jitter;
        return total > MaxBackoff ? MaxBackoff : total;
    }

    /// <summary>
    /// A connection that broke after it was established, unlike a server that cannot be reached at
    /// all (refused, unknown name): that one every retry would repeat.
    /// </summary>
    internal static bool IsDropped(HttpRequestException ex) =>
        ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError);

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body, List<KeyValuePair<string, IEnumerable<string>>> contentHeaders)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in contentHeaders) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        foreach (var option in request.Options) ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        return copy;
    }
}

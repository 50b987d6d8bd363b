namespace PolicyLens.Llm;

/// <summary>A label the model gave a passage, with its quote located in the passage text.</summary>
public sealed record ReviewedLabel
{
    public ReviewedLabel(string dimension, string label, string quote, int start, int length)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(quote);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Dimension = dimension;
        Label = label;
        Quote = quote;
        Start = start;
        Length = length;
    }

    public string Dimension { get; }
    public string Label { get; }

    /// <summary>The words of the passage the quote matched, as they stand in the passage.</summary>
    public string Quote { get; }
    public int Start { get; }
    public int Length { get; }
}

public enum DropReason
{
    /// <summary>An id that is not a label of the dimension (or a dimension the reviewer does not judge).</summary>
    UnknownLabel,

    /// <summary>No quote given for the label.</summary>
    MissingQuote,

    /// <summary>The quote does not occur in the passage.</summary>
    QuoteNotInPassage,
}

/// <summary>Part of a reply that validation threw away.</summary>
public sealed record DroppedLabel(string Dimension, string Label, DropReason Reason);

public enum ReviewStatus
{
    /// <summary>The model answered now.</summary>
    Answered,

    /// <summary>The answer came from the cache; nothing was sent.</summary>
    Cached,

    /// <summary>No valid answer: see <see cref="PassageReview.Failure"/>.</summary>
    Failed,

    /// <summary>Not asked, because the batch stopped (server down, key refused) or was cancelled.</summary>
    Skipped,
}

public enum FailureKind
{
    MalformedReply,
    Timeout,
    RateLimited,
    ServerError,
    Unreachable,
    Unauthorized,
    ModelNotFound,
    Cancelled,
}

/// <summary>Why a passage got no answer, with a Dutch message for the user (never the API key or a reply body).</summary>
public sealed record ReviewFailure(FailureKind Kind, string Message)
{
    /// <summary>Failures that every further request would repeat, so a batch stops at the first.</summary>
    public bool StopsBatch => Kind is FailureKind.Unreachable or FailureKind.Unauthorized or FailureKind.ModelNotFound or FailureKind.Cancelled;
}

/// <summary>The reviewer's verdict on one passage.</summary>
public sealed record PassageReview
{
    public PassageReview(string passageHash, ReviewStatus status, IReadOnlyList<ReviewedLabel> labels, IReadOnlyList<DroppedLabel> dropped,
        ReviewFailure? failure, int promptTokens = 0, int completionTokens = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passageHash);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(dropped);
        if (status == ReviewStatus.Failed && failure is null) throw new ArgumentException("A failed review says why.", nameof(failure));
        if (status is ReviewStatus.Failed or ReviewStatus.Skipped && labels.Count > 0)
            throw new ArgumentException("A review without an answer has no labels.", nameof(labels));
        PassageHash = passageHash;
        Status = status;
        Labels = labels;
        Dropped = dropped;
        Failure = failure;
        PromptTokens = promptTokens;
        CompletionTokens = completionTokens;
    }

    public string PassageHash { get; }
    public ReviewStatus Status { get; }

    /// <summary>True when the model's opinion is known (answered now or cached).</summary>
    public bool HasAnswer => Status is ReviewStatus.Answered or ReviewStatus.Cached;
    public IReadOnlyList<ReviewedLabel> Labels { get; }
    public IReadOnlyList<DroppedLabel> Dropped { get; }
    public ReviewFailure? Failure { get; }

    /// <summary>Tokens spent on this passage now (0 for a cache hit).</summary>
    public int PromptTokens { get; }
    public int CompletionTokens { get; }

    public static PassageReview Skipped(string passageHash, ReviewFailure? why = null) => new(passageHash, ReviewStatus.Skipped, [], [], why);

    public static PassageReview Failed(string passageHash, ReviewFailure failure, int promptTokens = 0, int completionTokens = 0) =>
        new(passageHash, ReviewStatus.Failed, [], [], failure, promptTokens, completionTokens);
}

/// <summary>How far a batch is, for progress bars.</summary>
public sealed record ReviewProgress(int Done, int Total, int Cached, int Failed, long Tokens);

/// <summary>A reviewed batch of passages, in input order, with throughput and cost.</summary>
public sealed record ReviewSummary
{
    public ReviewSummary(IReadOnlyList<PassageReview> reviews, TimeSpan elapsed, ReviewFailure? stoppedBy)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        Reviews = reviews;
        Elapsed = elapsed;
        StoppedBy = stoppedBy;
    }

    public IReadOnlyList<PassageReview> Reviews { get; }
    public TimeSpan Elapsed { get; }

    /// <summary>The failure that stopped the batch early (server unreachable, key refused, unknown model), if any.</summary>
    public ReviewFailure? StoppedBy { get; }

    public int Passages => Reviews.Count;
    public int Answered => Reviews.Count(r => r.Status == ReviewStatus.Answered);
    public int Cached => Reviews.Count(r => r.Status == ReviewStatus.Cached);
    public int Failed => Reviews.Count(r => r.Status == ReviewStatus.Failed);
    public int Skipped => Reviews.Count(r => r.Status == ReviewStatus.Skipped);
    public int MalformedReplies => Reviews.Count(r => r.Failure?.Kind == FailureKind.MalformedReply);
    public int DroppedLabels => Reviews.Sum(r => r.Dropped.Count);
    public long PromptTokens => Reviews.Sum(r => (long)r.PromptTokens);
    public long CompletionTokens => Reviews.Sum(r => (long)r.CompletionTokens);
    public long Tokens => PromptTokens + CompletionTokens;

    /// <summary>Passages the model was asked about (answered or failed) per second of the batch; cache hits cost no time.</summary>
    public double PassagesPerSecond => Elapsed > TimeSpan.Zero ? (Answered + Failed) / Elapsed.TotalSeconds : 0;

    /// <summary>The most frequent failure, to explain a batch with failures in one sentence.</summary>
    public ReviewFailure? MainFailure => StoppedBy ?? Reviews.Where(r => r.Failure is not null).GroupBy(r => r.Failure!.Kind)
        .OrderByDescending(g => g.Count()).Select(g => g.First().Failure).FirstOrDefault();
}

namespace PolicyLens.Storage;

/// <summary>One cached answer of the LLM reviewer; <see cref="Answer"/> is opaque JSON to the store.</summary>
public sealed record CachedReview
{
    public CachedReview(string passageHash, string model, string promptVersion, string answer, int promptTokens, int completionTokens,
        DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passageHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(promptVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(completionTokens);
        PassageHash = passageHash;
        Model = model;
        PromptVersion = promptVersion;
        Answer = answer;
        PromptTokens = promptTokens;
        CompletionTokens = completionTokens;
        At = at;
    }

    public string PassageHash { get; }
    public string Model { get; }
    public string PromptVersion { get; }
    public string Answer { get; }

    /// <summary>Tokens the answer cost when it was asked (all attempts together).</summary>
    public int PromptTokens { get; }
    public int CompletionTokens { get; }
    public DateTimeOffset At { get; }
}

/// <summary>
/// The LLM reviewer's answers, keyed by passage hash, model and prompt version, so asking again
/// costs nothing. Thread-safe like the store that implements it.
/// </summary>
public interface IReviewCache
{
    /// <summary>The cached answers among <paramref name="passageHashes"/> for this model and prompt version, by hash.</summary>
    IReadOnlyDictionary<string, CachedReview> FindReviews(IReadOnlyCollection<string> passageHashes, string model, string promptVersion);

    /// <summary>Stores an answer, replacing one with the same key.</summary>
    void SaveReview(CachedReview review);

    /// <summary>
    /// Records that a stored document holds these passages, so its answers are deleted with the
    /// last document holding them. Unknown document ids are ignored.
    /// </summary>
    void LinkReviews(long documentId, IReadOnlyCollection<string> passageHashes);

    /// <summary>How many answers are cached (all models and prompt versions).</summary>
    int CountReviews();

    /// <summary>Deletes every cached answer; returns how many there were.</summary>
    int ClearReviews();
}

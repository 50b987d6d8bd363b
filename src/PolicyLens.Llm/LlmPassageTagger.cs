using System.Collections.Concurrent;
using PolicyLens.Tagging;

namespace PolicyLens.Llm;

/// <summary>
/// The reviewer as an <see cref="IPassageTagger"/>, so evaluation and comparison treat it like the
/// rules or the model. Its tags carry the model's quote as evidence. <see cref="PrepareAsync"/>
/// reviews a whole batch concurrently first; <see cref="Tag"/> then answers from that batch and
/// asks the model itself only for a passage it has not seen. A passage without a valid answer
/// gets no tags and is counted in <see cref="Failures"/>.
/// </summary>
public sealed class LlmPassageTagger : IPassageTagger
{
    /// <summary>Rule ids of the language model's evidence start with this ("llm:llama3.1:8b").</summary>
    public const string EvidencePrefix = "llm:";

    private readonly ILlmReviewer _reviewer;
    private readonly ConcurrentDictionary<string, PassageReview> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _failed = new(StringComparer.Ordinal);

    /// <param name="reviewer">The reviewer to ask.</param>
    /// <param name="labels">The rule set's labels; those of the reviewed dimensions are this tagger's.</param>
    public LlmPassageTagger(ILlmReviewer reviewer, IReadOnlyList<LabelInfo> labels)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(labels);
        _reviewer = reviewer;
        Labels = [.. labels.Where(l => ReviewPrompt.Dimensions.Contains(l.Dimension))];
    }

    /// <summary>"llm:" + model and prompt version: what the tags depend on.</summary>
    public string RuleSetVersion => "llm:" + _reviewer.Version;

    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>Passages tagged without a valid answer (failed or skipped), each counted once.</summary>
    public int Failures => _failed.Count;

    /// <summary>The reason of the first failure, in Dutch; null when every passage was answered.</summary>
    public ReviewFailure? FirstFailure { get; private set; }

    /// <summary>Reviews the passages up front (MaxConcurrency at a time, cache first).</summary>
    public async Task<ReviewSummary> PrepareAsync(IReadOnlyList<TaggingInput> passages, IProgress<ReviewProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var summary = await _reviewer.ReviewAllAsync(passages, progress, cancellationToken);
        foreach (var review in summary.Reviews) _known[review.PassageHash] = review;
        return summary;
    }

    public IReadOnlyList<PassageTag> Tag(TaggingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var hash = ReviewAnswer.PassageHash(input);
        if (!_known.TryGetValue(hash, out var review))
            // IPassageTagger is synchronous; the reviewer's work is I/O on the thread pool, so waiting here cannot deadlock.
            _known[hash] = review = Task.Run(() => _reviewer.ReviewAsync(input)).GetAwaiter().GetResult();
        if (!review.HasAnswer)
        {
            if (_failed.TryAdd(hash, 0)) FirstFailure ??= review.Failure;
            return [];
        }
        return ToTags(review, _reviewer.Options.Model!);
    }

    /// <summary>A review's labels as tags: score 1, the quote as evidence under rule id "llm:{model}".</summary>
    public static IReadOnlyList<PassageTag> ToTags(PassageReview review, string model)
    {
        ArgumentNullException.ThrowIfNull(review);
        return [.. review.Labels.Select(l => ToTag(l, model))];
    }

    public static PassageTag ToTag(ReviewedLabel label, string model) =>
        new(label.Dimension, label.Label, 1.0, [new Evidence(EvidencePrefix + model, label.Quote, label.Quote, label.Start, label.Length, 1.0)]);
}

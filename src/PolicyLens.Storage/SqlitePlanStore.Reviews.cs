using Dapper;

namespace PolicyLens.Storage;

/// <summary>The LLM reviewer's answer cache (migration 6, `0006_llm_reviews.sql`), kept apart from the plan tables.</summary>
public sealed partial class SqlitePlanStore : IReviewCache
{
    /// <summary>Hashes per query: well below SQLite's limit on bound parameters.</summary>
    private const int HashesPerQuery = 500;

    private sealed class ReviewRow
    {
        public string PassageHash { get; set; } = "";
        public string Model { get; set; } = "";
        public string PromptVersion { get; set; } = "";
        public string Answer { get; set; } = "";
        public long PromptTokens { get; set; }
        public long CompletionTokens { get; set; }
        public string CreatedAt { get; set; } = "";
    }

    public IReadOnlyDictionary<string, CachedReview> FindReviews(IReadOnlyCollection<string> passageHashes, string model, string promptVersion)
    {
        ArgumentNullException.ThrowIfNull(passageHashes);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(promptVersion);
        var found = new Dictionary<string, CachedReview>(StringComparer.Ordinal);
        if (passageHashes.Count == 0) return found;
        return Run(connection =>
        {
            foreach (var chunk in passageHashes.Distinct(StringComparer.Ordinal).Chunk(HashesPerQuery))
            {
                var rows = connection.Query<ReviewRow>("""
                    SELECT passage_hash AS PassageHash, model AS Model, prompt_version AS PromptVersion, answer AS Answer,
                           prompt_tokens AS PromptTokens, completion_tokens AS CompletionTokens, created_at AS CreatedAt
                    FROM llm_reviews
                    WHERE model = @model AND prompt_version = @promptVersion AND passage_hash IN @chunk
                    """, new { model, promptVersion, chunk });
                foreach (var r in rows)
                    found[r.PassageHash] = new CachedReview(r.PassageHash, r.Model, r.PromptVersion, r.Answer, (int)r.PromptTokens,
                        (int)r.CompletionTokens, ParseTime(r.CreatedAt));
            }
            return (IReadOnlyDictionary<string, CachedReview>)found;
        });
    }

    public void SaveReview(CachedReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        Run(connection => connection.Execute("""
            INSERT OR REPLACE INTO llm_reviews (passage_hash, model, prompt_version, answer, prompt_tokens, completion_tokens, created_at)
            VALUES (@PassageHash, @Model, @PromptVersion, @Answer, @PromptTokens, @CompletionTokens, @At)
            """,
            new
            {
                review.PassageHash, review.Model, review.PromptVersion, review.Answer, review.PromptTokens, review.CompletionTokens,
                At = review.At.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }));
    }

    public void LinkReviews(long documentId, IReadOnlyCollection<string> passageHashes)
    {
        ArgumentNullException.ThrowIfNull(passageHashes);
        if (passageHashes.Count == 0) return;
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("""
                INSERT OR IGNORE INTO llm_review_documents (document_id, passage_hash)
                SELECT @documentId, @hash WHERE EXISTS (SELECT 1 FROM documents WHERE id = @documentId)
                """,
                passageHashes.Distinct(StringComparer.Ordinal).Select(hash => new { documentId, hash }), transaction);
            transaction.Commit();
            return 0;
        });
    }

    public int CountReviews() => Run(connection => connection.ExecuteScalar<int>("SELECT count(*) FROM llm_reviews"));

    public int ClearReviews() => Run(connection => connection.Execute("DELETE FROM llm_reviews"));
}

using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// Tags an ingested document in memory, for paths that analyse a file without a store
/// (<c>policylens report plan.docx</c>, tests).
/// </summary>
public static class PlanTagging
{
    /// <summary>Tags every passage with its text and heading path.</summary>
    public static IReadOnlyList<TaggedPassage> Tag(IReadOnlyList<Passage> passages, IPassageTagger tagger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(tagger);
        var tagged = new TaggedPassage[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tagged[i] = new TaggedPassage(passages[i], tagger.Tag(new TaggingInput(passages[i].Text, passages[i].Headings)));
        }
        return tagged;
    }

    /// <summary>The plan facts of an ingested document, with the warnings its ingestion gave.</summary>
    public static PlanInfo Info(PlanDocument document, string ruleSetVersion, string? municipality = null, long? documentId = null,
        IEnumerable<IngestionIssue>? issues = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PlanInfo(document.Title, Path.GetFileName(document.FileName), municipality, document.PageCount, ruleSetVersion, documentId,
            WarningsOf(issues ?? []));
    }

    /// <summary>The Dutch texts (catalogue) of the warnings among ingestion issues, for <see cref="PlanInfo.Warnings"/>.</summary>
    public static IReadOnlyList<string> WarningsOf(IEnumerable<IngestionIssue> issues) =>
        [.. issues.Where(i => i.Severity == IssueSeverity.Warning).Select(IssueMessages.Reason)];

    /// <summary>Tags and analyses a successfully ingested document. Throws when the result holds no document.</summary>
    public static PlanCoverage Analyze(IngestionResult ingestion, IPassageTagger tagger, ICoverageAnalyzer? analyzer = null,
        string? municipality = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(tagger);
        var document = ingestion.Document ?? throw new ArgumentException($"{ingestion.FileName} was not ingested: {ingestion.Error}", nameof(ingestion));
        var tagged = Tag(ingestion.Passages, tagger, cancellationToken);
        return (analyzer ?? new CoverageAnalyzer()).Analyze(Info(document, tagger.RuleSetVersion, municipality, issues: ingestion.Issues), tagged, tagger.Labels);
    }
}

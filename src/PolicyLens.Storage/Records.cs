using System.Reflection;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Tagging;

namespace PolicyLens.Storage;

/// <summary>A stored document as lists and pickers show it, without passages.</summary>
public sealed record DocumentSummary
{
    public DocumentSummary(long Id, string Title, string FileName, string? Municipality, DocumentFormat Format, int? PageCount,
        int PassageCount, long SizeBytes, string ContentHash, DateTimeOffset IngestedAt, string RuleSetVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(FileName);
        if (Format == DocumentFormat.Unknown) throw new ArgumentException("A stored document has a known format.", nameof(Format));
        if (PageCount is < 0) throw new ArgumentOutOfRangeException(nameof(PageCount));
        ArgumentOutOfRangeException.ThrowIfNegative(PassageCount);
        ArgumentOutOfRangeException.ThrowIfNegative(SizeBytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(ContentHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(RuleSetVersion);
        this.Id = Id;
        this.Title = Title;
        this.FileName = FileName;
        this.Municipality = string.IsNullOrWhiteSpace(Municipality) ? null : Municipality;
        this.Format = Format;
        this.PageCount = PageCount;
        this.PassageCount = PassageCount;
        this.SizeBytes = SizeBytes;
        this.ContentHash = ContentHash;
        this.IngestedAt = IngestedAt;
        this.RuleSetVersion = RuleSetVersion;
    }

    public long Id { get; }
    public string Title { get; }
    public string FileName { get; }
    public string? Municipality { get; }
    public DocumentFormat Format { get; }
    public int? PageCount { get; }
    public int PassageCount { get; }
    public long SizeBytes { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string ContentHash { get; }
    public DateTimeOffset IngestedAt { get; }

    /// <summary>Rule-set version of the document's latest analysis run.</summary>
    public string RuleSetVersion { get; }

    /// <summary>NIS code, year and type as stored (none for documents stored before they were recorded).</summary>
    public PlanFacts Facts { get; init; } = PlanFacts.None;

    /// <summary>"mapping:key" for a plan made by the structured import; null for an uploaded file.</summary>
    public string? SourceKey { get; init; }

    /// <summary>
    /// The plan facts for a report or comparison: as stored, else (documents stored before facts
    /// were recorded) the year and type the title or file name announce.
    /// </summary>
    public PlanInfo ToPlanInfo(string ruleSetVersion, IReadOnlyList<string>? warnings = null, string? municipality = null) =>
        new(Title, FileName, municipality ?? Municipality, PageCount, ruleSetVersion, Id, warnings)
        {
            Facts = Facts == PlanFacts.None ? PlanFacts.Guess(Title, FileName) : Facts,
        };
}

/// <summary>One analysis run: which rule set and tool version tagged a document, and when.</summary>
public sealed record AnalysisRun
{
    public AnalysisRun(long Id, string RuleSetVersion, string ToolVersion, DateTimeOffset At)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(RuleSetVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(ToolVersion);
        this.Id = Id;
        this.RuleSetVersion = RuleSetVersion;
        this.ToolVersion = ToolVersion;
        this.At = At;
    }

    public long Id { get; }
    public string RuleSetVersion { get; }
    public string ToolVersion { get; }
    public DateTimeOffset At { get; }
}

/// <summary>What to record about a new analysis run.</summary>
public sealed record AnalysisRunInfo
{
    public AnalysisRunInfo(string RuleSetVersion, string ToolVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RuleSetVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(ToolVersion);
        this.RuleSetVersion = RuleSetVersion;
        this.ToolVersion = ToolVersion;
    }

    public string RuleSetVersion { get; }
    public string ToolVersion { get; }

    /// <summary>The version of this PolicyLens build (assembly informational version).</summary>
    public static string CurrentToolVersion { get; } =
        typeof(AnalysisRunInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AnalysisRunInfo).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>A run by <paramref name="tagger"/>'s rule set and this build.</summary>
    public static AnalysisRunInfo For(IPassageTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        return new(tagger.RuleSetVersion, CurrentToolVersion);
    }
}

/// <summary>A stored document with its passages and tags as its latest analysis run left them.</summary>
public sealed record StoredPlan
{
    public StoredPlan(DocumentSummary Document, IReadOnlyList<TaggedPassage> Passages, AnalysisRun Run, IReadOnlyList<IngestionIssue> Issues)
    {
        ArgumentNullException.ThrowIfNull(Document);
        ArgumentNullException.ThrowIfNull(Passages);
        ArgumentNullException.ThrowIfNull(Run);
        ArgumentNullException.ThrowIfNull(Issues);
        this.Document = Document;
        this.Passages = Passages;
        this.Run = Run;
        this.Issues = Issues;
    }

    public DocumentSummary Document { get; }

    /// <summary>Every passage in document order, with the tags of <see cref="Run"/>.</summary>
    public IReadOnlyList<TaggedPassage> Passages { get; }

    /// <summary>The analysis run the tags come from: the document's latest.</summary>
    public AnalysisRun Run { get; }

    /// <summary>Warnings recorded when the document was ingested.</summary>
    public IReadOnlyList<IngestionIssue> Issues { get; }
}

/// <summary>The outcome of <see cref="IPlanStore.Save"/>.</summary>
public sealed record StoreResult
{
    public StoreResult(long DocumentId, bool Duplicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DocumentId);
        this.DocumentId = DocumentId;
        this.Duplicate = Duplicate;
    }

    /// <summary>The new document's id, or for a duplicate the id of the document stored earlier.</summary>
    public long DocumentId { get; }

    /// <summary>True when the same content was stored already and nothing was written.</summary>
    public bool Duplicate { get; }
}

/// <summary>A stored document as one version of a plan (successive drafts of one policy plan).</summary>
public sealed record PlanVersion
{
    public PlanVersion(long PlanId, int Version, int VersionCount, bool IsLatest, DocumentSummary Document)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PlanId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Version);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(VersionCount);
        ArgumentNullException.ThrowIfNull(Document);
        this.PlanId = PlanId;
        this.Version = Version;
        this.VersionCount = VersionCount;
        this.IsLatest = IsLatest;
        this.Document = Document;
    }

    /// <summary>Identifies the plan; not a document id (a plan outlives the deletion of its first version).</summary>
    public long PlanId { get; }

    /// <summary>1, 2, 3 … in the order versions were added. Numbers stay when a version is deleted, so they may have gaps.</summary>
    public int Version { get; }

    /// <summary>How many versions the plan has now.</summary>
    public int VersionCount { get; }

    /// <summary>True for the plan's highest version number.</summary>
    public bool IsLatest { get; }

    public DocumentSummary Document { get; }
}

/// <summary>How <see cref="IPlanStore.LinkVersion"/> ended.</summary>
public enum LinkVersionStatus
{
    /// <summary>The document is now (or already was) a version of the plan.</summary>
    Linked,

    /// <summary>The document to link is not stored.</summary>
    UnknownDocument,

    /// <summary>The document it should become a version of is not stored.</summary>
    UnknownVersionOf,

    /// <summary>A document cannot be a new version of itself.</summary>
    SameDocument,

    /// <summary>The document's plan has other versions: linking would merge two plans, which is refused.</summary>
    HasVersions,
}

/// <summary>The outcome of <see cref="IPlanStore.LinkVersion"/>: the new version when linked.</summary>
public sealed record LinkVersionResult
{
    public LinkVersionResult(LinkVersionStatus Status, PlanVersion? Version)
    {
        if ((Status == LinkVersionStatus.Linked) != (Version is not null))
            throw new ArgumentException("A linked result carries the version; any other result none.", nameof(Version));
        this.Status = Status;
        this.Version = Version;
    }

    public LinkVersionStatus Status { get; }

    /// <summary>The linked document as a version of its plan; null unless <see cref="Status"/> is <see cref="LinkVersionStatus.Linked"/>.</summary>
    public PlanVersion? Version { get; }

    public bool Linked => Status == LinkVersionStatus.Linked;

    /// <summary>What happened, in Dutch for the CLI and the web app ("Opgeslagen als versie 2 van …").</summary>
    public string DutchMessage(long documentId, long versionOf) => Status switch
    {
        LinkVersionStatus.Linked => $"Document {documentId} is versie {Version!.Version} van het plan waar document {versionOf} bij hoort.",
        LinkVersionStatus.UnknownDocument => $"Document {documentId} bestaat niet.",
        LinkVersionStatus.UnknownVersionOf => $"Document {versionOf} bestaat niet; kies een bestaand plan (zie 'policylens list').",
        LinkVersionStatus.SameDocument => $"Dit bestand is document {versionOf} zelf (dezelfde inhoud); er is geen nieuwe versie gemaakt.",
        _ => $"Document {documentId} heeft zelf al andere versies; het is niet als nieuwe versie van document {versionOf} gekoppeld.",
    };
}

/// <summary>One passage that matched a search.</summary>
public sealed record SearchHit
{
    /// <summary>Marks the start of a matched word in <see cref="Snippet"/> (U+0002, START OF TEXT).</summary>
    public const char HighlightStart = '\u0002';

    /// <summary>Marks the end of a matched word in <see cref="Snippet"/> (U+0003, END OF TEXT).</summary>
    public const char HighlightEnd = '\u0003';

    public SearchHit(long DocumentId, string DocumentTitle, int Ordinal, int? Page, IReadOnlyList<string> Headings, string Snippet)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DocumentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(DocumentTitle);
        ArgumentOutOfRangeException.ThrowIfNegative(Ordinal);
        if (Page is < 1) throw new ArgumentOutOfRangeException(nameof(Page));
        ArgumentNullException.ThrowIfNull(Headings);
        ArgumentNullException.ThrowIfNull(Snippet);
        this.DocumentId = DocumentId;
        this.DocumentTitle = DocumentTitle;
        this.Ordinal = Ordinal;
        this.Page = Page;
        this.Headings = Headings;
        this.Snippet = Snippet;
    }

    public long DocumentId { get; }
    public string DocumentTitle { get; }

    /// <summary>The passage's 0-based position in its document.</summary>
    public int Ordinal { get; }
    public int? Page { get; }

    /// <summary>The passage's heading path, outermost first.</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>
    /// A short extract of the passage ("…" where text was cut) in which every matched word is
    /// wrapped in <see cref="HighlightStart"/> … <see cref="HighlightEnd"/>. The markers are
    /// control characters that HTML encoding leaves alone: encode the snippet first, then replace
    /// the markers with <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c> (see <see cref="ToHtml"/>).
    /// </summary>
    public string Snippet { get; }

    /// <summary>The snippet without markers, for plain-text output.</summary>
    public string PlainSnippet => Snippet.Replace(HighlightStart.ToString(), "", StringComparison.Ordinal).Replace(HighlightEnd.ToString(), "", StringComparison.Ordinal);

    /// <summary>The snippet as HTML: text encoded by <paramref name="encode"/>, matches in &lt;mark&gt;.</summary>
    public string ToHtml(Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        return encode(Snippet).Replace(HighlightStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(HighlightEnd.ToString(), "</mark>", StringComparison.Ordinal);
    }
}

/// <summary>The outcome of <see cref="IPlanStore.Retag"/>.</summary>
public sealed record RetagResult
{
    public RetagResult(string RuleSetVersion, int DocumentsRetagged, int DocumentsSkipped, int PassagesTagged)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RuleSetVersion);
        ArgumentOutOfRangeException.ThrowIfNegative(DocumentsRetagged);
        ArgumentOutOfRangeException.ThrowIfNegative(DocumentsSkipped);
        ArgumentOutOfRangeException.ThrowIfNegative(PassagesTagged);
        this.RuleSetVersion = RuleSetVersion;
        this.DocumentsRetagged = DocumentsRetagged;
        this.DocumentsSkipped = DocumentsSkipped;
        this.PassagesTagged = PassagesTagged;
    }

    /// <summary>The rule-set version of the new runs.</summary>
    public string RuleSetVersion { get; }

    /// <summary>Documents that got a new analysis run.</summary>
    public int DocumentsRetagged { get; }

    /// <summary>Documents already tagged with this rule-set version.</summary>
    public int DocumentsSkipped { get; }
    public int PassagesTagged { get; }
}

/// <summary>What <see cref="IPlanStore.Status"/> reports.</summary>
public sealed record StoreStatus
{
    public StoreStatus(string DatabasePath, int SchemaVersion, int Documents, int Passages, bool WalEnabled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DatabasePath);
        ArgumentOutOfRangeException.ThrowIfNegative(SchemaVersion);
        ArgumentOutOfRangeException.ThrowIfNegative(Documents);
        ArgumentOutOfRangeException.ThrowIfNegative(Passages);
        this.DatabasePath = DatabasePath;
        this.SchemaVersion = SchemaVersion;
        this.Documents = Documents;
        this.Passages = Passages;
        this.WalEnabled = WalEnabled;
    }

    /// <summary>Full path of the database file, or ":memory:".</summary>
    public string DatabasePath { get; }

    /// <summary>The highest migration number applied.</summary>
    public int SchemaVersion { get; }
    public int Documents { get; }
    public int Passages { get; }

    /// <summary>True when the database runs in write-ahead-log mode (readers and a writer at once).</summary>
    public bool WalEnabled { get; }
}

/// <summary>A database fault the caller cannot fix by changing its input: locked too long, disk full, a damaged file.</summary>
public sealed class PlanStoreException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What kind of fault, from the SQLite or I/O error underneath, so callers can tell "disk full" apart.</summary>
    public StoreFault Fault => StoreFaults.Classify(InnerException);
}

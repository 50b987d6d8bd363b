using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Tests.Coverage;

/// <summary>Builds tagged plans by hand: headings and paragraphs with the tags a test needs.</summary>
internal sealed class PlanBuilder
{
    private readonly List<TaggedPassage> _passages = [];
    private readonly List<string> _path = [];
    private int _offset;

    /// <summary>Adds a heading at a depth (1 = top) and makes it the current path.</summary>
    public PlanBuilder Heading(int depth, string text, params string[] tags)
    {
        while (_path.Count >= depth) _path.RemoveAt(_path.Count - 1);
        Add(PassageKind.Heading, text, tags, headingEvidence: false);
        _path.Add(text);
        return this;
    }

    /// <summary>Adds a paragraph with tags "dimension:id" or "dimension:id=score" (evidence in its own words).</summary>
    public PlanBuilder Text(string text, params string[] tags)
    {
        Add(PassageKind.Paragraph, text, tags, headingEvidence: false);
        return this;
    }

    /// <summary>Adds a table row with tags, like <see cref="Text"/>.</summary>
    public PlanBuilder Row(string text, params string[] tags)
    {
        Add(PassageKind.TableRow, text, tags, headingEvidence: false);
        return this;
    }

    /// <summary>Adds a paragraph whose tags rest only on evidence inherited from its headings.</summary>
    public PlanBuilder InheritedText(string text, params string[] tags)
    {
        Add(PassageKind.Paragraph, text, tags, headingEvidence: true);
        return this;
    }

    public IReadOnlyList<TaggedPassage> Passages => _passages;

    public PlanCoverage Analyze(CoverageOptions? options = null, IPlanChecker? checker = null) =>
        new CoverageAnalyzer(options, checker).Analyze(Labels.Plan("Testplan"), _passages, Labels.All);

    private void Add(PassageKind kind, string text, string[] tags, bool headingEvidence)
    {
        var passage = new Passage(_passages.Count, kind, text, page: 1 + _passages.Count / 5, [.. _path], _offset);
        _offset += text.Length + 2;
        // "dimension:id", "dimension:id=score", "dimension:id@word" (evidence on that word), "…@word1@word2".
        var parsed = tags.Select(t =>
        {
            var words = t.Split('@');
            var (key, score) = words[0].Split('=') is [var k, var s] ? (k, double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)) : (words[0], 1.0);
            var (dimension, id) = LabelKeys.Parse(key);
            var evidence = new List<Evidence>();
            if (headingEvidence) evidence.Add(new Evidence($"{dimension}.{id}.r", "term", "term", 0, 4, score, EvidenceSource.Heading, 0));
            else if (words.Length == 1) evidence.Add(new Evidence($"{dimension}.{id}.r", "term", text[..Math.Min(4, text.Length)], 0, Math.Min(4, text.Length), score));
            foreach (var word in words.Skip(1))
            {
                var at = text.IndexOf(word, StringComparison.Ordinal);
                if (at < 0) throw new ArgumentException($"'{word}' is not in '{text}'.");
                evidence.Add(new Evidence($"{dimension}.{id}.{word}", word, word, at, word.Length, score));
            }
            return new PassageTag(dimension!, id, score, evidence);
        }).ToArray();
        _passages.Add(new TaggedPassage(passage, parsed));
    }
}

/// <summary>The labels of the framework (ids from LabelCatalog), with made-up names and suggestions.</summary>
internal static class Labels
{
    public static IReadOnlyList<LabelInfo> All { get; } =
    [
        .. LabelCatalog.Dimensions.SelectMany(d => LabelCatalog.IdsOf(d).Select(id =>
            new LabelInfo(d, id, $"{id} (nl)", $"beschrijving van {id}", [$"Doe iets aan {id}.", $"Of nog iets voor {id}."]))),
    ];

    public static PlanInfo Plan(string title) => new(title, title.ToLowerInvariant() + ".docx", "Teststad", 12, "sha256:test");
}

/// <summary>
/// A plan checker written in C# for the core's tests, which have no check files: "chapters-serve-elements"
/// fails (waarschuwing) when a chapter contributes to no working element, "never-applies" never applies.
/// </summary>
internal sealed class StubChecker : IPlanChecker
{
    public static readonly PlanCheck Chapters = new("chapters-serve-elements", "Hoofdstukken dragen bij", CheckSeverity.Waarschuwing,
        "Elk hoofdstuk kan bijdragen.", "plan.Chapters.All(c => c.Contributes)", "checks/test.json");

    public static readonly PlanCheck Never = new("never-applies", "Nooit van toepassing", CheckSeverity.Info, "Test.", "true", "checks/test.json");

    public IReadOnlyList<PlanCheck> Checks => [Chapters, Never];

    public IReadOnlyList<CheckResult> Check(PlanSummary summary)
    {
        var silent = summary.Chapters.Where(c => !c.Contributes).ToArray();
        return
        [
            silent.Length == 0
                ? new CheckResult(Chapters, CheckStatus.InOrde, "Alle hoofdstukken dragen bij.", [])
                : new CheckResult(Chapters, CheckStatus.Waarschuwing, "Zonder element: " + string.Join(", ", silent.Select(c => c.Heading)) + ".",
                    [.. silent.Select(c => c.Ordinal)]),
            new CheckResult(Never, CheckStatus.NietVanToepassing, "Niet van toepassing.", []),
        ];
    }
}

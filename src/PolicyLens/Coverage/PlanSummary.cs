namespace PolicyLens.Coverage;

// The plan summary is the one input of every plan check (rules/checks/*.json). It holds plain
// data only — strings, numbers, booleans and lists of them — so an expression cannot reach
// anything beyond the plan. Every property is documented in rules/README.md ("Plan checks");
// keep that list in step when a property changes. Checks read properties only: methods on these
// types are not callable from an expression (RulesEngine CustomTypes stay empty).

/// <summary>What a plan check sees of one analysed plan (<c>plan</c> in an expression).</summary>
public sealed record PlanSummary
{
    public PlanSummary(string title, string fileName, string municipality, int pages, PlanPassageCounts counts,
        IReadOnlyList<LabelSummary> labels, IReadOnlyList<ChapterSummary> chapters, LonelinessSummary loneliness,
        IReadOnlyList<PassageSummary> passages)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(loneliness);
        ArgumentNullException.ThrowIfNull(passages);
        var byKey = new Dictionary<string, LabelSummary>(labels.Count, StringComparer.Ordinal);
        foreach (var label in labels)
            if (!byKey.TryAdd(label.Key, label)) throw new ArgumentException($"The label {label.Key} is listed twice.", nameof(labels));
        Title = title;
        FileName = fileName;
        Municipality = municipality;
        Pages = pages;
        Counts = counts;
        Labels = labels;
        Label = byKey;
        Chapters = chapters;
        Loneliness = loneliness;
        Passages = passages;
        Elements = Found(labels, "element");
        Types = Found(labels, "type");
        Levels = Found(labels, "level");
        AgeGroups = Found(labels, "age");
        RiskGroups = Found(labels, "risk");
        Frames = Found(labels, "frame");
        Domains = Found(labels, "domain");
        Approaches = Found(labels, "approach");
        FocusFields = Found(labels, "focus");
    }

    public string Title { get; }
    public string FileName { get; }

    /// <summary>Empty when unknown.</summary>
    public string Municipality { get; }

    /// <summary>0 when the format has no pages.</summary>
    public int Pages { get; }

    public PlanPassageCounts Counts { get; }

    /// <summary>Every label of the rule set, per dimension in display order (also the absent ones).</summary>
    public IReadOnlyList<LabelSummary> Labels { get; }

    /// <summary>The same labels by key: <c>plan.Label["focus:werk"]</c>.</summary>
    public IReadOnlyDictionary<string, LabelSummary> Label { get; }

    /// <summary>Ids of the working elements found (at least one passage), in framework order; likewise the lists below.</summary>
    public IReadOnlyList<string> Elements { get; }
    public IReadOnlyList<string> Types { get; }
    public IReadOnlyList<string> Levels { get; }
    public IReadOnlyList<string> AgeGroups { get; }
    public IReadOnlyList<string> RiskGroups { get; }
    public IReadOnlyList<string> Frames { get; }
    public IReadOnlyList<string> Domains { get; }
    public IReadOnlyList<string> Approaches { get; }
    public IReadOnlyList<string> FocusFields { get; }

    /// <summary>The top-level chapters, as in the report's chapter table.</summary>
    public IReadOnlyList<ChapterSummary> Chapters { get; }

    public LonelinessSummary Loneliness { get; }

    /// <summary>Every passage in document order.</summary>
    public IReadOnlyList<PassageSummary> Passages { get; }

    private static string[] Found(IReadOnlyList<LabelSummary> labels, string dimension) =>
        [.. labels.Where(l => l.Dimension == dimension && l.Present).Select(l => l.Id)];
}

/// <summary>How many passages of each kind the plan has, as the checks see them (paragraphs and list items apart; <see cref="PassageCounts"/> is the report's text/heading/table-row split).</summary>
public sealed record PlanPassageCounts
{
    public PlanPassageCounts(int paragraphs, int listItems, int headings, int tableRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paragraphs);
        ArgumentOutOfRangeException.ThrowIfNegative(listItems);
        ArgumentOutOfRangeException.ThrowIfNegative(headings);
        ArgumentOutOfRangeException.ThrowIfNegative(tableRows);
        Paragraphs = paragraphs;
        ListItems = listItems;
        Headings = headings;
        TableRows = tableRows;
    }

    /// <summary>All passages.</summary>
    public int Passages => Paragraphs + ListItems + Headings + TableRows;

    /// <summary>Paragraphs and list items: the plan's running text.</summary>
    public int RunningText => Paragraphs + ListItems;
    public int Paragraphs { get; }
    public int ListItems { get; }
    public int Headings { get; }
    public int TableRows { get; }
}

/// <summary>How far the plan covers one label, as in the report's coverage tables.</summary>
public sealed record LabelSummary
{
    public LabelSummary(string dimension, string id, string name, string status, int passages, double strength, double share,
        IReadOnlyList<string> chapters, IReadOnlyList<int> passageOrdinals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (status is not ("afwezig" or "genoemd" or "uitgewerkt")) throw new ArgumentOutOfRangeException(nameof(status), status, "afwezig, genoemd or uitgewerkt.");
        ArgumentOutOfRangeException.ThrowIfNegative(passages);
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(passageOrdinals);
        if (passageOrdinals.Count != passages) throw new ArgumentException("One ordinal per passage.", nameof(passageOrdinals));
        if ((passages == 0) != (status == "afwezig")) throw new ArgumentException("A label is afwezig exactly when no passage carries it.", nameof(status));
        Dimension = dimension;
        Id = id;
        Name = name;
        Status = status;
        Passages = passages;
        Strength = strength;
        Share = share;
        Chapters = chapters;
        PassageOrdinals = passageOrdinals;
    }

    /// <summary>"dimension:id", e.g. <c>focus:werk</c>.</summary>
    public string Key => Dimension + ":" + Id;
    public string Dimension { get; }
    public string Id { get; }

    /// <summary>Dutch display name.</summary>
    public string Name { get; }

    /// <summary><c>afwezig</c>, <c>genoemd</c> or <c>uitgewerkt</c>.</summary>
    public string Status { get; }

    /// <summary>Passages of any kind with the label (the report counts running text apart).</summary>
    public int Passages { get; }
    public double Strength { get; }

    /// <summary>Passages of running text with the label as a fraction of all running text (0–1).</summary>
    public double Share { get; }

    /// <summary>At least one passage carries the label.</summary>
    public bool Present => Passages > 0;

    /// <summary>The status is <c>uitgewerkt</c>.</summary>
    public bool Elaborated => Status == "uitgewerkt";

    /// <summary>Headings of the chapters where the label occurs, in document order.</summary>
    public IReadOnlyList<string> Chapters { get; }

    public IReadOnlyList<int> PassageOrdinals { get; }
}

/// <summary>A top-level chapter: its policy domains and the working elements it contributes to.</summary>
public sealed record ChapterSummary
{
    public ChapterSummary(string heading, int ordinal, int page, int passages, IReadOnlyList<string> domains,
        IReadOnlyList<string> elements, IReadOnlyList<string> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, -1);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfNegative(passages);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(labels);
        Heading = heading;
        Ordinal = ordinal;
        Page = page;
        Passages = passages;
        Domains = domains;
        Elements = elements;
        Labels = labels;
    }

    public string Heading { get; }

    /// <summary>Ordinal of the heading passage; -1 when the heading is not a passage of its own.</summary>
    public int Ordinal { get; }

    /// <summary>Page of the heading; 0 when unknown.</summary>
    public int Page { get; }

    /// <summary>Text passages in the chapter (headings not counted).</summary>
    public int Passages { get; }

    /// <summary>Its policy domains (ids), most frequent first, at most three: the chapter table's "Domeinen".</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Working elements (ids) found in the chapter, in framework order.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>Keys of every label found in the chapter ("risk:mantelzorgers").</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The chapter contributes to at least one working element.</summary>
    public bool Contributes => Elements.Count > 0;
}

/// <summary>
/// How the plan speaks of loneliness: the passages about it (a loneliness-type or working-element
/// tag) and the wording, found in the text itself independent of the rules.
/// </summary>
public sealed record LonelinessSummary
{
    public LonelinessSummary(int passages, IReadOnlyList<string> ageGroups, IReadOnlyList<string> riskGroups,
        int wordPassages, int isolationPassages, int feelingPassages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passages);
        ArgumentNullException.ThrowIfNull(ageGroups);
        ArgumentNullException.ThrowIfNull(riskGroups);
        ArgumentOutOfRangeException.ThrowIfNegative(wordPassages);
        ArgumentOutOfRangeException.ThrowIfNegative(isolationPassages);
        ArgumentOutOfRangeException.ThrowIfNegative(feelingPassages);
        Passages = passages;
        AgeGroups = ageGroups;
        RiskGroups = riskGroups;
        WordPassages = wordPassages;
        IsolationPassages = isolationPassages;
        FeelingPassages = feelingPassages;
    }

    /// <summary>Passages about loneliness or its working elements (with a type or element label).</summary>
    public int Passages { get; }

    /// <summary>Age groups (ids) named in those passages, in framework order.</summary>
    public IReadOnlyList<string> AgeGroups { get; }

    /// <summary>Risk groups (ids) named in those passages, in framework order.</summary>
    public IReadOnlyList<string> RiskGroups { get; }

    /// <summary>Passages that use the word eenzaam/eenzaamheid in any form (not vereenzaming).</summary>
    public int WordPassages { get; }

    /// <summary>Passages with isolement, geïsoleerd, vereenzaming or contactarmoede.</summary>
    public int IsolationPassages { get; }

    /// <summary>Passages that describe loneliness as a feeling or experience, or set it against the number of contacts.</summary>
    public int FeelingPassages { get; }
}

/// <summary>One passage of the plan.</summary>
public sealed record PassageSummary
{
    public PassageSummary(int ordinal, string kind, int page, string chapter, IReadOnlyList<string> headings, bool underAction,
        IReadOnlyList<string> labels, bool aboutLoneliness, bool lonelinessWord, bool isolationWord, bool describesFeeling, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        if (kind is not ("alinea" or "opsomming" or "kop" or "tabelregel")) throw new ArgumentOutOfRangeException(nameof(kind), kind, "alinea, opsomming, kop or tabelregel.");
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(text);
        Ordinal = ordinal;
        Kind = kind;
        Page = page;
        Chapter = chapter;
        Headings = headings;
        UnderAction = underAction;
        Labels = labels;
        AboutLoneliness = aboutLoneliness;
        LonelinessWord = lonelinessWord;
        IsolationWord = isolationWord;
        DescribesFeeling = describesFeeling;
        Text = text;
    }

    /// <summary>Position in the plan, from 0.</summary>
    public int Ordinal { get; }

    /// <summary><c>alinea</c>, <c>opsomming</c> (list item), <c>kop</c> (heading) or <c>tabelregel</c> (table row).</summary>
    public string Kind { get; }

    /// <summary>Paragraph or list item.</summary>
    public bool RunningText => Kind is "alinea" or "opsomming";

    /// <summary>0 when unknown.</summary>
    public int Page { get; }

    /// <summary>Heading of its chapter; empty before the first chapter.</summary>
    public string Chapter { get; }

    /// <summary>The headings above it, outermost first.</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>It stands under a BBC action heading ("Actie 2.3.1", "A 2.3.1").</summary>
    public bool UnderAction { get; }

    /// <summary>Keys of its labels ("element:herhaalde-ontmoetingen").</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>It has a loneliness-type or working-element label.</summary>
    public bool AboutLoneliness { get; }

    /// <summary>It uses the word eenzaam/eenzaamheid.</summary>
    public bool LonelinessWord { get; }

    /// <summary>It uses isolement, geïsoleerd, vereenzaming or contactarmoede.</summary>
    public bool IsolationWord { get; }

    /// <summary>It describes loneliness as a feeling or experience, or sets it against the number of contacts.</summary>
    public bool DescribesFeeling { get; }

    public string Text { get; }
}

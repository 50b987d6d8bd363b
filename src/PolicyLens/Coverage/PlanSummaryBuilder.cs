using System.Buffers;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// Projects a plan's coverage onto its <see cref="PlanSummary"/>: the same numbers the report
/// shows (statuses, chapters, domains), so a check cannot disagree with the report it stands in.
/// One pass over the passages; label keys are shared strings, not built per passage.
/// </summary>
public static class PlanSummaryBuilder
{
    public static PlanSummary Build(PlanCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var passages = coverage.Passages;
        var keys = new Dictionary<(string, string), string>();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in coverage.Labels)
        {
            var key = LabelKeys.Of(c.Label);
            keys[(c.Label.Dimension, c.Label.Id)] = key;
            rank[key] = rank.Count;
        }

        var sections = new CoverageAnalyzer.SectionMap(passages);
        var actions = new CoverageAnalyzer.HeadingKinds();
        var summaries = new PassageSummary[passages.Count];
        var chapterLabels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var chapterHeading = new Dictionary<string, Passage>(StringComparer.Ordinal);
        var ages = new HashSet<string>(StringComparer.Ordinal);
        var risks = new HashSet<string>(StringComparer.Ordinal);
        int paragraphs = 0, listItems = 0, headings = 0, tableRows = 0, about = 0, word = 0, isolation = 0, feeling = 0;
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var tagged = passages[i];
                var passage = tagged.Passage;
                var chapter = sections.Of(i);
                switch (passage.Kind)
                {
                    case PassageKind.Paragraph: paragraphs++; break;
                    case PassageKind.ListItem: listItems++; break;
                    case PassageKind.Heading: headings++; break;
                    default: tableRows++; break;
                }
                if (chapter is not null && passage.Kind == PassageKind.Heading && passage.Text == chapter) chapterHeading.TryAdd(chapter, passage);

                var labels = new string[tagged.Tags.Count];
                var aboutLoneliness = false;
                for (var t = 0; t < labels.Length; t++)
                {
                    var tag = tagged.Tags[t];
                    labels[t] = keys.TryGetValue((tag.Dimension, tag.Label), out var key) ? key : LabelKeys.Of(tag.Dimension, tag.Label);
                    if (tag.Dimension is "type" or "element") aboutLoneliness = true;
                }
                if (aboutLoneliness)
                {
                    about++;
                    foreach (var tag in tagged.Tags)
                        if (tag.Dimension == "age") ages.Add(tag.Label);
                        else if (tag.Dimension == "risk") risks.Add(tag.Label);
                }
                if (chapter is not null && labels.Length > 0)
                {
                    if (!chapterLabels.TryGetValue(chapter, out var set)) chapterLabels[chapter] = set = new(StringComparer.Ordinal);
                    set.UnionWith(labels);
                }
                var wording = LonelinessWording.Of(passage.Text, ref buffer);
                if (wording.LonelinessWord) word++;
                if (wording.IsolationWord) isolation++;
                if (wording.DescribesFeeling) feeling++;
                var underAction = passage.Kind is PassageKind.Paragraph or PassageKind.ListItem && actions.AnyAction(passage.Headings);
                summaries[i] = new PassageSummary(passage.Ordinal, KindText(passage.Kind), passage.Page ?? 0, chapter ?? "", passage.Headings,
                    underAction, labels, aboutLoneliness, wording.LonelinessWord, wording.IsolationWord, wording.DescribesFeeling, passage.Text);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        var labelSummaries = new List<LabelSummary>(coverage.Labels.Count);
        foreach (var c in coverage.Labels)
            labelSummaries.Add(new LabelSummary(c.Label.Dimension, c.Label.Id, c.Label.Name, c.Status.ToString().ToLowerInvariant(),
                c.PassageOrdinals.Count, c.Strength, c.Share, // every kind, as the checks were written against
                [.. c.Sections.Select(s => s.Heading)], c.PassageOrdinals));
        // A check may name any label of the framework; one the rule set lacks is simply absent.
        foreach (var dimension in LabelCatalog.Dimensions)
            foreach (var id in LabelCatalog.IdsOf(dimension))
                if (!keys.ContainsKey((dimension, id)))
                    labelSummaries.Add(new LabelSummary(dimension, id, id, "afwezig", 0, 0, 0, [], []));

        var chapters = coverage.Chapters.Select(c =>
        {
            var heading = chapterHeading.GetValueOrDefault(c.Heading);
            return new ChapterSummary(c.Heading, heading?.Ordinal ?? -1, heading?.Page ?? 0, c.Passages, c.Domains, c.Elements,
                // In the labels' display order (a rank lookup is cheaper than sorting strings for every chapter).
                chapterLabels.TryGetValue(c.Heading, out var set) ? [.. set.OrderBy(k => rank.GetValueOrDefault(k, int.MaxValue))] : []);
        }).ToArray();
        var loneliness = new LonelinessSummary(about, InFrameworkOrder("age", ages), InFrameworkOrder("risk", risks), word, isolation, feeling);
        var plan = coverage.Plan;
        return new PlanSummary(plan.Title, plan.FileName, plan.Municipality ?? "", plan.PageCount ?? 0,
            new PlanPassageCounts(paragraphs, listItems, headings, tableRows), labelSummaries, chapters, loneliness, summaries);
    }

    private static string KindText(PassageKind kind) => kind switch
    {
        PassageKind.Paragraph => "alinea",
        PassageKind.ListItem => "opsomming",
        PassageKind.Heading => "kop",
        _ => "tabelregel",
    };

    private static string[] InFrameworkOrder(string dimension, HashSet<string> ids)
    {
        var known = LabelCatalog.IdsOf(dimension);
        return [.. known.Where(ids.Contains), .. ids.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal)];
    }
}

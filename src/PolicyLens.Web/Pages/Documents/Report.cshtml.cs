using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Coverage;
using PolicyLens.Report;
using PolicyLens.Storage;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Documents;

/// <summary>
/// The coverage report of one plan. Everything is chosen by query string so it works without
/// JavaScript and every view has a link: <c>dimensie</c> picks the label table,
/// <c>matrix/rij/kolom</c> a heatmap cell, <c>label</c> one label, <c>passage</c> one passage;
/// the chosen passages appear under "Bewijs". The page opens with a summary in plain Dutch; the
/// header leaves room for partials of other features (ingestion warnings, a review button).
/// </summary>
public sealed class ReportModel(CoverageService coverage, RulesHolder rules, SecondOpinionService secondOpinion) : PageModel
{
    /// <summary>At most this many passages in the evidence list; the rest is counted, not shown.</summary>
    public const int MaxEvidence = 200;

    [FromQuery(Name = "dimensie")] public string? Dimension { get; set; }
    [FromQuery(Name = "matrix")] public string? Matrix { get; set; }
    [FromQuery(Name = "rij")] public string? Row { get; set; }
    [FromQuery(Name = "kolom")] public string? Column { get; set; }
    [FromQuery(Name = "label")] public string? LabelKey { get; set; }
    [FromQuery(Name = "passage")] public int? PassageOrdinal { get; set; }
    [FromQuery(Name = "controle")] public string? CheckId { get; set; }

    /// <summary><c>opbouw=alles</c>: the whole heading tree, also of a long plan.</summary>
    [FromQuery(Name = "opbouw")] public string? OutlineView { get; set; }

    /// <summary>Headings shown in the outline of a long plan before it is cut at a depth (the rest on request).</summary>
    public const int MaxOutlineNodes = 400;

    /// <summary>Every heading in the outline.</summary>
    public int OutlineNodes { get; private set; }

    /// <summary>The deepest heading level shown; int.MaxValue when the whole outline is.</summary>
    public int OutlineDepth { get; private set; } = int.MaxValue;

    /// <summary>Which tags the coverage uses (regels, taalmodel, eens, samen); default the plan's cookie, else regels.</summary>
    [FromQuery(Name = "labels")] public string? LabelSource { get; set; }
    public PolicyLens.Llm.TagSource TagSource { get; private set; }

    public AnalyzedPlan Plan { get; private set; } = null!;
    public PlanCoverage Coverage => Plan.Coverage;
    public RulesHolder Rules => rules;
    public string SelectedDimension { get; private set; } = "element";
    public IReadOnlyList<string> Dimensions { get; private set; } = [];

    /// <summary>What the evidence list shows, in words; null when nothing is selected.</summary>
    public string? EvidenceTitle { get; private set; }
    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];
    public int EvidenceTotal { get; private set; }
    public bool RulesChanged => Plan.Run.RuleSetVersion != rules.Version;

    /// <summary>The summary to paste into an advice.</summary>
    public ReportAdvice Advice { get; private set; } = null!;

    /// <summary>The status rule, one sentence per status: the legend.</summary>
    public IReadOnlyList<string> StatusRule { get; private set; } = [];

    /// <summary>The versions of this plan, oldest first (one entry when it has no other versions).</summary>
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public PlanVersion? ThisVersion => Versions.FirstOrDefault(v => v.Document.Id == Plan.Document.Id);

    /// <summary>What the last action did ("De gegevens zijn opgeslagen."), shown once.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>Why the edit form was refused; the form stays open with the values typed.</summary>
    public string? EditError { get; private set; }

    public IActionResult OnGet(long id)
    {
        if (!Load(id)) return NotFound();
        SelectEvidence();
        return Page();
    }

    /// <summary>Corrects the title and municipality; the plan itself is not read again.</summary>
    public IActionResult OnPostEdit(long id, string? title, string? municipality)
    {
        title = title?.Trim();
        municipality = municipality?.Trim();
        var error = string.IsNullOrEmpty(title) ? "Vul een titel in."
            : title.Length > MaxTitle ? $"De titel is te lang: hoogstens {MaxTitle} tekens."
            : municipality?.Length > MaxMunicipality ? $"De naam van de gemeente is te lang: hoogstens {MaxMunicipality} tekens."
            : null;
        if (error is null)
        {
            if (!coverage.Store.UpdateDetails(id, title!, municipality)) return NotFound();
            coverage.Forget(id);
            Message = "De titel en de gemeente zijn opgeslagen.";
            return Redirect($"/documenten/{id}");
        }
        if (!Load(id)) return NotFound();
        EditError = error;
        EditTitle = title;
        EditMunicipality = municipality;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public const int MaxTitle = 300;
    public const int MaxMunicipality = 100;

    /// <summary>The values in the edit form: what was typed when it was refused, else the stored ones.</summary>
    public string? EditTitle { get; private set; }
    public string? EditMunicipality { get; private set; }

    private bool Load(long id)
    {
        if (coverage.Get(id) is not { } stored) return false;
        TagSource = SecondOpinionService.Source(Request, id, LabelSource);
        var plan = secondOpinion.WithTags(stored, TagSource);
        Plan = plan;
        Dimensions = [.. LabelCatalog.Dimensions.Where(d => plan.Coverage.Labels.Any(l => l.Label.Dimension == d))];
        SelectedDimension = Dimension is { } d && Dimensions.Contains(d) ? d : "element";
        ViewData["Title"] = plan.Document.Title;
        Advice = PlanReportBuilder.Advice(plan.Coverage);
        StatusRule = ReportText.StatusRule(plan.Coverage.Options);
        Versions = coverage.Store.ListVersions(id);
        EditTitle = plan.Document.Title;
        EditMunicipality = plan.Document.Municipality;
        // A 300-page plan has thousands of headings: show the levels that fit the budget, the rest on request.
        var perLevel = new List<int>();
        void Count(IReadOnlyList<OutlineNode> nodes)
        {
            foreach (var node in nodes)
            {
                while (perLevel.Count < node.Level) perLevel.Add(0);
                perLevel[node.Level - 1]++;
                Count(node.Children);
            }
        }
        Count(plan.Coverage.Outline);
        OutlineNodes = perLevel.Sum();
        if (OutlineNodes > MaxOutlineNodes && OutlineView != "alles")
        {
            var shown = 0;
            OutlineDepth = 0;
            while (OutlineDepth < perLevel.Count && (OutlineDepth == 0 || shown + perLevel[OutlineDepth] <= MaxOutlineNodes)) shown += perLevel[OutlineDepth++];
        }
        return true;
    }

    /// <summary>Why a label has its status, in one sentence.</summary>
    public string Explain(LabelCoverage label) => ReportText.Explain(label.Status, label.Reason, label.Counts, label.Strength, Coverage.Options);

    /// <summary>Why a heatmap cell has its status, in one sentence.</summary>
    public string Explain(MatrixCell cell) => ReportText.Explain(cell.Status, cell.Reason, cell.Counts, cell.Strength, Coverage.Options);

    public string ShortReason(StatusReason reason) => ReportText.ShortReason(reason, Coverage.Options);

    /// <summary>The gap's advice: deepen a mentioned label, add an absent one.</summary>
    public string GapAdvice(Gap gap)
    {
        var label = Coverage.Label(gap.Label.Dimension, gap.Label.Id);
        return ReportText.GapAdvice(gap.Label.Name, gap.Status, label?.Counts ?? PassageCounts.None, label?.Sections ?? []);
    }

    private void SelectEvidence()
    {
        if (Matrix is "level" or "type" && Row is not null && Column is not null)
        {
            var matrix = Matrix == "level" ? Coverage.ElementByLevel : Coverage.ElementByType;
            if (matrix.Rows.Any(r => r.Id == Row) && matrix.Columns.Any(c => c.Id == Column))
            {
                var cell = matrix.Cell(Row, Column);
                EvidenceTitle = $"{rules.NameOf("element", Row)} × {rules.NameOf(Matrix, Column)}";
                Show(cell.PassageOrdinals, t => t.Dimension == "element" && t.Label == Row || t.Dimension == Matrix && t.Label == Column);
                return;
            }
        }
        if (LabelKey is not null && Coverage.Label(LabelKey) is { } label)
        {
            EvidenceTitle = $"{Display.DimensionName(label.Label.Dimension)}: {label.Label.Name}";
            Show(label.PassageOrdinals, t => t.Dimension == label.Label.Dimension && t.Label == label.Label.Id);
            return;
        }
        if (CheckId is not null && Coverage.Check(CheckId) is { PassageOrdinals.Count: > 0 } check)
        {
            EvidenceTitle = $"Controle: {check.Check.Title}";
            // Mark the words of the dimensions the check looks at, not every tag of the passage.
            var dimensions = check.Check.Highlight;
            Show(check.PassageOrdinals, dimensions.Count == 0 ? null : t => dimensions.Contains(t.Dimension));
            return;
        }
        if (PassageOrdinal is { } ordinal && Coverage.Passage(ordinal) is not null)
        {
            EvidenceTitle = $"Passage {ordinal + 1}";
            Show([ordinal], null);
        }
    }

    private void Show(IReadOnlyList<int> ordinals, Func<PassageTag, bool>? focus)
    {
        EvidenceTotal = ordinals.Count;
        // Strongest evidence first, running text before table rows (see EvidenceView.Ordered).
        Evidence = EvidenceView.Ordered(ordinals.Select(o => Coverage.Passage(o)).OfType<TaggedPassage>(), focus, MaxEvidence);
    }

    /// <summary>Link to this report with a heatmap cell selected (keeps the dimension filter).</summary>
    public string CellLink(string matrix, string row, string column) =>
        $"/documenten/{Plan.Document.Id}?dimensie={Uri.EscapeDataString(SelectedDimension)}&matrix={matrix}&rij={Uri.EscapeDataString(row)}&kolom={Uri.EscapeDataString(column)}#bewijs";

    public string LabelLink(LabelInfo label) =>
        $"/documenten/{Plan.Document.Id}?dimensie={Uri.EscapeDataString(label.Dimension)}&label={Uri.EscapeDataString(LabelKeys.Of(label))}#bewijs";

    public string DimensionLink(string dimension) => $"/documenten/{Plan.Document.Id}?dimensie={Uri.EscapeDataString(dimension)}#labels";

    /// <summary>Link to this report with a check's evidence selected (see _Checks.cshtml).</summary>
    public string CheckLink(CheckResult check) => $"/documenten/{Plan.Document.Id}?dimensie={Uri.EscapeDataString(SelectedDimension)}&controle={Uri.EscapeDataString(check.Id)}#bewijs";

    public string PassageLink(int ordinal) => $"/documenten/{Plan.Document.Id}?passage={ordinal}#p-{ordinal}";

    public bool IsSelected(string matrix, string row, string column) => Matrix == matrix && Row == row && Column == column;

    /// <summary>Dutch name of a label key ("domain:wonen").</summary>
    public string KeyName(string key)
    {
        var (dimension, id) = LabelKeys.Parse(key);
        return dimension is null ? id : rules.NameOf(dimension, id);
    }
}

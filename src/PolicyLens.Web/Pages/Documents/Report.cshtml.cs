using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Coverage;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Documents;

/// <summary>
/// The coverage report of one plan. Everything is chosen by query string so it works without
/// JavaScript and every view has a link: <c>dimensie</c> picks the label table,
/// <c>matrix/rij/kolom</c> a heatmap cell, <c>label</c> one label, <c>passage</c> one passage;
/// the chosen passages appear under "Bewijs".
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

    public IActionResult OnGet(long id)
    {
        if (coverage.Get(id) is not { } stored) return NotFound();
        TagSource = SecondOpinionService.Source(Request, id, LabelSource);
        var plan = secondOpinion.WithTags(stored, TagSource);
        Plan = plan;
        Dimensions = [.. LabelCatalog.Dimensions.Where(d => plan.Coverage.Labels.Any(l => l.Label.Dimension == d))];
        SelectedDimension = Dimension is { } d && Dimensions.Contains(d) ? d : "element";
        ViewData["Title"] = plan.Document.Title;
        SelectEvidence();
        return Page();
    }

    public IActionResult OnPostDelete(long id)
    {
        if (!coverage.Store.DeleteDocument(id)) return NotFound();
        coverage.Forget(id);
        return Redirect("/");
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

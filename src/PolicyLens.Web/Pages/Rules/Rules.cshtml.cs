using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Rules;

/// <summary>The framework and its rules per dimension, and "probeer een zin": tag typed text on the spot.</summary>
public sealed class RulesModel(RulesHolder rules, IPlanChecker checker) : PageModel
{
    public const int MaxTrialLength = 5000;

    [FromQuery(Name = "dimensie")] public string? Dimension { get; set; }

    public RulesHolder Rules => rules;

    /// <summary>The plan checks of rules/checks, shown with their expressions (_RuleChecks.cshtml).</summary>
    public IReadOnlyList<PlanCheck> Checks => checker.Checks;
    public string SelectedDimension { get; private set; } = "element";
    public IReadOnlyList<LabelRules> Labels { get; private set; } = [];
    public IReadOnlyList<string> Dimensions { get; private set; } = [];

    public string? TrialText { get; private set; }
    public string? TrialHeading { get; private set; }
    public EvidenceItem? Trial { get; private set; }

    /// <summary>What the learned model said per label of the dimensions it decides (empty without a model).</summary>
    public IReadOnlyList<PolicyLens.Learning.Model.LabelVerdict> TrialVerdicts { get; private set; } = [];
    public string? TrialError { get; private set; }

    public void OnGet() => Load();

    public void OnPost(string? text, string? heading)
    {
        Load();
        TrialText = text;
        TrialHeading = heading;
        if (string.IsNullOrWhiteSpace(text))
        {
            TrialError = "Typ eerst een zin of alinea.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (text.Length > MaxTrialLength)
        {
            TrialError = $"De tekst is te lang; probeer hoogstens {MaxTrialLength} tekens.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        string[] headings = string.IsNullOrWhiteSpace(heading) ? [] : [heading.Trim()];
        var input = new TaggingInput(text, headings);
        IReadOnlyList<PassageTag> tags;
        if (rules.Setup.Combined is { } combined)
            (tags, TrialVerdicts) = combined.Explain(input);
        else
            tags = rules.Tagger.Tag(input);
        Trial = EvidenceView.Build(new TaggedPassage(new Passage(0, PassageKind.Paragraph, text, null, headings, 0), tags));
    }

    private void Load()
    {
        ViewData["Title"] = "Kader en regels";
        Dimensions = [.. LabelCatalog.Dimensions.Where(d => rules.RuleSet.Labels.Any(l => l.Dimension == d))];
        SelectedDimension = Dimension is { } d && Dimensions.Contains(d) ? d : "element";
        Labels = [.. rules.RuleSet.Labels.Where(l => l.Dimension == SelectedDimension)];
    }
}

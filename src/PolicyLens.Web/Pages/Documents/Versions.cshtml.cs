using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Coverage;
using PolicyLens.Storage;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Documents;

/// <summary>
/// The versions of a plan and what changed between two of them: by default this version against
/// the one before it (or, for the first version, against the next); <c>met</c> picks the other
/// version. Labels gained and lost per dimension, status changes, checks that now pass or fail,
/// and the passages added, removed and changed with a word diff and the evidence of new tags.
/// </summary>
public sealed class VersionsModel(CoverageService coverage, RulesHolder rules) : PageModel
{
    /// <summary>Passages listed per kind of change at most; the rest is counted.</summary>
    public const int MaxPassages = 150;

    private static readonly IPlanDiffer Differ = new PlanDiffer();

    [FromQuery(Name = "met")] public long? With { get; set; }

    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public PlanVersion This { get; private set; } = null!;

    /// <summary>The earlier and the later of the two versions compared; null when the plan has one version.</summary>
    public PlanVersion? Older { get; private set; }
    public PlanVersion? Newer { get; private set; }
    public PlanDiff? Diff { get; private set; }
    public RulesHolder Rules => rules;

    public IActionResult OnGet(long id)
    {
        Versions = coverage.Store.ListVersions(id);
        if (Versions.FirstOrDefault(v => v.Document.Id == id) is not { } current) return NotFound();
        This = current;
        ViewData["Title"] = $"Versies van {current.Document.Title}";
        var index = Versions.ToList().IndexOf(current);
        var other = With is { } w && w != id ? Versions.FirstOrDefault(v => v.Document.Id == w)
            : index > 0 ? Versions[index - 1]
            : Versions.Count > 1 ? Versions[1] : null;
        if (other is null) return Page();
        (Older, Newer) = other.Version < current.Version ? (other, current) : (current, other);
        if (coverage.Get(Older.Document.Id) is { } old && coverage.Get(Newer.Document.Id) is { } @new)
            Diff = Differ.Diff(old.Coverage, @new.Coverage);
        return Page();
    }

    /// <summary>Dutch name of a label key ("element:bezig-zijn").</summary>
    public string KeyName(string key)
    {
        var (dimension, label) = LabelKeys.Parse(key);
        return dimension is null ? label : rules.NameOf(dimension, label);
    }

    /// <summary>The passage with the evidence of the given tags marked.</summary>
    public static EvidenceItem Evidence(TaggedPassage passage, IReadOnlyList<PassageTag> tags) =>
        EvidenceView.Build(passage, t => tags.Any(n => n.Dimension == t.Dimension && n.Label == t.Label));

    /// <summary>A word diff as HTML: inserted words in &lt;ins&gt;, deleted ones in &lt;del&gt;, every text encoded.</summary>
    public static IHtmlContent DiffHtml(IReadOnlyList<TextEdit> edits)
    {
        var html = new System.Text.StringBuilder();
        foreach (var edit in edits)
        {
            var text = HtmlEncoder.Default.Encode(edit.Text);
            html.Append(edit.Op switch
            {
                DiffOp.Inserted => $"<ins>{text}</ins>",
                DiffOp.Deleted => $"<del>{text}</del>",
                _ => text,
            });
        }
        return new HtmlString(html.ToString());
    }

    public string CompareLink(PlanVersion other) => $"/documenten/{This.Document.Id}/versies?met={other.Document.Id}#wijzigingen";
}

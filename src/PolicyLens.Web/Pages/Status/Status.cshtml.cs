using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Readers.Pdf;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Status;

/// <summary>What this installation can do: PDF engine, rule set, database; and re-tagging after a rule change.</summary>
public sealed class StatusModel(EngineStatus engine, RulesHolder rules, IPlanStore store, CoverageService coverage, AppPaths paths, JobRegistry jobs)
    : PageModel
{
    public PdfEngineStatus Pdf { get; private set; } = null!;
    public IReadOnlyList<PdfEngineStatus> Engines { get; private set; } = [];
    public RulesHolder Rules => rules;
    public StoreStatus Store { get; private set; } = null!;
    public AppPaths Paths => paths;
    public int ActiveJobs { get; private set; }
    public int OutdatedDocuments { get; private set; }
    public RetagResult? Retagged { get; private set; }

    public void OnGet() => Load();

    public void OnPostRetag()
    {
        Retagged = store.Retag(rules.Tagger, HttpContext.RequestAborted);
        coverage.Clear();
        Load();
    }

    private void Load()
    {
        ViewData["Title"] = "Status";
        Pdf = engine.Pdf;
        Engines = engine.All;
        Store = store.Status();
        ActiveJobs = jobs.Active.Count;
        OutdatedDocuments = store.ListDocuments().Count(d => d.RuleSetVersion != rules.Version);
    }
}

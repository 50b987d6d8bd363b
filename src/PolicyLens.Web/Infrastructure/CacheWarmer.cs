namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Analyses the stored plans once in the background after start-up, newest first, so the plan
/// list and the first reports do not wait for loading and analysing (about 0.4 s for a 300-page
/// plan). Bounded: full analyses are kept only while they fit in the cache's budget without
/// pushing another out; beyond that only the element statuses of the plan list are kept.
/// </summary>
public sealed class CacheWarmer(CoverageService coverage, ILogger<CacheWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            foreach (var document in coverage.Store.ListDocuments())
            {
                stoppingToken.ThrowIfCancellationRequested();
                coverage.Warm(document);
            }
            log.LogInformation("Analysed the stored plans ahead of time; {Plans} kept ready ({Megabytes} MB of {Budget} MB)",
                coverage.CachedPlans, coverage.CachedBytes / (1024 * 1024), coverage.BudgetBytes / (1024 * 1024));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Only a head start: a plan that fails here fails again, visibly, when its page is opened.
            log.LogWarning(ex, "Could not analyse the stored plans ahead of time");
        }
    }
}

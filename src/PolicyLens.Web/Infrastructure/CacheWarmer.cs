namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Analyses every stored plan once in the background after start-up, newest first, so the first
/// visitor of a report or of the compare page does not wait for loading and analysing (about
/// 0.4 s for a 300-page plan, 1.2 s for 300 plans at once).
/// </summary>
public sealed class CacheWarmer(CoverageService coverage, ILogger<CacheWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            foreach (var document in coverage.Store.ListDocuments().Take(CoverageService.MaxCached))
            {
                stoppingToken.ThrowIfCancellationRequested();
                coverage.Get(document.Id);
            }
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

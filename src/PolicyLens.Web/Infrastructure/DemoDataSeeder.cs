using System.Diagnostics;
using Microsoft.Extensions.Options;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// On the first start with an empty database, queues the demo plans from the seeds folder (its
/// top-level .docx, .pdf and .odt files; not the Markdown sources in seeds/src), so a newcomer
/// sees reports at once. Runs in the background; the home page shows the job while it works, and
/// the console a line per plan loaded.
/// </summary>
public sealed class DemoDataSeeder(IOptions<PolicyLensOptions> options, AppPaths paths, IPlanStore store, IngestionQueue queue,
    JobRegistry jobs, TimeProvider time, ILogger<DemoDataSeeder> log) : IHostedService
{
    private static readonly string[] Extensions = [".docx", ".pdf", ".odt"];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The demo job, when one was started; tests and the home page look at it.</summary>
    public UploadJob? Job { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData) return Task.CompletedTask;
        if (store.Status().Documents > 0) return Task.CompletedTask;
        // A demo load the last run did not finish was restored and goes on by itself.
        if (jobs.Active.Any(j => j.IsDemo)) return Task.CompletedTask;
        if (!Directory.Exists(paths.SeedsPath))
        {
            log.LogWarning("Demo data is on, but the seeds folder {Path} does not exist; starting with an empty database", paths.SeedsPath);
            return Task.CompletedTask;
        }
        var files = Directory.EnumerateFiles(paths.SeedsPath, "*", SearchOption.TopDirectoryOnly)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(f => new JobFile(Path.GetFileName(f), f, deleteWhenDone: false) { Municipality = Municipality.FromFileName(f) })
            .ToArray();
        if (files.Length == 0) return Task.CompletedTask;
        Job = new UploadJob(files, time.GetUtcNow(), isDemo: true);
        jobs.Add(Job);
        queue.EnqueueSystem(Job);
        log.LogInformation("Demoplannen laden: {Count} plannen uit {Path}; de site is intussen al bereikbaar.", files.Length, paths.SeedsPath);
        _ = Task.Run(() => ReportProgressAsync(Job, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    /// <summary>A console line per demo plan as it is done, so a first start does not look stuck.</summary>
    private async Task ReportProgressAsync(UploadJob job, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        var reported = new HashSet<JobFile>();
        try
        {
            while (reported.Count < job.Files.Count)
            {
                await Task.Delay(200, stopping);
                foreach (var file in job.Files.Where(f => f.Done && reported.Add(f)))
                {
                    if (file.State == FileState.Klaar)
                        log.LogInformation("Demoplan {Done} van {Count} geladen: {File}", reported.Count, job.Files.Count, file.DisplayName);
                    else
                        log.LogWarning("Demoplan {Done} van {Count} niet geladen: {File}: {Reason}", reported.Count, job.Files.Count, file.DisplayName, file.Error);
                }
            }
            log.LogInformation("Demoplannen geladen in {Seconds:0.0} s.", clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}

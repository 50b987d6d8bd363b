using Microsoft.Extensions.Options;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// On the first start with an empty database, queues the demo plans from the seeds folder (its
/// top-level .docx, .pdf and .odt files; not the Markdown sources in seeds/src), so a newcomer
/// sees reports at once. Runs in the background; the home page shows the job while it works.
/// </summary>
public sealed class DemoDataSeeder(IOptions<PolicyLensOptions> options, AppPaths paths, IPlanStore store, IngestionQueue queue,
    JobRegistry jobs, TimeProvider time, ILogger<DemoDataSeeder> log) : IHostedService
{
    private static readonly string[] Extensions = [".docx", ".pdf", ".odt"];

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
        log.LogInformation("Loading {Count} demo plans from {Path} in the background", files.Length, paths.SeedsPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

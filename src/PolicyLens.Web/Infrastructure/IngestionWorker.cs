using PolicyLens.Documents;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Reads, tags and stores uploaded files one job at a time, off the request threads, so an
/// upload request returns at once and a slow PDF never holds a connection open. A failing file
/// fails alone; the worker itself never stops on a bad document.
/// </summary>
public sealed class IngestionWorker(IngestionQueue queue, PlanLibrary library, CoverageService coverage, ILogger<IngestionWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
                foreach (var file in job.Files)
                    await Task.Run(() => Process(job, file, stoppingToken), CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unfinished uploads are dropped with their temp files below.
        }
    }

    private void Process(UploadJob job, JobFile file, CancellationToken stoppingToken)
    {
        file.State = FileState.Bezig;
        try
        {
            var outcome = library.IngestFile(new DocumentSource(file.TempPath, file.DisplayName), file.Municipality ?? job.Municipality, stoppingToken);
            file.Warnings = [.. outcome.Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(i => i.Message)];
            if (outcome.DocumentId is { } id)
            {
                if (job.VersionOf is { } versionOf) LinkVersion(file, id, versionOf);
                // Analyse before reporting done, so the report the browser is sent to opens at once.
                coverage.Forget(id);
                Prime(id);
                file.DocumentId = id;
                file.Duplicate = outcome.Duplicate;
                file.State = FileState.Klaar;
                log.LogInformation("Stored {File} as document {Id}{Duplicate}", file.DisplayName, id, outcome.Duplicate ? " (already stored)" : "");
            }
            else
            {
                file.ErrorDetail = outcome.Error;
                file.Error = DutchMessages.Reason(outcome.Error);
                file.State = FileState.Mislukt;
                log.LogWarning("Could not ingest {File}: {Error}", file.DisplayName, outcome.Error);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            file.Error = "de server werd gestopt voordat het bestand verwerkt was. Upload het opnieuw.";
            file.State = FileState.Mislukt;
        }
        catch (Exception ex)
        {
            // A bug in a reader or the store: this file fails, the worker goes on with the next.
            log.LogError(ex, "Unexpected error while ingesting {File}", file.DisplayName);
            file.ErrorDetail = ex.Message;
            file.Error = "er ging onverwacht iets mis bij het verwerken. Probeer het opnieuw of meld het probleem.";
            file.State = FileState.Mislukt;
        }
        finally
        {
            if (file.DeleteWhenDone) TryDelete(file.TempPath);
        }
    }

    /// <summary>Links an upload as the new version of a plan; when that cannot be done the file is still stored and says why.</summary>
    private void LinkVersion(JobFile file, long id, long versionOf)
    {
        var link = library.Store.LinkVersion(id, versionOf);
        if (link.Linked) log.LogInformation("Document {Id} is version {Version} of the plan of document {Of}", id, link.Version!.Version, versionOf);
        else file.VersionNote = link.DutchMessage(id, versionOf);
    }

    /// <summary>Analysis errors belong to the report page (which shows them); the file itself was stored.</summary>
    private void Prime(long documentId)
    {
        try
        {
            coverage.Get(documentId);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Stored document {Id} could not be analysed ahead of time", documentId);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            log.LogWarning("Could not delete temp file {Path}: {Message}", path, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            log.LogWarning("Could not delete temp file {Path}: {Message}", path, ex.Message);
        }
    }
}

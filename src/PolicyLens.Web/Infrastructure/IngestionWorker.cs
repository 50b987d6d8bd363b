using Microsoft.Extensions.Options;
using PolicyLens.Documents;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Reads, tags and stores uploaded files off the request threads, on
/// <see cref="PolicyLensOptions.IngestionWorkers"/> threads of its own (one per core by default),
/// so an upload request returns at once and one slow file never holds up the others. A failing
/// file fails alone; a worker never stops on a bad document. When the server stops, files being
/// read go back to waiting (their copies stay) and are read after the restart.
/// </summary>
public sealed class IngestionWorker(IngestionQueue queue, JobRegistry jobs, PlanLibrary library, CoverageService coverage,
    IOptions<PolicyLensOptions> options, ILogger<IngestionWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.Workers();
        var workers = new Task[count];
        for (var i = 0; i < count; i++)
            workers[i] = Task.Factory.StartNew(() => Work(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        log.LogInformation("{Count} ingestion workers started", count);
        return Task.WhenAll(workers);
    }

    private void Work(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            QueuedFile item;
            try
            {
                item = queue.Take(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                Process(item.Job, item.File, stoppingToken);
            }
            finally
            {
                queue.Done(item);
            }
        }
    }

    private void Process(UploadJob job, JobFile file, CancellationToken stoppingToken)
    {
        file.State = FileState.Bezig;
        file.Attempts++;
        jobs.Save(job, file);
        try
        {
            var outcome = library.IngestFile(new DocumentSource(file.TempPath, file.DisplayName), file.Municipality ?? job.Municipality, stoppingToken);
            file.Warnings = [.. outcome.Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(DutchMessages.Reason)];
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
                file.Error = Reason(outcome);
                file.State = FileState.Mislukt;
                if (outcome.Failure is FileFailure.DiskFull or FileFailure.StorageError or FileFailure.Unexpected)
                    log.LogError(outcome.Cause, "Could not store {File} ({Failure}): {Error}", file.DisplayName, outcome.Failure, outcome.Error);
                else
                    log.LogWarning("Could not ingest {File}: {Error}", file.DisplayName, outcome.Error);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the copy stays, and the file is read again after the restart.
            file.State = FileState.Wachtend;
            jobs.Save(job, file);
            return;
        }
        catch (Exception ex)
        {
            // A bug in a reader or the store: this file fails, the worker goes on with the next.
            log.LogError(ex, "Unexpected error while ingesting {File}", file.DisplayName);
            file.ErrorDetail = ex.Message;
            file.Error = StoreFaults.IsDiskFull(ex) ? DiskFull : "er ging onverwacht iets mis bij het verwerken. Probeer het opnieuw of meld het probleem.";
            file.State = FileState.Mislukt;
        }
        jobs.Save(job, file);
        if (file.DeleteWhenDone) TryDelete(file.TempPath);
    }

    /// <summary>Links an upload as the new version of a plan; when that cannot be done the file is still stored and says why.</summary>
    private void LinkVersion(JobFile file, long id, long versionOf)
    {
        var link = library.Store.LinkVersion(id, versionOf);
        if (link.Linked) log.LogInformation("Document {Id} is version {Version} of the plan of document {Of}", id, link.Version!.Version, versionOf);
        else file.VersionNote = link.DutchMessage(id, versionOf);
    }

    private const string DiskFull =
        "de schijf van de server is vol, dus het plan kon niet worden opgeslagen. Er is niets van bewaard. Vraag de beheerder ruimte vrij te maken en upload het bestand daarna opnieuw.";

    /// <summary>The Dutch reason for a failed file: storage faults in their own words, reading failures from the reader's message.</summary>
    private static string Reason(FileOutcome outcome) => outcome.Failure switch
    {
        FileFailure.DiskFull => DiskFull,
        FileFailure.StorageError => "de database kon het plan niet opslaan (een schrijf- of schijffout). De fout is vastgelegd; probeer het later opnieuw of meld het de beheerder.",
        FileFailure.Unexpected => "er ging onverwacht iets mis bij het verwerken. De fout is vastgelegd; probeer het opnieuw of meld het probleem.",
        _ => DutchMessages.Reason(outcome.ErrorIssue!),
    };

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

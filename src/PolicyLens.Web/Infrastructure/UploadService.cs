using System.Text;
using Microsoft.Extensions.Options;
using PolicyLens.Documents;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>Why an upload was refused before any work was queued: a status code, a Dutch message, and when to try again.</summary>
public sealed record UploadRejection(int StatusCode, string Message, IReadOnlyList<string> Details, TimeSpan? RetryAfter = null);

/// <summary>Who uploads: the client for the queue limits, the browser that will see the job.</summary>
public sealed record Uploader(string Client, string? Browser);

/// <summary>Creates the upload copies; tests replace it to simulate a full disk.</summary>
public interface IUploadFiles
{
    Stream Create(string path);
}

/// <summary>Upload copies as new files on disk.</summary>
public sealed class DiskUploadFiles : IUploadFiles
{
    public Stream Create(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
}

/// <summary>
/// Checks an upload (count, size, room in the queue, type by content), copies the accepted
/// files to random names under the upload folder and queues them. The user's file name is only
/// ever a display name. When a copy fails (a full disk) every copy of the upload is removed, so
/// no half file takes the space later uploads need.
/// </summary>
public sealed class UploadService(IOptions<PolicyLensOptions> options, AppPaths paths, IngestionQueue queue, JobRegistry jobs,
    IUploadFiles files, TimeProvider time, ILogger<UploadService> log)
{
    private static readonly IFormatDetector Detector = new FormatDetector();

    /// <summary>The largest request the upload form may send: every file at its limit, plus room for the form fields.</summary>
    public long MaxRequestBytes
    {
        get
        {
            var o = options.Value;
            return o.MaxUploadBytes > (long.MaxValue - 1_048_576) / o.MaxUploadFiles ? long.MaxValue : o.MaxUploadBytes * o.MaxUploadFiles + 1_048_576;
        }
    }

    public string LimitsText => $"maximaal {options.Value.MaxUploadFiles} bestanden van elk hoogstens {DutchMessages.Megabytes(options.Value.MaxUploadBytes)}";

    public UploadRejection TooLarge() => new(StatusCodes.Status413PayloadTooLarge, $"De upload is te groot. U kunt {LimitsText} tegelijk uploaden.", []);

    /// <summary>Accepts the files and returns the queued job, or the reason nothing was queued.</summary>
    public async Task<(UploadJob? Job, UploadRejection? Rejection)> AcceptAsync(IReadOnlyList<IFormFile> upload, string? municipality, Uploader uploader,
        CancellationToken cancellationToken, long? versionOf = null)
    {
        var o = options.Value;
        var real = upload.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToArray();
        if (real.Length == 0)
            return (null, new(StatusCodes.Status400BadRequest, "Kies eerst een of meer bestanden om te uploaden.", []));
        if (real.Length > o.MaxUploadFiles)
            return (null, new(StatusCodes.Status400BadRequest,
                $"U koos {real.Length} bestanden; u kunt er hoogstens {o.MaxUploadFiles} tegelijk uploaden. Upload ze in delen.", []));
        var tooBig = real.Where(f => f.Length > o.MaxUploadBytes).Select(f => $"{DisplayName(f.FileName)}: {DutchMessages.Megabytes(f.Length)}").ToArray();
        if (tooBig.Length > 0)
            return (null, new(StatusCodes.Status413PayloadTooLarge,
                $"Een bestand is groter dan de grens van {DutchMessages.Megabytes(o.MaxUploadBytes)} per bestand. Splits het document of vraag de beheerder de grens te verhogen.", tooBig));

        switch (queue.TryReserve(uploader.Client, real.Length))
        {
            case Admission.QueueFull:
                log.LogWarning("Upload of {Count} files refused: the queue is full ({Pending} files)", real.Length, queue.Pending);
                return (null, new(StatusCodes.Status503ServiceUnavailable,
                    $"PolicyLens heeft het nu erg druk: er wachten al {queue.Pending} bestanden op verwerking. Probeer het over een paar minuten opnieuw.",
                    [], TimeSpan.FromMinutes(1)));
            case Admission.ClientFull:
                log.LogWarning("Upload of {Count} files by {Client} refused: it has {Pending} files queued", real.Length, uploader.Client, queue.PendingFor(uploader.Client));
                return (null, new(StatusCodes.Status429TooManyRequests,
                    $"U hebt al {queue.PendingFor(uploader.Client)} bestanden in behandeling; er kunnen er hoogstens {o.MaxQueuedFilesPerClient} tegelijk wachten. Wacht tot die verwerkt zijn en upload daarna de rest.",
                    [], TimeSpan.FromSeconds(30)));
        }

        var accepted = new List<JobFile>();
        var refused = new List<string>();
        string? temp = null;
        try
        {
            Directory.CreateDirectory(paths.UploadFolder);
            foreach (var file in real)
            {
                var name = DisplayName(file.FileName);
                if (file.Length == 0)
                {
                    refused.Add(IssueMessages.Describe(IngestionIssue.Error(IssueCode.EmptyFile, "the file is empty"), name));
                    continue;
                }
                // Random name inside the upload folder: nothing the user sends becomes part of a path.
                temp = Path.Join(paths.UploadFolder, Guid.NewGuid().ToString("N") + ".upload");
                await using (var target = files.Create(temp))
                {
                    await file.CopyToAsync(target, cancellationToken);
                    await target.FlushAsync(cancellationToken);
                    target.Position = 0;
                    var detection = Detector.Detect(target, name);
                    if (detection.Issue is not { Severity: IssueSeverity.Error } refusal)
                    {
                        accepted.Add(new JobFile(name, temp));
                        temp = null;
                        continue;
                    }
                    refused.Add(IssueMessages.Describe(refusal, name));
                    log.LogInformation("Refused upload {File}: {Reason}", name, refusal.Message);
                }
                File.Delete(temp);
                temp = null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // A half-written copy would hold the last free space: every copy of this upload goes.
            Remove(temp);
            foreach (var copy in accepted) Remove(copy.TempPath);
            queue.Release(uploader.Client, real.Length);
            return (null, CopyFailed(ex));
        }

        queue.Release(uploader.Client, real.Length - accepted.Count);
        if (accepted.Count == 0)
            return (null, new(StatusCodes.Status415UnsupportedMediaType,
                refused.Count == 1 ? "Dit bestand kan PolicyLens niet verwerken." : "Deze bestanden kan PolicyLens niet verwerken.", refused));

        var job = new UploadJob(accepted, time.GetUtcNow(), CleanText(municipality), owner: uploader.Browser) { Refused = refused, VersionOf = versionOf };
        jobs.Add(job);
        queue.Enqueue(job, uploader.Client);
        return (job, null);
    }

    private UploadRejection CopyFailed(Exception ex)
    {
        if (ex is BadHttpRequestException or OperationCanceledException)
        {
            // The browser stopped sending (closed, timed out): nothing wrong on the server.
            log.LogInformation("Upload broke off while receiving: {Message}", ex.Message);
            return new(StatusCodes.Status400BadRequest, "De upload werd onderbroken voordat alle bestanden binnen waren. Er is niets bewaard; probeer het opnieuw.", []);
        }
        if (StoreFaults.IsDiskFull(ex))
        {
            log.LogError(ex, "Upload refused: the disk holding {Folder} is full", paths.UploadFolder);
            return new(StatusCodes.Status507InsufficientStorage,
                "De schijf van de server is vol, dus uw upload kon niet worden bewaard. Er is niets opgeslagen. Vraag de beheerder ruimte vrij te maken en probeer het daarna opnieuw.", []);
        }
        log.LogError(ex, "Upload refused: could not write to {Folder}", paths.UploadFolder);
        return new(StatusCodes.Status500InternalServerError,
            "Uw upload kon door een schrijffout niet op de server worden bewaard. Er is niets opgeslagen. De fout is vastgelegd; probeer het later opnieuw of meld het de beheerder.", []);
    }

    private void Remove(string? path)
    {
        if (path is null) return;
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("Could not remove the partial upload {Path}: {Message}", path, ex.Message);
        }
    }

    /// <summary>The file name without any folder part, control or direction characters, at most 200 characters; only ever displayed.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var result = CleanText(name) ?? "";
        if (result.Length > 200) result = result[..200];
        return result.Length == 0 ? "bestand" : result;
    }

    /// <summary>Text typed or sent by a user, without control characters and direction overrides (which turn displayed text around); null when nothing is left.</summary>
    public static string? CleanText(string? text)
    {
        if (text is null) return null;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsControl(c) && !BidiControls.Is(c)) clean.Append(c);
        var result = clean.ToString().Trim();
        return result.Length == 0 ? null : result;
    }
}

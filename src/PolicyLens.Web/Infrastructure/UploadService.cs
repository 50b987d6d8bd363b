using System.Text;
using Microsoft.Extensions.Options;
using PolicyLens.Documents;

namespace PolicyLens.Web.Infrastructure;

/// <summary>Why an upload was refused before any work was queued: a status code and a Dutch message.</summary>
public sealed record UploadRejection(int StatusCode, string Message, IReadOnlyList<string> Details);

/// <summary>
/// Checks an upload (count, size, type by content), copies the accepted files to random names
/// under the upload folder and queues them. The user's file name is only ever a display name.
/// </summary>
public sealed class UploadService(IOptions<PolicyLensOptions> options, AppPaths paths, IngestionQueue queue, JobRegistry jobs,
    TimeProvider time, ILogger<UploadService> log)
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
    public async Task<(UploadJob? Job, UploadRejection? Rejection)> AcceptAsync(IReadOnlyList<IFormFile> files, string? municipality,
        CancellationToken cancellationToken, long? versionOf = null)
    {
        var o = options.Value;
        var real = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToArray();
        if (real.Length == 0)
            return (null, new(StatusCodes.Status400BadRequest, "Kies eerst een of meer bestanden om te uploaden.", []));
        if (real.Length > o.MaxUploadFiles)
            return (null, new(StatusCodes.Status400BadRequest,
                $"U koos {real.Length} bestanden; u kunt er hoogstens {o.MaxUploadFiles} tegelijk uploaden. Upload ze in delen.", []));
        var tooBig = real.Where(f => f.Length > o.MaxUploadBytes).Select(f => $"{DisplayName(f.FileName)}: {DutchMessages.Megabytes(f.Length)}").ToArray();
        if (tooBig.Length > 0)
            return (null, new(StatusCodes.Status413PayloadTooLarge,
                $"Een bestand is groter dan de grens van {DutchMessages.Megabytes(o.MaxUploadBytes)} per bestand. Splits het document of vraag de beheerder de grens te verhogen.", tooBig));

        Directory.CreateDirectory(paths.UploadFolder);
        var accepted = new List<JobFile>();
        var refused = new List<string>();
        foreach (var file in real)
        {
            var name = DisplayName(file.FileName);
            if (file.Length == 0)
            {
                refused.Add($"{name}: het bestand is leeg.");
                continue;
            }
            // Random name inside the upload folder: nothing the user sends becomes part of a path.
            var temp = Path.Join(paths.UploadFolder, Guid.NewGuid().ToString("N") + ".upload");
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.CopyToAsync(target, cancellationToken);
                target.Position = 0;
                var detection = Detector.Detect(target, name);
                if (detection.Error is null)
                {
                    accepted.Add(new JobFile(name, temp));
                    continue;
                }
                refused.Add($"{name}: {DutchMessages.Reason(detection.Error)}");
                log.LogInformation("Refused upload {File}: {Reason}", name, detection.Error);
            }
            File.Delete(temp);
        }
        if (accepted.Count == 0)
            return (null, new(StatusCodes.Status415UnsupportedMediaType,
                refused.Count == 1 ? "Dit bestand kan PolicyLens niet verwerken." : "Deze bestanden kan PolicyLens niet verwerken.", refused));

        var job = new UploadJob(accepted, time.GetUtcNow(), municipality) { Refused = refused, VersionOf = versionOf };
        jobs.Add(job);
        await queue.EnqueueAsync(job, cancellationToken);
        return (job, null);
    }

    /// <summary>The file name without any folder part or control characters, at most 200 characters; only ever displayed.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            if (!char.IsControl(c)) clean.Append(c);
        var result = clean.ToString().Trim();
        if (result.Length > 200) result = result[..200];
        return result.Length == 0 ? "bestand" : result;
    }
}

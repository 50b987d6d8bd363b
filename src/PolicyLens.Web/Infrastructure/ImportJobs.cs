using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PolicyLens.Import;
using PolicyLens.Readers.Tables;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// A structured import from the web: table files (CSV, XLSX, JSON) under random names in the
/// upload folder, the mapping to read them with, and, once the worker is done, the outcome per
/// file. Held in memory like upload jobs; the browser only ever gets the id.
/// </summary>
public sealed class ImportJob
{
    public ImportJob(IReadOnlyList<(string TempPath, string DisplayName)> files, TableMapping mapping, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(mapping);
        if (files.Count == 0) throw new ArgumentException("An import has at least one file.", nameof(files));
        Id = Guid.NewGuid().ToString("N");
        Files = files;
        Mapping = mapping;
        Created = created;
    }

    public string Id { get; }
    public IReadOnlyList<(string TempPath, string DisplayName)> Files { get; }
    public TableMapping Mapping { get; }
    public DateTimeOffset Created { get; }

    /// <summary>Files refused before queuing (not a table), each "name: Dutch reason".</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    private int _stored;
    private volatile IReadOnlyList<FileImportOutcome>? _outcomes;
    private volatile string? _error;

    /// <summary>Plans stored (or found unchanged) so far.</summary>
    public int PlansDone => Volatile.Read(ref _stored);
    public void PlanDone() => Interlocked.Increment(ref _stored);

    public IReadOnlyList<FileImportOutcome>? Outcomes { get => _outcomes; set => _outcomes = value; }

    /// <summary>Set when the import as a whole failed (the server stopped, an unexpected fault).</summary>
    public string? Error { get => _error; set => _error = value; }

    public bool Done => Outcomes is not null || Error is not null;
}

/// <summary>Import jobs by id and the queue to the worker; old finished jobs are dropped.</summary>
public sealed class ImportJobs(TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(6);
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public async ValueTask AddAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        foreach (var (id, old) in _jobs)
            if (old.Done && old.Created < cutoff) _jobs.TryRemove(id, out _);
        _jobs[job.Id] = job;
        await _queue.Writer.WriteAsync(job, cancellationToken);
    }

    public ImportJob? Find(string? id) => id is not null && _jobs.TryGetValue(id, out var job) ? job : null;

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Why an import was refused before anything was queued.</summary>
public sealed record ImportRejection(int StatusCode, string Message, IReadOnlyList<string> Details);

/// <summary>
/// Checks an import upload (count and size as for plans, a known mapping, tables by content),
/// copies the files to random names and queues them. The user's file names are only displayed.
/// </summary>
public sealed class ImportService(IOptions<PolicyLensOptions> options, AppPaths paths, ImportJobs jobs, TimeProvider time)
{
    /// <summary>The shipped mappings by id, with their names, for the form.</summary>
    public IReadOnlyList<TableMapping> Mappings() =>
        [.. TableMappingLoader.Available(paths.MappingsPath).Select(TableMappingLoader.LoadFile).Where(r => r.Success).Select(r => r.Mapping!)
            .OrderBy(m => m.Id == TableMappingLoader.DefaultMappingId ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal)];

    public async Task<(ImportJob? Job, ImportRejection? Rejection)> AcceptAsync(IReadOnlyList<IFormFile> files, string? mappingId, string? planColumn,
        CancellationToken cancellationToken)
    {
        var o = options.Value;
        var real = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToArray();
        if (real.Length == 0) return (null, new(StatusCodes.Status400BadRequest, "Kies eerst een of meer bestanden (CSV, XLSX of JSON) om te importeren.", []));
        if (real.Length > o.MaxUploadFiles)
            return (null, new(StatusCodes.Status400BadRequest, $"U koos {real.Length} bestanden; u kunt er hoogstens {o.MaxUploadFiles} tegelijk importeren. Zet ze in één ZIP-bestand of importeer in delen.", []));
        var tooBig = real.Where(f => f.Length > o.MaxUploadBytes).Select(f => $"{UploadService.DisplayName(f.FileName)}: {DutchMessages.Megabytes(f.Length)}").ToArray();
        if (tooBig.Length > 0)
            return (null, new(StatusCodes.Status413PayloadTooLarge, $"Een bestand is groter dan de grens van {DutchMessages.Megabytes(o.MaxUploadBytes)} per bestand.", tooBig));
        var mapping = Mappings().FirstOrDefault(m => m.Id == (string.IsNullOrWhiteSpace(mappingId) ? TableMappingLoader.DefaultMappingId : mappingId));
        if (mapping is null) return (null, new(StatusCodes.Status400BadRequest, "Die mapping bestaat niet; kies een mapping uit de lijst.", []));
        if (!string.IsNullOrWhiteSpace(planColumn)) mapping = mapping with { PlanKeyColumn = planColumn.Trim() };

        Directory.CreateDirectory(paths.UploadFolder);
        var accepted = new List<(string, string)>();
        var refused = new List<string>();
        foreach (var file in real)
        {
            var name = UploadService.DisplayName(file.FileName);
            // Random name inside the upload folder: nothing the user sends becomes part of a path.
            var temp = Path.Join(paths.UploadFolder, Guid.NewGuid().ToString("N") + "-import.upload"); // *.upload: cleared at start-up like uploads
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await file.CopyToAsync(target, cancellationToken);
            var (format, error) = TableFormatDetector.Detect(temp);
            if (format is not null)
            {
                accepted.Add((temp, name));
                continue;
            }
            // A ZIP that is no workbook may be a folder of tables (the 245 files of an export in one upload).
            if (IsZip(temp) && ExtractTables(temp, name, accepted, refused, o.MaxUploadBytes)) { File.Delete(temp); continue; }
            refused.Add($"{name}: {error}");
            File.Delete(temp);
        }
        if (accepted.Count == 0)
            return (null, new(StatusCodes.Status415UnsupportedMediaType, "Deze bestanden zijn geen tabellen die PolicyLens kan importeren.", refused));
        var job = new ImportJob(accepted, mapping, time.GetUtcNow()) { Refused = refused };
        await jobs.AddAsync(job, cancellationToken);
        return (job, null);
    }

    /// <summary>Most tables one ZIP may hold (all Flemish municipalities, several exports).</summary>
    public const int MaxZipEntries = 2000;

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(head) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>
    /// Unpacks the CSV, TSV, XLSX and JSON entries of a ZIP to random names beside it; other
    /// entries are named and left out. Guarded like documents: at most <see cref="MaxZipEntries"/>
    /// entries, each at most the upload limit, all together at most ten times it, counted as they
    /// really decompress (a zip bomb declares small sizes). False when the file is no ZIP of tables
    /// (damaged, or an Office package).
    /// </summary>
    private bool ExtractTables(string zipPath, string zipName, List<(string, string)> accepted, List<string> refused, long maxBytes)
    {
        var extracted = new List<(string, string)>();
        string? target = null;
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
            // An Office package (DOCX, PPTX) is a ZIP too; the detector's reason for it says more.
            if (zip.GetEntry("[Content_Types].xml") is not null) return false;
            if (zip.Entries.Count > MaxZipEntries)
            {
                refused.Add($"{zipName}: het archief heeft {zip.Entries.Count} bestanden, meer dan {MaxZipEntries}; splits het.");
                return true;
            }
            var budget = maxBytes * 10;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                var entryName = UploadService.DisplayName(entry.Name);
                if (!TableFormatDetector.Extensions.Contains(Path.GetExtension(entry.Name)) || entry.Name.StartsWith("._", StringComparison.Ordinal))
                {
                    refused.Add($"{zipName}/{entryName}: geen CSV-, XLSX- of JSON-bestand; overgeslagen.");
                    continue;
                }
                target = Path.Join(paths.UploadFolder, Guid.NewGuid().ToString("N") + "-import.upload");
                long written = 0;
                using (var source = entry.Open())
                using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = source.Read(buffer)) > 0)
                    {
                        written += read;
                        budget -= read;
                        if (written > maxBytes || budget < 0) break;
                        output.Write(buffer, 0, read);
                    }
                }
                if (written > maxBytes || budget < 0)
                {
                    File.Delete(target);
                    refused.Add(budget < 0
                        ? $"{zipName}: het archief pakt uit tot meer dan {DutchMessages.Megabytes(maxBytes * 10)}; de rest is niet gelezen."
                        : $"{zipName}/{entryName}: groter dan {DutchMessages.Megabytes(maxBytes)}; overgeslagen.");
                    if (budget < 0) break;
                    continue;
                }
                var (format, error) = TableFormatDetector.Detect(target);
                if (format is null)
                {
                    File.Delete(target);
                    refused.Add($"{zipName}/{entryName}: {error}");
                    continue;
                }
                extracted.Add((target, entryName));
                target = null;
            }
            accepted.AddRange(extracted);
            return true;
        }
        catch (InvalidDataException)
        {
            // A damaged archive: nothing of it is imported, and nothing half-written stays behind.
            if (target is not null) File.Delete(target);
            foreach (var (path, _) in extracted) File.Delete(path);
            return false;
        }
    }
}

/// <summary>Runs import jobs one at a time off the request threads; the temp files are deleted afterwards.</summary>
public sealed class ImportWorker(ImportJobs jobs, RulesHolder rules, IPlanStore store, CoverageService coverage, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.ReadAllAsync(stoppingToken))
                await Task.Run(() => Process(job, stoppingToken), CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Process(ImportJob job, CancellationToken stoppingToken)
    {
        try
        {
            // One plan tagged at a time, as uploads are: the web app shares its cores with its visitors.
            var importer = new PlanImporter(TableReaders.Create(job.Mapping), rules.Tagger, store, new PlanImportOptions { MaxParallelism = 1 });
            var outcomes = importer.Import([.. job.Files.Select(f => (f.TempPath, f.DisplayName))], job.Mapping, new Progress(job), stoppingToken);
            foreach (var plan in outcomes.SelectMany(o => o.Plans))
                if (plan.DocumentId is { } id) coverage.Forget(id);
            job.Outcomes = outcomes;
            log.LogInformation("Imported {Files} files with mapping {Mapping}: {Plans} plans", job.Files.Count, job.Mapping.Id, outcomes.Sum(o => o.Plans.Count));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Error = "de server werd gestopt voordat de import klaar was; de plannen die al waren opgeslagen blijven staan. Importeer opnieuw voor de rest.";
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Unexpected error in import {Id}", job.Id);
            job.Error = "er ging onverwacht iets mis bij het importeren. Probeer het opnieuw of meld het probleem.";
        }
        finally
        {
            foreach (var (path, _) in job.Files)
            {
                try { File.Delete(path); }
                catch (IOException ex) { log.LogWarning("Could not delete temp file {Path}: {Message}", path, ex.Message); }
            }
        }
    }

    private sealed class Progress(ImportJob job) : IProgress<PlanImportOutcome>
    {
        public void Report(PlanImportOutcome value) => job.PlanDone();
    }
}

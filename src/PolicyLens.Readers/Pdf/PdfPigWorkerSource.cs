using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// The embedded engine: PdfPig, run in a child process (<c>policylens-pdfpig</c>, one document per
/// process) because a hostile PDF can abort the whole .NET process with a stack overflow or make
/// PdfPig swallow an out-of-memory. The child gets the reader's time limit and a managed-heap
/// limit (<c>DOTNET_GCHeapHardLimit</c>); whatever it does, only this file fails.
/// </summary>
/// <remarks>
/// The worker is found at <see cref="PdfReaderOptions.PdfPigWorkerPath"/>, else next to the running
/// program (<see cref="AppContext.BaseDirectory"/>): the native <c>policylens-pdfpig</c>
/// (<c>.exe</c> on Windows) of a published build, else <c>policylens-pdfpig.dll</c> started with the
/// dotnet host that runs this program.
/// </remarks>
public sealed class PdfPigWorkerSource : IPdfTextSource
{
    public const string WorkerName = "policylens-pdfpig";
    public const string EngineName = "PdfPig";

    private readonly PdfReaderOptions _options;

    public PdfPigWorkerSource(PdfReaderOptions? options = null) => _options = options ?? PdfReaderOptions.Default;

    /// <summary>The command that starts the worker: executable and leading arguments, or null when it is not there.</summary>
    public (string Executable, IReadOnlyList<string> Arguments)? Locate()
    {
        if (!string.IsNullOrWhiteSpace(_options.PdfPigWorkerPath))
            return File.Exists(_options.PdfPigWorkerPath) ? Command(_options.PdfPigWorkerPath) : null;
        var folder = AppContext.BaseDirectory;
        var native = Path.Combine(folder, OperatingSystem.IsWindows() ? WorkerName + ".exe" : WorkerName);
        if (File.Exists(native)) return (native, []);
        var dll = Path.Combine(folder, WorkerName + ".dll");
        return File.Exists(dll) ? Command(dll) : null;
    }

    private static (string, IReadOnlyList<string>) Command(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? (DotnetHost(), [path]) : (path, []);

    /// <summary>The dotnet host running this program (so the worker uses the same runtime), else "dotnet" on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return current;
        return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
    }

    public PdfEngineStatus GetStatus()
    {
        if (Locate() is not { } command)
            return new PdfEngineStatus(false, EngineName, null, $"The embedded PDF engine ({WorkerName}) is not next to this program ({AppContext.BaseDirectory}); publish it alongside, or set PolicyLens:PdfPigWorkerPath.");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var (outcome, output) = ProcessRunner.RunToString(command.Executable, [.. command.Arguments, "--version"], deadline, 4096, 4096, CancellationToken.None, Limits());
        return outcome.Succeeded
            ? new PdfEngineStatus(true, EngineName, output.Trim(), $"Embedded PDF engine available (PdfPig {output.Trim()}, in a child process with a {_options.WorkerMemoryLimitMegabytes} MB memory limit).")
            : new PdfEngineStatus(false, EngineName, null, $"The embedded PDF engine ({command.Executable}) does not start: {outcome.StandardError}");
    }

    public PdfTextResult Extract(string path, int maxPages, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Locate() is not { } command)
            return PdfTextResult.Failed(PdfFailureKind.EngineMissing, $"{WorkerName} not found") with { Engine = EngineName };
        var deadline = DateTime.UtcNow + _options.TimeLimit;
        PdfDocumentInfo? info = null;
        var pages = new List<PdfPageText>();
        PdfTextResult? reported = null;
        var done = false;
        string engine = EngineName;
        ProcessOutcome outcome;
        try
        {
            outcome = ProcessRunner.Run(command.Executable,
                [.. command.Arguments, Path.GetFullPath(path), "--max-pages", maxPages.ToString(CultureInfo.InvariantCulture)], deadline, stream =>
                {
                    using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
                    while (reader.ReadLine() is { } line)
                    {
                        if (line.Length == 0) continue;
                        var m = PdfWorkerProtocol.Parse(line);
                        switch (m.Type)
                        {
                            case "info":
                                info = new PdfDocumentInfo(m.Pages, m.Encrypted, m.Producer, m.Title);
                                engine = m.Engine ?? EngineName;
                                break;
                            case "page":
                                pages.Add(PdfWorkerProtocol.ToPage(m));
                                break;
                            case "error":
                                reported = PdfTextResult.Failed(Enum.TryParse<PdfFailureKind>(m.Kind, out var kind) ? kind : PdfFailureKind.EngineError, m.Detail);
                                break;
                            case "done":
                                done = true;
                                break;
                        }
                    }
                }, _options.MaxErrorOutputChars, cancellationToken, Limits());
        }
        catch (Exception ex) when (ex is JsonException or IOException or ArgumentException)
        {
            return PdfTextResult.Failed(PdfFailureKind.EngineError, $"the worker wrote output that cannot be read: {ex.Message}") with { Engine = engine };
        }

        if (!outcome.Started) return PdfTextResult.Failed(PdfFailureKind.EngineMissing, outcome.StandardError) with { Engine = engine };
        if (outcome.TimedOut) return PdfTextResult.Failed(PdfFailureKind.TimedOut, outcome.StandardError) with { Engine = engine };
        if (reported is not null) return reported with { Engine = engine };
        if (!done || outcome.ExitCode != 0)
        {
            var err = outcome.StandardError;
            // The runtime's last words: "Stack overflow." / "OutOfMemoryException" / a signal exit code.
            var kind = err.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || err.Contains("GCHeapHardLimit", StringComparison.Ordinal)
                ? PdfFailureKind.OutOfMemory : PdfFailureKind.Crashed;
            var why = err.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "stack overflow"
                : kind == PdfFailureKind.OutOfMemory ? "out of memory" : $"exit code {outcome.ExitCode}";
            return PdfTextResult.Failed(kind, why) with { Engine = engine };
        }
        if (info is null || pages.Count == 0) return PdfTextResult.Failed(PdfFailureKind.Damaged, "no pages") with { Engine = engine };
        return PdfTextResult.Success(info, pages) with { Engine = engine };
    }

    private Dictionary<string, string> Limits() => new()
    {
        // Hex, as the runtime reads it; a hard limit turns a runaway allocation into an OutOfMemoryException.
        ["DOTNET_GCHeapHardLimit"] = ((long)_options.WorkerMemoryLimitMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_TieredPGO"] = "0",
    };
}

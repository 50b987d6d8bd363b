using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Storage;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens ingest &lt;files|folders&gt;... [--db FILE] [--municipality NAME] [--rules DIR] [--parallel N] [--version-of ID]</c>:
/// reads, tags and stores plans; folders are searched recursively for supported files. A progress
/// bar on a terminal, one line per file when output is redirected, then a summary table. A file
/// that fails is named on stderr with the reason; exit 1 when any file failed.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Extensions picked up when a folder is given (a file named explicitly is always tried).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".docx", ".odt", ".html", ".htm", ".md", ".markdown", ".txt", ".text",
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Plan files, or folders to search recursively.", Arity = ArgumentArity.OneOrMore };
        var db = StoreAccess.DbOption();
        var municipality = new Option<string?>("--municipality") { Description = "The municipality the plans belong to." };
        var rules = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var versionOf = new Option<long?>("--version-of") { Description = "Store the (one) file as a new version of this stored document's plan; 'policylens diff' then shows what changed." };
        var parallel = new Option<int>("--parallel") { Description = "Files read at once (default: the number of processors).", DefaultValueFactory = _ => Environment.ProcessorCount };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--parallel must be at least 1."); });
        var command = new Command("ingest", "Read, tag and store plans in the database.") { paths, db, municipality, rules, versionOf, parallel };
        command.SetAction((parse, cancellationToken) => Task.FromResult(StoreAccess.Guard(stderr, () => Run(parse.GetValue(paths)!, parse.GetValue(db), parse.GetValue(municipality),
            parse.GetValue(rules), parse.GetValue(parallel), stdout, stderr, cancellationToken, parse.GetValue(versionOf)))));
        return command;
    }

    internal static int Run(string[] paths, string? db, string? municipality, string? rules, int parallelism,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, long? versionOf = null)
    {
        var (sources, missing) = Expand(paths);
        foreach (var path in missing) stderr.WriteLine($"policylens: {path}: file or folder not found");
        if (sources.Count == 0)
        {
            if (missing.Count == 0) stderr.WriteLine("policylens: no supported documents found (PDF, DOCX, ODT, HTML, Markdown, text).");
            return 1;
        }
        if (versionOf is not null && sources.Count > 1)
        {
            stderr.WriteLine($"policylens: --version-of neemt één bestand, niet {sources.Count}; ingest de versies een voor een.");
            return Program.UsageError;
        }
        var tagger = RulesLocation.LoadSetup(rules, stderr)?.Tagger;
        if (tagger is null) return 1;
        using var store = StoreAccess.Open(db, stderr);
        if (store is null) return 1;
        if (versionOf is { } of && store.FindDocument(of) is null)
        {
            stderr.WriteLine($"policylens: --version-of {of}: er is geen document {of}; zie 'policylens list'.");
            return 1;
        }

        var pdf = PdfSettings.Load();
        var library = new PlanLibrary(DefaultReaders.CreateIngestor(new IngestionOptions { ReaderTimeLimit = pdf.IngestionTimeLimit }, pdf: pdf), tagger, store, new PlanLibraryOptions { MaxParallelism = parallelism });
        var console = StoreAccess.Console(stdout, out var interactive);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<FileOutcome> outcomes;
        try
        {
            outcomes = interactive
                ? WithProgressBar(console, library, sources, municipality, cancellationToken)
                : library.IngestFiles(sources, municipality, new LineProgress(stdout), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("policylens: ingest cancelled; files stored so far are kept, run the command again to add the rest.");
            return 1;
        }
        clock.Stop();

        foreach (var outcome in outcomes)
        {
            if (outcome.Error is not null) stderr.WriteLine($"policylens: {Prefixed(outcome)}");
            foreach (var issue in outcome.Issues.Where(i => i.Severity == IssueSeverity.Warning))
                stderr.WriteLine($"policylens: warning: {outcome.FileName}: {issue.Message}");
        }
        WriteSummary(console, outcomes, clock.Elapsed, store.Status().DatabasePath);
        var linkFailed = false;
        if (versionOf is { } target && outcomes is [{ DocumentId: { } stored }])
        {
            var link = store.LinkVersion(stored, target);
            (link.Linked ? stdout : stderr).WriteLine(link.Linked ? link.DutchMessage(stored, target) : $"policylens: {link.DutchMessage(stored, target)}");
            linkFailed = !link.Linked;
        }
        return outcomes.Any(o => !o.Succeeded) || missing.Count > 0 || linkFailed ? 1 : 0;
    }

    /// <summary>The error with the full path in front, as the user typed it rather than the bare file name.</summary>
    private static string Prefixed(FileOutcome outcome) =>
        outcome.Error!.StartsWith(outcome.FileName + ":", StringComparison.Ordinal) ? outcome.Path + outcome.Error[outcome.FileName.Length..] : $"{outcome.Path}: {outcome.Error}";

    internal static (List<DocumentSource> Sources, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var sources = new List<DocumentSource>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) sources.Add(new DocumentSource(path));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => Extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                    if (seen.Add(Path.GetFullPath(file))) sources.Add(new DocumentSource(file));
            }
            else missing.Add(path);
        }
        return (sources, missing);
    }

    private static IReadOnlyList<FileOutcome> WithProgressBar(IAnsiConsole console, PlanLibrary library, List<DocumentSource> sources,
        string? municipality, CancellationToken cancellationToken)
    {
        IReadOnlyList<FileOutcome> outcomes = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("Plannen inlezen", maxValue: sources.Count);
                outcomes = library.IngestFiles(sources, municipality, new BarProgress(task), cancellationToken);
            });
        return outcomes;
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<FileOutcome>
    {
        public void Report(FileOutcome value)
        {
            task.Increment(1);
            task.Description = Markup.Escape(value.FileName);
        }
    }

    /// <summary>One line per finished file, for logs and redirected output.</summary>
    private sealed class LineProgress(TextWriter stdout) : IProgress<FileOutcome>
    {
        private readonly Lock _lock = new();

        public void Report(FileOutcome value)
        {
            var state = !value.Succeeded ? "mislukt" : value.Duplicate ? "al opgeslagen" : "opgeslagen";
            lock (_lock) stdout.WriteLine($"{state}: {value.Path}{(value.DocumentId is { } id ? $" (#{id})" : "")}");
        }
    }

    private static void WriteSummary(IAnsiConsole console, IReadOnlyList<FileOutcome> outcomes, TimeSpan elapsed, string database)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Bestand").AddColumn("Resultaat").AddColumn(new TableColumn("Nr").RightAligned())
            .AddColumn(new TableColumn("Pagina's").RightAligned()).AddColumn(new TableColumn("Passages").RightAligned());
        foreach (var o in outcomes)
            table.AddRow(Markup.Escape(o.FileName),
                !o.Succeeded ? "[red]mislukt[/]" : o.Duplicate ? "[yellow]al opgeslagen[/]" : "[green]opgeslagen[/]",
                o.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "", o.Pages?.ToString(CultureInfo.InvariantCulture) ?? "",
                o.Succeeded ? o.Passages.ToString(CultureInfo.InvariantCulture) : "");
        console.Write(table);
        var stored = outcomes.Count(o => o.Succeeded && !o.Duplicate);
        var duplicates = outcomes.Count(o => o.Duplicate);
        var failed = outcomes.Count(o => !o.Succeeded);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count} bestanden in {elapsed.TotalSeconds:0.0} s: {stored} opgeslagen, {duplicates} al aanwezig, {failed} mislukt. Database: {database}"));
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Report;
using PolicyLens.Storage;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens ingest &lt;files|folders&gt;... [--db FILE] [--municipality NAME] [--rules DIR] [--parallel N] [--version-of ID]</c>:
/// reads, tags and stores plans. Folders are searched recursively for plan files; build and
/// source folders (<c>src</c>, <c>bin</c>, <c>obj</c>, hidden folders) and files of other types
/// are skipped, counted and named in one line. A progress bar on a terminal, one line per file
/// when output is redirected, then a summary table. A file that fails is named on stderr with the
/// reason; exit 1 when any file failed.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Extensions picked up when a folder is given (a file named explicitly is always tried).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".docx", ".odt", ".html", ".htm", ".md", ".markdown", ".txt", ".text",
    };

    /// <summary>
    /// Folders below a given folder that hold no plans but sources or build output: the demo
    /// plans' Markdown sources in <c>seeds/src</c> would otherwise be stored a second time. A
    /// folder given by name is always read.
    /// </summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "src", "bin", "obj", "node_modules",
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Plan files, or folders to search recursively (src/, bin/, obj/ and hidden folders are skipped).", Arity = ArgumentArity.OneOrMore };
        var db = StoreAccess.DbOption();
        var municipality = new Option<string?>("--municipality") { Description = "The municipality the plans belong to." };
        var rules = RulesLocation.Option();
        var versionOf = new Option<long?>("--version-of") { Description = "Store the (one) file as a new version of this stored document's plan; 'policylens diff' then shows what changed." };
        var parallel = new Option<int>("--parallel") { Description = "Files read at once (default: the number of processors).", DefaultValueFactory = _ => Environment.ProcessorCount };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--parallel moet minstens 1 zijn."); });
        var command = new Command("ingest", "Read, tag and store plans in the database.") { paths, db, municipality, rules, versionOf, parallel };
        command.SetAction((parse, cancellationToken) => Task.FromResult(StoreAccess.Guard(stderr, () => Run(parse.GetValue(paths)!, parse.GetValue(db), parse.GetValue(municipality),
            parse.GetValue(rules), parse.GetValue(parallel), parse.GetValue(CliOptions.Verbose), stdout, stderr, cancellationToken, parse.GetValue(versionOf)))));
        return command;
    }

    internal static int Run(string[] paths, string? db, string? municipality, string? rules, int parallelism, bool verbose,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, long? versionOf = null)
    {
        var found = Expand(paths);
        foreach (var path in found.Missing) stderr.WriteLine($"policylens: {path}: bestand of map niet gevonden");
        foreach (var path in found.Unreadable) stderr.WriteLine($"policylens: {path}: deze map kan niet gelezen worden (geen leesrechten?); de plannen erin zijn overgeslagen. Controleer de rechten van de map.");
        if (found.Skipped() is { } skipped) stdout.WriteLine(skipped);
        if (found.Sources.Count == 0)
        {
            if (found.Missing.Count == 0 && found.Unreadable.Count == 0) stderr.WriteLine("policylens: geen plannen gevonden (PDF, DOCX, ODT, HTML, Markdown of tekst).");
            return 1;
        }
        if (versionOf is not null && found.Sources.Count > 1)
        {
            stderr.WriteLine($"policylens: --version-of neemt één bestand, niet {found.Sources.Count}; ingest de versies een voor een.");
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
                ? WithProgressBar(console, library, found.Sources, municipality, cancellationToken)
                : library.IngestFiles(found.Sources, municipality, new LineProgress(stdout), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("policylens: inlezen afgebroken; de plannen die al opgeslagen zijn blijven bewaard. Voer de opdracht opnieuw uit voor de rest.");
            return 1;
        }
        clock.Stop();

        foreach (var outcome in outcomes)
        {
            // Warnings first, then the error: the reason a file failed is the last line about it.
            foreach (var issue in outcome.Issues.Where(i => i.Severity == IssueSeverity.Warning))
                CliOptions.WriteIssue(stderr, outcome.Path, issue, verbose);
            if (outcome.ErrorIssue is { } failure) CliOptions.WriteIssue(stderr, outcome.Path, failure, verbose);
        }
        WriteSummary(console, outcomes, found.SkippedCount, clock.Elapsed, store.Status().DatabasePath);
        var linkFailed = false;
        if (versionOf is { } target && outcomes is [{ DocumentId: { } stored }])
        {
            var link = store.LinkVersion(stored, target);
            (link.Linked ? stdout : stderr).WriteLine(link.Linked ? link.DutchMessage(stored, target) : $"policylens: {link.DutchMessage(stored, target)}");
            linkFailed = !link.Linked;
        }
        // Exit 1 when anything asked for was not read or linked: a failed file, a missing path, an unreadable folder.
        return outcomes.Any(o => !o.Succeeded) || found.Missing.Count > 0 || found.Unreadable.Count > 0 || linkFailed ? 1 : 0;
    }

    /// <summary>What the paths given expand to: plan files, paths that do not exist, and what was skipped.</summary>
    internal sealed record Expansion(List<DocumentSource> Sources, List<string> Missing, List<string> Unreadable, List<string> SkippedFolders, Dictionary<string, int> SkippedFiles)
    {
        /// <summary>Folders and files left out on purpose (not the unreadable ones, which are errors).</summary>
        public int SkippedCount => SkippedFolders.Count + SkippedFiles.Values.Sum();

        /// <summary>One Dutch line naming what was skipped, or null when nothing was.</summary>
        public string? Skipped()
        {
            var parts = new List<string>();
            if (SkippedFolders.Count > 0)
                parts.Add($"{SkippedFolders.Count} bron-, build- of verborgen {(SkippedFolders.Count == 1 ? "map" : "mappen")} ({Sample(SkippedFolders)})");
            var files = SkippedFiles.Values.Sum();
            if (files > 0)
                parts.Add($"{files} {(files == 1 ? "bestand dat geen plan is" : "bestanden die geen plan zijn")} ({Sample([.. SkippedFiles.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value}× {e.Key}")])})");
            return parts.Count == 0 ? null : $"Overgeslagen: {string.Join("; ", parts)}. Geef een map of bestand bij naam om het toch in te lezen.";
        }

        private static string Sample(IReadOnlyList<string> items) => string.Join(", ", items.Take(4)) + (items.Count > 4 ? ", …" : "");
    }

    internal static Expansion Expand(IEnumerable<string> paths)
    {
        var found = new Expansion([], [], [], [], new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) found.Sources.Add(new DocumentSource(path));
            }
            else if (Directory.Exists(path)) Walk(path, path, found, seen);
            else found.Missing.Add(path);
        }
        return found;
    }

    /// <summary>Depth-first, in name order, so the files of one folder stay together in the output.</summary>
    private static void Walk(string root, string folder, Expansion found, HashSet<string> seen)
    {
        IEnumerable<string> files, folders;
        try
        {
            files = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToList();
            folders = Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            found.Unreadable.Add(folder); // named and counted as a failure: plans in it were asked for
            return;
        }
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)) continue; // hidden files and Office lock files
            var extension = Path.GetExtension(file);
            if (!Extensions.Contains(extension))
            {
                var key = extension.Length == 0 ? "zonder extensie" : extension.ToLowerInvariant();
                found.SkippedFiles[key] = found.SkippedFiles.GetValueOrDefault(key) + 1;
                continue;
            }
            if (seen.Add(Path.GetFullPath(file))) found.Sources.Add(new DocumentSource(file));
        }
        foreach (var sub in folders)
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name))
            {
                found.SkippedFolders.Add(Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar)) ?? root, sub));
                continue;
            }
            Walk(root, sub, found, seen);
        }
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

    private static void WriteSummary(IAnsiConsole console, IReadOnlyList<FileOutcome> outcomes, int skipped, TimeSpan elapsed, string database)
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
        console.WriteLine(string.Create(ReportText.Culture,
            $"{outcomes.Count} bestanden in {elapsed.TotalSeconds:0.0} s: {stored} opgeslagen, {duplicates} al aanwezig, {failed} mislukt{(skipped > 0 ? $"; {skipped} overgeslagen" : "")}. Database: {database}"));
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PolicyLens.Import;
using PolicyLens.Readers.Tables;
using PolicyLens.Storage;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens import &lt;files|folders&gt;... [--mapping NAME|FILE] [--plan-column COL] [--db FILE] [--rules DIR] [--parallel N]</c>:
/// reads tables of plan actions (CSV, XLSX, JSON), makes one plan per municipality (or per value
/// of the plan column), tags and stores them. Bad rows are named on stderr with file and row and
/// the rest imported; the same data again is a no-op, a newer export of a plan a new version.
/// Exit 1 when a file failed or rows were skipped.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Table files (CSV, XLSX, JSON), or folders to search recursively.", Arity = ArgumentArity.OneOrMore };
        var mapping = new Option<string?>("--mapping")
        {
            Description = $"Mapping file (YAML) or the name of a shipped mapping in mappings/ (default: {TableMappingLoader.DefaultMappingId}, the Flemish BBC export).",
        };
        var planColumn = new Option<string?>("--plan-column") { Description = "Make one plan per value of this column instead of the mapping's plan key." };
        var db = StoreAccess.DbOption();
        var rules = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var parallel = new Option<int>("--parallel") { Description = "Files read and plans tagged at once (default: the number of processors).", DefaultValueFactory = _ => Environment.ProcessorCount };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--parallel must be at least 1."); });
        var command = new Command("import", "Import structured multi-year plans (tables of actions): one plan per municipality, tagged and stored.")
        {
            paths, mapping, planColumn, db, rules, parallel,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(StoreAccess.Guard(stderr, () => Run(parse.GetValue(paths)!, parse.GetValue(mapping),
            parse.GetValue(planColumn), parse.GetValue(db), parse.GetValue(rules), parse.GetValue(parallel), stdout, stderr, cancellationToken))));
        return command;
    }

    /// <summary>mappings/ next to the executable (the CLI copies it there), else ./mappings, else the checkout's.</summary>
    public static string MappingsFolder()
    {
        var besideExe = Path.Join(AppContext.BaseDirectory, "mappings");
        if (Directory.Exists(besideExe)) return besideExe;
        var here = Path.Join(Directory.GetCurrentDirectory(), "mappings");
        if (Directory.Exists(here)) return here;
        return Checkout.FindRoot(Directory.GetCurrentDirectory()) is { } root ? Path.Join(root, "mappings") : here;
    }

    internal static int Run(string[] paths, string? mappingOption, string? planColumn, string? db, string? rules, int parallelism,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = TableMappingLoader.Resolve(mappingOption, MappingsFolder());
        if (loaded.Mapping is not { } mapping)
        {
            stderr.WriteLine("policylens: " + loaded.Describe());
            return Program.UsageError;
        }
        if (!string.IsNullOrWhiteSpace(planColumn)) mapping = mapping with { PlanKeyColumn = planColumn.Trim() };

        var (files, missing) = Expand(paths);
        foreach (var path in missing) stderr.WriteLine($"policylens: {path}: file or folder not found");
        if (files.Count == 0)
        {
            if (missing.Count == 0) stderr.WriteLine("policylens: no tables found (CSV, TSV, XLSX, JSON).");
            return 1;
        }
        var tagger = RulesLocation.LoadTagger(rules, stderr);
        if (tagger is null) return 1;
        using var store = StoreAccess.Open(db, stderr);
        if (store is null) return 1;

        var importer = new PlanImporter(TableReaders.Create(mapping), tagger, store, new PlanImportOptions { MaxParallelism = parallelism });
        var console = StoreAccess.Console(stdout, out var interactive);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<FileImportOutcome> outcomes;
        try
        {
            outcomes = interactive
                ? WithProgressBar(console, importer, files, mapping, cancellationToken)
                : importer.Import(files, mapping, new LineProgress(stdout), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("policylens: import cancelled; plans stored so far are kept, run the command again to add the rest.");
            return 1;
        }
        clock.Stop();

        foreach (var file in outcomes)
        {
            foreach (var error in file.Errors) stderr.WriteLine($"policylens: {error}");
            foreach (var warning in file.Warnings) stderr.WriteLine($"policylens: warning: {warning}");
            foreach (var plan in file.Plans.Where(p => p.Error is not null)) stderr.WriteLine($"policylens: {plan.Error}");
        }
        WriteSummary(console, stdout, outcomes, mapping, clock.Elapsed, store.Status().DatabasePath);
        return outcomes.Any(o => o.Failed || o.SkippedRows > 0 || o.Plans.Any(p => !p.Succeeded)) || missing.Count > 0 ? 1 : 0;
    }

    internal static (List<(string Path, string Name)> Files, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<(string, string)>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) files.Add((path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => TableFormatDetector.Extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                    if (seen.Add(Path.GetFullPath(file))) files.Add((file, Path.GetFileName(file)));
            }
            else missing.Add(path);
        }
        return (files, missing);
    }

    private static IReadOnlyList<FileImportOutcome> WithProgressBar(IAnsiConsole console, PlanImporter importer, List<(string Path, string Name)> files,
        TableMapping mapping, CancellationToken cancellationToken)
    {
        IReadOnlyList<FileImportOutcome> outcomes = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
            .Start(context =>
            {
                // The number of plans is known only after reading; the bar counts plans stored against files given.
                var task = context.AddTask("Plannen importeren", maxValue: files.Count);
                outcomes = importer.Import(files, mapping, new BarProgress(task), cancellationToken);
                task.Value = task.MaxValue;
            });
        return outcomes;
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<PlanImportOutcome>
    {
        public void Report(PlanImportOutcome value)
        {
            if (task.Value + 1 < task.MaxValue) task.Increment(1);
            task.Description = Markup.Escape(value.Title);
        }
    }

    /// <summary>One line per stored plan, for logs and redirected output.</summary>
    private sealed class LineProgress(TextWriter stdout) : IProgress<PlanImportOutcome>
    {
        private readonly Lock _lock = new();

        public void Report(PlanImportOutcome value)
        {
            lock (_lock) stdout.WriteLine($"{StateText(value)}: {value.Title}{(value.DocumentId is { } id ? $" (#{id})" : "")}");
        }
    }

    internal static string StateText(PlanImportOutcome plan) => plan.State switch
    {
        ImportState.New => "nieuw",
        ImportState.NewVersion => $"nieuwe versie {plan.Version}",
        ImportState.Unchanged => "ongewijzigd",
        _ => "mislukt",
    };

    private static void WriteSummary(IAnsiConsole console, TextWriter stdout, IReadOnlyList<FileImportOutcome> outcomes, TableMapping mapping, TimeSpan elapsed, string database)
    {
        var plans = outcomes.SelectMany(o => o.Plans).ToList();
        // With hundreds of plans a row per plan drowns the summary; a row per file stays readable.
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Bestand").AddColumn(new TableColumn("Rijen").RightAligned()).AddColumn(new TableColumn("Overgeslagen").RightAligned())
            .AddColumn(new TableColumn("Nieuw").RightAligned()).AddColumn(new TableColumn("Nieuwe versie").RightAligned())
            .AddColumn(new TableColumn("Ongewijzigd").RightAligned()).AddColumn(new TableColumn("Mislukt").RightAligned());
        foreach (var o in outcomes.Take(50))
            table.AddRow(Markup.Escape(o.FileName), N(o.Rows), o.SkippedRows > 0 ? $"[yellow]{o.SkippedRows}[/]" : "0",
                N(o.Plans.Count(p => p.State == ImportState.New)), N(o.Plans.Count(p => p.State == ImportState.NewVersion)),
                N(o.Plans.Count(p => p.State == ImportState.Unchanged)),
                o.Failed || o.Plans.Any(p => !p.Succeeded) ? $"[red]{(o.Failed && o.Plans.Count == 0 ? "bestand" : N(o.Plans.Count(p => !p.Succeeded)))}[/]" : "0");
        if (outcomes.Count > 50) table.AddRow($"… en nog {outcomes.Count - 50} bestanden", "", "", "", "", "", "");
        console.Write(table);
        // Plain lines, not the console's: a wrapped summary would split its numbers from their words.
        var skipped = outcomes.Sum(o => o.SkippedRows);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count} bestanden, {plans.Count} plannen in {elapsed.TotalSeconds:0.0} s (mapping {mapping.Id}): " +
            $"{plans.Count(p => p.State == ImportState.New)} nieuw, {plans.Count(p => p.State == ImportState.NewVersion)} nieuwe versie, " +
            $"{plans.Count(p => p.State == ImportState.Unchanged)} ongewijzigd, {plans.Count(p => !p.Succeeded)} mislukt."));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{skipped} {(skipped == 1 ? "rij" : "rijen")} overgeslagen, {outcomes.Count(o => o.Failed)} bestanden niet gelezen. Database: {database}"));
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}

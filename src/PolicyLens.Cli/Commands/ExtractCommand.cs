using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens extract &lt;file&gt; [--format text|json]</c>: ingests one document and prints
/// its passages with their heading paths, numbered from 1 as on the web app's pages. Exit 0 when
/// the document was read, 1 when it could not be (the reason goes to stderr, prefixed with the
/// file), 2 for usage errors.
/// </summary>
internal static class ExtractCommand
{
    public const int InputError = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep "é" and "’" readable
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The plan to read: PDF, DOCX, ODT, HTML, Markdown or plain text." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (readable) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("extract", "Read a plan and print its passages with their heading paths.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format) ?? "text", parse.GetValue(CliOptions.Verbose), stdout, stderr));
        return command;
    }

    internal static int Run(string path, string format, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        var result = Ingest(path, verbose, stderr);
        if (result?.Document is null) return InputError;
        if (format == "json") WriteJson(result, result.Document, stdout);
        else WriteText(result, result.Document, stdout);
        return 0;
    }

    /// <summary>
    /// Ingests one file for the single-document commands; writes warnings and errors to
    /// <paramref name="stderr"/>. Returns null (or a failed result) when the file could not be read.
    /// </summary>
    internal static IngestionResult? Ingest(string path, bool verbose, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine(Directory.Exists(path)
                ? $"policylens: {path}: dit is een map; geef één documentbestand (of gebruik 'policylens ingest' voor een map)"
                : $"policylens: {path}: bestand niet gevonden; controleer de naam en de map");
            return null;
        }
        var pdf = PdfSettings.Load();
        var ingestor = DefaultReaders.CreateIngestor(new IngestionOptions { ReaderTimeLimit = pdf.IngestionTimeLimit }, pdf: pdf);
        var result = ingestor.Ingest(new DocumentSource(path, displayName: path));
        foreach (var issue in result.Issues) CliOptions.WriteIssue(stderr, path, issue, verbose);
        return result.Succeeded && result.Document is not null ? result : null;
    }

    /// <summary>The passage number people see, on the web pages too: the first passage is 1.</summary>
    internal static int Number(Passage passage) => passage.Ordinal + 1;

    /// <summary>Lower-case names for passage kinds in output ("list-item", "table-row").</summary>
    internal static string KindName(PassageKind kind) => kind switch
    {
        PassageKind.ListItem => "list-item",
        PassageKind.TableRow => "table-row",
        PassageKind.Heading => "heading",
        _ => "paragraph",
    };

    private static void WriteJson(IngestionResult result, PlanDocument document, TextWriter stdout)
    {
        var payload = new
        {
            title = document.Title,
            format = document.Format.ToString().ToLowerInvariant(),
            pages = document.PageCount,
            readBy = document.ReadBy,
            // number: as shown in text output and on the web (from 1); ordinal: the stored index (from 0).
            passages = result.Passages.Select(p => new { number = Number(p), ordinal = p.Ordinal, page = p.Page, headings = p.Headings, kind = KindName(p.Kind), text = p.Text, ocr = p.FromOcr }),
            issues = result.Issues.Select(i => new
            {
                severity = i.Severity.ToString().ToLowerInvariant(), code = i.Code.ToString(), message = IssueMessages.Reason(i), detail = i.Message, page = i.Page,
            }),
        };
        stdout.WriteLine(JsonSerializer.Serialize(payload, Json));
    }

    private static void WriteText(IngestionResult result, PlanDocument document, TextWriter stdout)
    {
        stdout.WriteLine($"# {document.Title}");
        stdout.WriteLine($"formaat: {document.Format.ToString().ToLowerInvariant()}, pagina's: {(document.PageCount?.ToString() ?? "onbekend")}, passages: {result.Passages.Count}{(document.ReadBy is { } by ? $", gelezen met: {by}" : "")}");
        IReadOnlyList<string>? shownPath = null;
        foreach (var passage in result.Passages)
        {
            var page = passage.Page is { } p ? $" blz. {p}" : "";
            if (passage.Kind == PassageKind.Heading)
            {
                // A heading shows its whole path, so the structure reads at a glance.
                shownPath = [.. passage.Headings, passage.Text];
                stdout.WriteLine();
                stdout.WriteLine($"[{Number(passage)}]{page} § {string.Join(" › ", shownPath)}");
                continue;
            }
            if (shownPath is null || !shownPath.SequenceEqual(passage.Headings))
            {
                shownPath = passage.Headings;
                stdout.WriteLine();
                stdout.WriteLine(shownPath.Count == 0 ? "§ (geen kop)" : "§ " + string.Join(" › ", shownPath));
            }
            stdout.WriteLine($"  [{Number(passage)}]{page} {KindName(passage.Kind)}{(passage.FromOcr ? " (OCR)" : "")}: {passage.Text}");
        }
    }
}

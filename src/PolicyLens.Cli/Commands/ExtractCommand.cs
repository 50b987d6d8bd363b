using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens extract &lt;file&gt; [--format text|json]</c>: ingests one document and prints
/// its passages with their heading paths. Exit 0 when the document was read, 1 when it could
/// not be (the reason goes to stderr, prefixed with the file), 2 for usage errors.
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
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format) ?? "text", stdout, stderr));
        return command;
    }

    internal static int Run(string path, string format, TextWriter stdout, TextWriter stderr)
    {
        var result = Ingest(path, stderr);
        if (result?.Document is null) return InputError;
        if (format == "json") WriteJson(result, result.Document, stdout);
        else WriteText(result, result.Document, stdout);
        return 0;
    }

    /// <summary>
    /// Ingests one file for the single-document commands; writes warnings and errors to
    /// <paramref name="stderr"/>. Returns null (or a failed result) when the file could not be read.
    /// </summary>
    internal static IngestionResult? Ingest(string path, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine(Directory.Exists(path)
                ? $"policylens: {path}: is a directory; give one document file"
                : $"policylens: {path}: file not found");
            return null;
        }
        var pdf = PdfSettings.Load();
        var ingestor = DefaultReaders.CreateIngestor(new IngestionOptions { ReaderTimeLimit = pdf.IngestionTimeLimit }, pdf: pdf);
        var result = ingestor.Ingest(new DocumentSource(path, displayName: path));
        foreach (var warning in result.Issues.Where(i => i.Severity == IssueSeverity.Warning))
            stderr.WriteLine($"policylens: {path}: warning: {warning.Message}{(warning.Page is { } p ? $" (page {p})" : "")}");
        if (!result.Succeeded || result.Document is null)
        {
            foreach (var error in result.Issues.Where(i => i.Severity == IssueSeverity.Error))
                stderr.WriteLine($"policylens: {error.Message}");
            return null;
        }
        return result;
    }

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
            passages = result.Passages.Select(p => new { ordinal = p.Ordinal, page = p.Page, headings = p.Headings, kind = KindName(p.Kind), text = p.Text, ocr = p.FromOcr }),
            issues = result.Issues.Select(i => new { severity = i.Severity.ToString().ToLowerInvariant(), message = i.Message, page = i.Page }),
        };
        stdout.WriteLine(JsonSerializer.Serialize(payload, Json));
    }

    private static void WriteText(IngestionResult result, PlanDocument document, TextWriter stdout)
    {
        stdout.WriteLine($"# {document.Title}");
        stdout.WriteLine($"format: {document.Format.ToString().ToLowerInvariant()}, pages: {(document.PageCount?.ToString() ?? "unknown")}, passages: {result.Passages.Count}{(document.ReadBy is { } by ? $", read by: {by}" : "")}");
        IReadOnlyList<string>? shownPath = null;
        foreach (var passage in result.Passages)
        {
            var page = passage.Page is { } p ? $" p.{p}" : "";
            if (passage.Kind == PassageKind.Heading)
            {
                // A heading shows its whole path, so the structure reads at a glance.
                shownPath = [.. passage.Headings, passage.Text];
                stdout.WriteLine();
                stdout.WriteLine($"[{passage.Ordinal}]{page} § {string.Join(" › ", shownPath)}");
                continue;
            }
            if (shownPath is null || !shownPath.SequenceEqual(passage.Headings))
            {
                shownPath = passage.Headings;
                stdout.WriteLine();
                stdout.WriteLine(shownPath.Count == 0 ? "§ (no heading)" : "§ " + string.Join(" › ", shownPath));
            }
            stdout.WriteLine($"  [{passage.Ordinal}]{page} {KindName(passage.Kind)}{(passage.FromOcr ? " (OCR)" : "")}: {passage.Text}");
        }
    }
}

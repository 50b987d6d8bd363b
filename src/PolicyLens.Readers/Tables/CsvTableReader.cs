using System.Text;
using PolicyLens.Import;

namespace PolicyLens.Readers.Tables;

/// <summary>
/// Reads CSV as spreadsheets write it (RFC 4180 quoting, CRLF or LF): UTF-8 with or without a
/// byte order mark, UTF-16 with one, else Windows-1252 (what a Belgian Excel saves as "CSV"),
/// with a warning. The separator is the mapping's, or the one of <c>;</c>, <c>,</c> and tab that
/// occurs most in the header line. A record with more or fewer fields than the header is
/// skipped and named; an unclosed quote ends the file there, keeping the records before it.
/// </summary>
public sealed class CsvTableReader(char? separator = null) : ITableReader
{
    /// <summary>Largest CSV read, in bytes. 200 MB: about a hundred times the whole Flemish BBC export.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public TableFormat Format => TableFormat.Csv;

    public TableData Read(string path, string fileName, string? sheet = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var size = new FileInfo(path).Length;
        if (size > MaxBytes) return TableData.Failed(fileName, Format, $"het bestand is {size / 1048576} MB, meer dan de grens van {MaxBytes / 1048576} MB; splits het.", size);
        var issues = new List<TableIssue>();
        var text = Decode(File.ReadAllBytes(path), issues);
        return Parse(text, fileName, separator, issues, size, cancellationToken);
    }

    /// <summary>Parses CSV text; <paramref name="issues"/> may hold what decoding noticed.</summary>
    public static TableData Parse(string text, string fileName, char? separator = null, List<TableIssue>? issues = null, long size = 0,
        CancellationToken cancellationToken = default)
    {
        issues ??= [];
        var sep = separator ?? DetectSeparator(text);
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedAt = 0;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
                quotedAt = line;
            }
            else if (c == sep)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                records.Add((recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }
        if (inQuotes)
            issues.Add(TableIssue.Error($"een aanhalingsteken (\") dat op regel {quotedAt} opent, wordt nergens gesloten; de rest van het bestand vanaf deze regel is niet gelezen.", recordLine));
        else if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        var nonEmpty = records.Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        if (nonEmpty.Count == 0)
        {
            if (!issues.Any(i => i.Severity == PolicyLens.Documents.IssueSeverity.Error)) issues.Add(TableIssue.Error("het bestand bevat geen kopregel en geen gegevens."));
            return new TableData(fileName, TableFormat.Csv, [], [], issues, size);
        }
        var header = Columns(nonEmpty[0].Fields, issues);
        var rows = new List<TableRow>(nonEmpty.Count - 1);
        foreach (var (recordNumber, values) in nonEmpty.Skip(1))
        {
            if (values.Count != header.Count)
            {
                issues.Add(TableIssue.Error(
                    $"{values.Count} velden, maar de kopregel heeft er {header.Count} (scheidingsteken '{Name(sep)}'); staat er een scheidingsteken in een tekst zonder aanhalingstekens? Rij overgeslagen.",
                    recordNumber));
                continue;
            }
            rows.Add(new TableRow(recordNumber, values));
        }
        return new TableData(fileName, TableFormat.Csv, header, rows, issues, size);
    }

    private static string Name(char separator) => separator switch { '\t' => "tab", _ => separator.ToString() };

    /// <summary>Header names trimmed; empty ones become "kolom N", repeated ones get a number.</summary>
    internal static List<string> Columns(IReadOnlyList<string?> raw, List<TableIssue> issues)
    {
        var names = new List<string>(raw.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < raw.Count; i++)
        {
            var name = (raw[i] ?? "").Trim();
            if (name.Length == 0) name = $"kolom {i + 1}";
            if (!seen.Add(name))
            {
                var unique = $"{name} ({i + 1})";
                issues.Add(TableIssue.Warning($"de kolomnaam '{name}' komt twee keer voor; de tweede heet hier '{unique}'."));
                name = unique;
                seen.Add(name);
            }
            names.Add(name);
        }
        return names;
    }

    /// <summary>The most frequent of ; , and tab in the first line outside quotes; ';' when tied (Belgian and Dutch Excel).</summary>
    public static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (inQuotes) continue;
            else if (c is '\n' or '\r') break;
            else if (c == ';') semicolons++;
            else if (c == ',') commas++;
            else if (c == '\t') tabs++;
        }
        if (tabs > semicolons && tabs > commas) return '\t';
        return commas > semicolons ? ',' : ';';
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static string Decode(byte[] bytes, List<TableIssue> issues)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return StrictOr1252(bytes.AsSpan(3), issues);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        return StrictOr1252(bytes, issues);
    }

    private static string StrictOr1252(ReadOnlySpan<byte> bytes, List<TableIssue> issues)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            issues.Add(TableIssue.Warning("het bestand is geen UTF-8; gelezen als Windows-1252 (zoals Excel 'CSV' opslaat). Kijk na of letters als ë en é goed staan, of sla op als 'CSV UTF-8'."));
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}

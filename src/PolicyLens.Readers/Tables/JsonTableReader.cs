using System.Text;
using System.Text.Json;
using PolicyLens.Import;

namespace PolicyLens.Readers.Tables;

/// <summary>
/// Reads a JSON array of objects (or an object with such an array under some key, such as
/// <c>{"records": […]}</c>) as a table. Nested objects become dotted columns
/// (<c>yearly_amounts.2026</c>), arrays of values one comma-separated value, numbers keep
/// their JSON text. Columns are the keys in order of first appearance. Records are read one by
/// one, so a file broken half-way keeps the records before the break, and the message names the
/// record and the line.
/// </summary>
public sealed class JsonTableReader : ITableReader
{
    /// <summary>Largest JSON file read, in bytes (200 MB).</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    /// <summary>Deepest nesting accepted; real exports use two or three levels.</summary>
    public const int MaxDepth = 64;

    public TableFormat Format => TableFormat.Json;

    public TableData Read(string path, string fileName, string? sheet = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var size = new FileInfo(path).Length;
        if (size > MaxBytes) return TableData.Failed(fileName, Format, $"het bestand is {size / 1048576} MB, meer dan de grens van {MaxBytes / 1048576} MB; splits het.", size);
        return Parse(File.ReadAllBytes(path), fileName, cancellationToken);
    }

    public static TableData Parse(byte[] bytes, string fileName, CancellationToken cancellationToken = default)
    {
        var issues = new List<TableIssue>();
        var records = new List<(int Number, Dictionary<string, string?> Fields)>();
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth });
        var number = 0;
        try
        {
            if (!reader.Read()) return TableData.Failed(fileName, TableFormat.Json, "het bestand bevat geen JSON.", bytes.Length);
            if (reader.TokenType == JsonTokenType.StartObject && !SeekArray(ref reader))
            {
                // One object with no array of records in it: a table of one record.
                using var single = JsonDocument.ParseValue(ref reader);
                records.Add((1, Flatten(single.RootElement, columns, known)));
                return Table(fileName, columns, records, issues, bytes.Length);
            }
            if (reader.TokenType != JsonTokenType.StartArray)
                return TableData.Failed(fileName, TableFormat.Json, "verwacht wordt een lijst van objecten ([{…}, {…}]), maar het bestand begint anders.", bytes.Length);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                using var element = JsonDocument.ParseValue(ref reader);
                if (element.RootElement.ValueKind != JsonValueKind.Object)
                {
                    issues.Add(TableIssue.Error($"geen object maar {Kind(element.RootElement.ValueKind)}; record overgeslagen.", number));
                    continue;
                }
                records.Add((number, Flatten(element.RootElement, columns, known)));
            }
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" op regel {line + 1}" + (ex.BytePositionInLine is { } pos ? $", positie {pos + 1}" : "") : "";
            var kept = records.Count == 0 ? "er is niets ingelezen" : $"de {records.Count} records ervoor zijn ingelezen";
            issues.Add(TableIssue.Error($"de JSON is kapot{where} ({Reason(ex)}); {kept}, de rest niet. Exporteer het bestand opnieuw.", Math.Max(1, number)));
        }
        return Table(fileName, columns, records, issues, bytes.Length);
    }

    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "een lijst",
        JsonValueKind.String => "een tekst",
        JsonValueKind.Number => "een getal",
        JsonValueKind.True or JsonValueKind.False => "een waar/onwaar-waarde",
        _ => "null",
    };

    /// <summary>Moves into the first property whose value is an array; false (reader back at the object start is not possible) when there is none.</summary>
    private static bool SeekArray(ref Utf8JsonReader reader)
    {
        var probe = reader; // a copy: reading ahead does not move the caller's reader
        var depth = probe.CurrentDepth;
        while (probe.Read())
        {
            if (probe.TokenType == JsonTokenType.EndObject && probe.CurrentDepth == depth) return false;
            if (probe.TokenType == JsonTokenType.PropertyName && probe.CurrentDepth == depth + 1)
            {
                probe.Read();
                if (probe.TokenType == JsonTokenType.StartArray)
                {
                    reader = probe;
                    return true;
                }
                probe.Skip();
            }
        }
        return false;
    }

    private static TableData Table(string fileName, List<string> columns, List<(int Number, Dictionary<string, string?> Fields)> records,
        List<TableIssue> issues, long size)
    {
        var rows = records.Select(r => new TableRow(r.Number, columns.Select(c => r.Fields.GetValueOrDefault(c)).ToArray())).ToList();
        if (rows.Count == 0 && !issues.Any(i => i.Severity == PolicyLens.Documents.IssueSeverity.Error))
            issues.Add(TableIssue.Error("de lijst bevat geen records."));
        return new TableData(fileName, TableFormat.Json, columns, rows, issues, size);
    }

    private static Dictionary<string, string?> Flatten(JsonElement element, List<string> columns, HashSet<string> known)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (known.Add(name)) columns.Add(name);
            fields[name] = value;
        }
        void Walk(string prefix, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject()) Walk(prefix.Length == 0 ? property.Name : prefix + "." + property.Name, property.Value);
                    break;
                case JsonValueKind.Array:
                    Add(prefix, string.Join(", ", value.EnumerateArray().Select(Scalar)));
                    break;
                default:
                    Add(prefix, Scalar(value));
                    break;
            }
        }
        foreach (var property in element.EnumerateObject()) Walk(property.Name, property.Value);
        return fields;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}

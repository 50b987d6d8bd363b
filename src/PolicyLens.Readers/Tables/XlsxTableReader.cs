using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PolicyLens.Import;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tables;

/// <summary>
/// Reads one worksheet of an Excel workbook (the named one, else the first) as a table: the
/// first row with any value is the header, every later row a record, row numbers as Excel shows
/// them. Shared, inline and formula strings, numbers (as stored, so no locale creeps in) and
/// booleans are read; error cells (#N/A) are empty. Streams the sheet with
/// <see cref="OpenXmlReader"/> after the same archive checks as DOCX (size, entries, XML depth).
/// </summary>
public sealed class XlsxTableReader(ReaderOptions? options = null) : ITableReader
{
    private readonly ReaderOptions _options = options ?? new ReaderOptions();

    public TableFormat Format => TableFormat.Xlsx;

    public TableData Read(string path, string fileName, string? sheet = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var size = new FileInfo(path).Length;
        if (ArchiveGuard.Check(path, _options, cancellationToken) is { } refusal)
            return TableData.Failed(fileName, Format, $"de werkmap kan niet worden gelezen: {refusal}.", size);
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (workbook is null || sheets.Count == 0) return TableData.Failed(fileName, Format, "de werkmap heeft geen werkbladen.", size);
            var chosen = sheet is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, sheet, StringComparison.OrdinalIgnoreCase));
            if (chosen?.Id?.Value is not { } id)
                return TableData.Failed(fileName, Format, $"de werkmap heeft geen werkblad '{sheet}'; wel: {string.Join(", ", sheets.Select(s => $"'{s.Name}'"))}.", size);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var part = (WorksheetPart)workbook.GetPartById(id);
            return ReadSheet(part, shared, fileName, size, cancellationToken);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException)
        {
            return TableData.Failed(fileName, Format, $"de werkmap is beschadigd ({ex.Message.TrimEnd('.')}); sla haar opnieuw op vanuit Excel.", size);
        }
    }

    private static TableData ReadSheet(WorksheetPart part, string[] shared, string fileName, long size, CancellationToken cancellationToken)
    {
        var issues = new List<TableIssue>();
        List<string>? header = null;
        var rows = new List<TableRow>();
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            cancellationToken.ThrowIfCancellationRequested();
            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var values = new List<string?>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                while (values.Count < column) values.Add(null);
                var value = Value(cell, shared);
                if (column < values.Count) values[column] = value; else values.Add(value);
                next = column + 1;
            }
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            if (header is null)
            {
                header = CsvTableReader.Columns(values, issues);
                continue;
            }
            if (values.Count > header.Count)
            {
                if (values.Skip(header.Count).Any(v => !string.IsNullOrWhiteSpace(v)))
                    issues.Add(TableIssue.Warning($"waarden rechts van de laatste kolom met een kopje ({CellName(header.Count)} en verder) zijn genegeerd.", rowNumber));
                values.RemoveRange(header.Count, values.Count - header.Count);
            }
            rows.Add(new TableRow(rowNumber, values));
        }
        if (header is null) return new TableData(fileName, TableFormat.Xlsx, [], [], [TableIssue.Error("het werkblad is leeg.")], size);
        return new TableData(fileName, TableFormat.Xlsx, header, rows, issues, size);
    }

    private static string? Value(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : null;
        if (type == CellValues.Boolean) return raw == "1" ? "true" : "false";
        if (type == CellValues.Error) return null;
        return raw;
    }

    /// <summary>"C12" → 2 (0-based column).</summary>
    internal static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return Math.Max(0, column - 1);
    }

    private static string CellName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }
}

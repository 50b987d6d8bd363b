using PolicyLens.Documents;

namespace PolicyLens.Import;

/// <summary>The structured formats the import reads: tables of plan actions.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>
/// One record of a table: its values aligned with <see cref="TableData.Columns"/> (null where the
/// record has no value) and where it stands in the file, for messages.
/// </summary>
public sealed record TableRow
{
    public TableRow(int number, IReadOnlyList<string?> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentNullException.ThrowIfNull(values);
        Number = number;
        Values = values;
    }

    /// <summary>
    /// 1-based position as the user finds it: the line of a CSV record (the header is line 1), the
    /// row of a worksheet, the index of an object in a JSON array.
    /// </summary>
    public int Number { get; }

    public IReadOnlyList<string?> Values { get; }

    /// <summary>The value in a column, trimmed; null when empty or out of range.</summary>
    public string? this[int column] =>
        column >= 0 && column < Values.Count && Values[column] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>Something wrong with a table file or one of its rows, in Dutch, naming the row where there is one.</summary>
public sealed record TableIssue
{
    public TableIssue(IssueSeverity severity, string message, int? row = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (row is < 1) throw new ArgumentOutOfRangeException(nameof(row));
        Severity = severity;
        Message = message;
        Row = row;
    }

    public IssueSeverity Severity { get; }
    public string Message { get; }

    /// <summary>The row (see <see cref="TableRow.Number"/>) the issue is about, if any.</summary>
    public int? Row { get; }

    public static TableIssue Error(string message, int? row = null) => new(IssueSeverity.Error, message, row);
    public static TableIssue Warning(string message, int? row = null) => new(IssueSeverity.Warning, message, row);
}

/// <summary>
/// What a table reader returns: the column names and the records in file order, plus what it
/// noticed. An error issue without rows means the file could not be read at all; rows with
/// issues mean part of it could (a broken JSON array keeps the records before the break).
/// </summary>
public sealed record TableData
{
    public TableData(string fileName, TableFormat format, IReadOnlyList<string> columns, IReadOnlyList<TableRow> rows,
        IReadOnlyList<TableIssue> issues, long sizeBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        if (rows.Any(r => r.Values.Count > columns.Count)) throw new ArgumentException("A row has more values than the table has columns.", nameof(rows));
        FileName = fileName;
        Format = format;
        Columns = columns;
        Rows = rows;
        Issues = issues;
        SizeBytes = sizeBytes;
    }

    /// <summary>The name the user knows the file by.</summary>
    public string FileName { get; }
    public TableFormat Format { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<TableRow> Rows { get; }
    public IReadOnlyList<TableIssue> Issues { get; }
    public long SizeBytes { get; }

    /// <summary>How the format counts its records, for messages ("regel 12", "rij 12", "record 12").</summary>
    public string RowWord => Format switch
    {
        TableFormat.Csv => "regel",
        TableFormat.Xlsx => "rij",
        _ => "record",
    };

    public static TableData Failed(string fileName, TableFormat format, string message, long sizeBytes = 0) =>
        new(fileName, format, [], [], [TableIssue.Error(message)], sizeBytes);
}

/// <summary>
/// Reads one structured format into a table. Implementations wrap one parser each (CSV, XLSX
/// through OpenXml, JSON). Bad content becomes issues, never an exception; only cancellation escapes.
/// </summary>
public interface ITableReader
{
    TableFormat Format { get; }

    /// <param name="path">The file on disk.</param>
    /// <param name="fileName">The name shown in messages.</param>
    /// <param name="sheet">For workbooks: the sheet to read (null: the first).</param>
    TableData Read(string path, string fileName, string? sheet = null, CancellationToken cancellationToken = default);
}

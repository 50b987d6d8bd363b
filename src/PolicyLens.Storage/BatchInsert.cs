using Microsoft.Data.Sqlite;

namespace PolicyLens.Storage;

/// <summary>
/// Inserts many rows into one table as <c>INSERT INTO t (columns) VALUES (…), (…), …</c> of up
/// to <see cref="RowsPerStatement"/> rows a statement, prepared once and reused: a plan's tens
/// of thousands of tag and evidence rows then take a few hundred statement executions instead of
/// one each, which is where a row-by-row insert spent most of its time.
/// Call <see cref="Flush"/> to write the rows still buffered. Dispose never writes: after a
/// failed statement (a full disk) the transaction is gone, and a flush on the way out would throw
/// an error of its own that hides the first.
/// </summary>
internal sealed class BatchInsert : IDisposable
{
    public const int RowsPerStatement = 8;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _head;
    private readonly int _columns;
    private readonly object[] _values;
    private SqliteCommand? _full;
    private int _rows;

    /// <param name="head">The statement up to VALUES, e.g. <c>INSERT INTO tags (id, label)</c>; values are bound in column order.</param>
    public BatchInsert(SqliteConnection connection, SqliteTransaction transaction, string head, int columns)
    {
        _connection = connection;
        _transaction = transaction;
        _head = head;
        _columns = columns;
        _values = new object[RowsPerStatement * columns];
    }

    /// <summary>Adds one row; <paramref name="row"/> holds one value per column (null for SQL NULL).</summary>
    public void Add(params ReadOnlySpan<object?> row)
    {
        if (row.Length != _columns) throw new ArgumentException($"Expected {_columns} values, got {row.Length}.", nameof(row));
        var at = _rows * _columns;
        for (var i = 0; i < row.Length; i++) _values[at + i] = row[i] ?? DBNull.Value;
        if (++_rows == RowsPerStatement) Flush();
    }

    public void Flush()
    {
        if (_rows == 0) return;
        var full = _rows == RowsPerStatement;
        var command = full ? _full ??= Create(RowsPerStatement) : Create(_rows);
        try
        {
            var parameters = command.Parameters;
            for (var i = 0; i < _rows * _columns; i++) parameters[i].Value = _values[i];
            command.ExecuteNonQuery();
        }
        finally
        {
            if (!full) command.Dispose();
        }
        _rows = 0;
    }

    private SqliteCommand Create(int rows)
    {
        var sql = new System.Text.StringBuilder(_head).Append(" VALUES ");
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns; c++)
            {
                var name = $"$p{r * _columns + c}";
                sql.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        if (rows == RowsPerStatement) command.Prepare();
        return command;
    }

    public void Dispose() => _full?.Dispose();
}

using PolicyLens.Import;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tables;

/// <summary>The table readers PolicyLens ships, in one place so the CLI, the web app and tests import alike.</summary>
public static class TableReaders
{
    /// <summary>One reader per table format; the CSV reader uses the mapping's separator when it names one.</summary>
    public static IReadOnlyList<ITableReader> Create(TableMapping? mapping = null, ReaderOptions? options = null) =>
        [new CsvTableReader(mapping?.CsvSeparator), new XlsxTableReader(options), new JsonTableReader()];

    /// <summary>Detects the format and reads the file; a file that is no table fails with the reason.</summary>
    public static TableData Read(string path, string fileName, TableMapping? mapping = null, CancellationToken cancellationToken = default) =>
        TableFiles.Read(Create(mapping), path, fileName, mapping?.Sheet, cancellationToken);
}

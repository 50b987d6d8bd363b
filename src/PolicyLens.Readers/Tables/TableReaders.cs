using PolicyLens.Import;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tables;

/// <summary>
/// The table readers PolicyLens ships, chosen by content (<see cref="TableFormatDetector"/>): the
/// one entry point for the CLI, the web app and tests.
/// </summary>
public static class TableReaders
{
    public static IReadOnlyList<ITableReader> Create(TableMapping? mapping = null, ReaderOptions? options = null) =>
        [new CsvTableReader(mapping?.CsvSeparator), new XlsxTableReader(options), new JsonTableReader()];

    /// <summary>Detects the format and reads the file; a file that is no table fails with the reason.</summary>
    public static TableData Read(string path, string fileName, TableMapping? mapping = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            var (format, error) = TableFormatDetector.Detect(path);
            if (format is not { } f) return TableData.Failed(fileName, GuessFormat(fileName), error!);
            return Create(mapping).Single(r => r.Format == f).Read(path, fileName, mapping?.Sheet, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return TableData.Failed(fileName, GuessFormat(fileName), "het bestand bestaat niet; kijk het pad na.");
        }
        catch (UnauthorizedAccessException)
        {
            return TableData.Failed(fileName, GuessFormat(fileName), "het bestand kan niet worden geopend (geen leesrechten).");
        }
        catch (IOException ex)
        {
            return TableData.Failed(fileName, GuessFormat(fileName), $"het bestand kan niet worden gelezen ({ex.Message.TrimEnd('.')}); is het open in een ander programma?");
        }
    }

    private static TableFormat GuessFormat(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => TableFormat.Xlsx,
        ".json" => TableFormat.Json,
        _ => TableFormat.Csv,
    };
}

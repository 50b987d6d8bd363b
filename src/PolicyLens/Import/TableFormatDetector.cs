using System.IO.Compression;

namespace PolicyLens.Import;

/// <summary>
/// Tells CSV, XLSX and JSON apart by content (a ZIP with <c>xl/workbook.xml</c>; a text whose first
/// character is <c>[</c> or <c>{</c>; other text), so a misnamed file is still read right. Null
/// when the bytes are none of these (a DOCX, a PDF, binary data), with the reason.
/// </summary>
public static class TableFormatDetector
{
    /// <summary>Extensions the import picks up from folders.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".csv", ".tsv", ".xlsx", ".json" };

    public static (TableFormat? Format, string? Error) Detect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0) return (null, "het bestand is leeg (0 bytes).");
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            try
            {
                stream.Position = 0;
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                if (zip.GetEntry("xl/workbook.xml") is not null) return (TableFormat.Xlsx, null);
                if (zip.GetEntry("word/document.xml") is not null)
                    return (null, "dit is een Word-document (DOCX), geen tabel; lees het in als plan (policylens ingest of 'Plan uploaden').");
                return (null, "dit is een ZIP-archief, maar geen Excel-werkmap (XLSX).");
            }
            catch (InvalidDataException)
            {
                return (null, "het bestand begint als een ZIP-archief (XLSX) maar is beschadigd; sla het opnieuw op vanuit Excel.");
            }
        }
        if (read >= 4 && head.AsSpan(0, 4).SequenceEqual("%PDF"u8))
            return (null, "dit is een PDF, geen tabel; lees het in als plan (policylens ingest of 'Plan uploaden').");
        var span = head.AsSpan(0, read);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        if (span.Contains((byte)0) && !(span.Length > 1 && (span[0] == 0xFF && span[1] == 0xFE || span[0] == 0xFE && span[1] == 0xFF)))
            return (null, "het bestand bevat binaire gegevens, geen tekst; verwacht wordt CSV, XLSX of JSON.");
        foreach (var b in span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return (b is (byte)'[' or (byte)'{' ? TableFormat.Json : TableFormat.Csv, null);
        }
        return (null, "het bestand bevat alleen witruimte.");
    }
}

/// <summary>Reads a table file with the reader for its detected format; IO problems and non-tables become a failed table.</summary>
public static class TableFiles
{
    public static TableData Read(IReadOnlyList<ITableReader> readers, string path, string fileName, string? sheet = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var guessed = GuessFormat(fileName);
        try
        {
            var (format, error) = TableFormatDetector.Detect(path);
            if (format is not { } f) return TableData.Failed(fileName, guessed, error!);
            var reader = readers.FirstOrDefault(r => r.Format == f);
            return reader is null
                ? TableData.Failed(fileName, f, $"dit is {f}, maar er is geen lezer voor dat formaat geregistreerd.")
                : reader.Read(path, fileName, sheet, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return TableData.Failed(fileName, guessed, "het bestand bestaat niet; kijk het pad na.");
        }
        catch (DirectoryNotFoundException)
        {
            return TableData.Failed(fileName, guessed, "de map van het bestand bestaat niet; kijk het pad na.");
        }
        catch (UnauthorizedAccessException)
        {
            return TableData.Failed(fileName, guessed, "het bestand kan niet worden geopend (geen leesrechten).");
        }
        catch (IOException ex)
        {
            return TableData.Failed(fileName, guessed, $"het bestand kan niet worden gelezen ({ex.Message.TrimEnd('.')}); is het open in een ander programma?");
        }
    }

    private static TableFormat GuessFormat(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => TableFormat.Xlsx,
        ".json" => TableFormat.Json,
        _ => TableFormat.Csv,
    };
}

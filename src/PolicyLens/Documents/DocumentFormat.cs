namespace PolicyLens.Documents;

/// <summary>The document formats PolicyLens can read. Detected from the bytes, not the file name.</summary>
public enum DocumentFormat
{
    Unknown = 0,
    Pdf,
    Docx,
    Odt,
    Html,
    Text,
    Markdown,

    /// <summary>A table of plan actions (CSV) read by the structured import, not by a document reader.</summary>
    Csv,

    /// <summary>A workbook of plan actions (XLSX) read by the structured import.</summary>
    Xlsx,

    /// <summary>A JSON array of plan actions read by the structured import.</summary>
    Json,
}

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
}

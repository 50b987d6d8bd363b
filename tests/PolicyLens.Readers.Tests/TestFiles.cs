using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tests;

/// <summary>Temporary files for one test class, plus builders for hand-made documents.</summary>
public sealed class TestFiles : IDisposable
{
    public const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string Namespaces =
        "xmlns:w=\"" + WordNs + "\" xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("policylens-readers-").FullName;

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    public string PathFor(string name) => System.IO.Path.Combine(Directory, name);

    public string Write(string name, byte[] bytes)
    {
        var path = PathFor(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    /// <summary>A DOCX made with the OpenXml SDK from raw part XML, so each test states exactly the markup it needs.</summary>
    public string Docx(string name, string body, string? styles = null, string? numbering = null, string? footnotes = null, string? header = null, string? title = null)
    {
        var path = PathFor(name);
        using (var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document($"<w:document {Namespaces}><w:body>{body}</w:body></w:document>");
            if (styles is not null) main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles($"<w:styles {Namespaces}>{styles}</w:styles>");
            if (numbering is not null) main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering($"<w:numbering {Namespaces}>{numbering}</w:numbering>");
            if (footnotes is not null) main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes($"<w:footnotes {Namespaces}>{footnotes}</w:footnotes>");
            if (header is not null) main.AddNewPart<HeaderPart>().Header = new Header($"<w:hdr {Namespaces}>{header}</w:hdr>");
            if (title is not null) document.PackageProperties.Title = title;
        }
        return path;
    }

    /// <summary>A minimal ODT: mimetype, manifest and the given office:text content.</summary>
    public string Odt(string name, string officeText, string automaticStyles = "")
    {
        const string ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
                          "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " +
                          "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
        return Zip(name,
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"),
            ("content.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {ns}><office:automatic-styles>{automaticStyles}</office:automatic-styles><office:body><office:text>{officeText}</office:text></office:body></office:document-content>"));
    }

    public string Zip(string name, params (string Name, string Content)[] entries)
    {
        var path = PathFor(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, content) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }
        return path;
    }

    public static IngestionResult Ingest(string path, ReaderOptions? options = null) =>
        DefaultReaders.CreateIngestor(readers: options).Ingest(new DocumentSource(path));

    /// <summary>The folder holding PolicyLens.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PolicyLens.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PolicyLens.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Fixture(string name) => System.IO.Path.Combine(RepoRoot(), "tests", "fixtures", "documents", name);
}

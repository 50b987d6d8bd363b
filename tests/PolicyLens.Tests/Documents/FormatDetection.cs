using System.IO.Compression;
using System.Text;
using PolicyLens.Documents;

namespace PolicyLens.Tests.Documents;

public class FormatDetection
{
    private static readonly FormatDetector Detector = new();

    private static PolicyLens.Documents.FormatDetection Detect(byte[] bytes, string name) => Detector.Detect(new MemoryStream(bytes), name);

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        return ms.ToArray();
    }

    [Fact]
    public void A_PDF_signature_after_a_few_junk_bytes_is_still_a_PDF() =>
        Assert.Equal(DocumentFormat.Pdf, Detect([0x0D, 0x0A, .. "%PDF-1.7\n"u8.ToArray()], "plan.pdf").Format);

    [Fact]
    public void A_zip_with_a_word_document_part_is_DOCX() =>
        Assert.Equal(DocumentFormat.Docx, Detect(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), "plan.docx").Format);

    [Fact]
    public void A_zip_whose_mimetype_says_OpenDocument_text_is_ODT() =>
        Assert.Equal(DocumentFormat.Odt, Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")), "plan.odt").Format);

    [Fact]
    public void A_mismatched_extension_is_read_by_content_with_a_warning()
    {
        var detection = Detect(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>Hallo</p></body></html>"), "plan.docx");
        Assert.Equal(DocumentFormat.Html, detection.Format);
        Assert.Contains(".docx", detection.Warning);
        Assert.Equal(IssueCode.ExtensionDiffers, detection.Issue!.Code);
        Assert.Equal("de naam eindigt op '.docx', maar de inhoud is een webpagina (HTML); het is gelezen als een webpagina (HTML).", IssueMessages.Reason(detection.Issue));
    }

    [Theory]
    [InlineData("plan.pdf", "een PDF")]
    [InlineData("plan.docx", "een Word-document (DOCX)")]
    [InlineData("plan.odt", "een OpenDocument-tekst (ODT)")]
    public void Text_named_as_a_binary_format_is_refused_naming_the_extension_and_the_content(string name, string promised)
    {
        var detection = Detect("dit is geen pdf\n"u8.ToArray(), name);
        Assert.Equal(DocumentFormat.Unknown, detection.Format);
        Assert.Equal(IssueCode.ExtensionMismatch, detection.Issue!.Code);
        var dutch = IssueMessages.Reason(detection.Issue);
        Assert.StartsWith($"de naam eindigt op '{Path.GetExtension(name)}', maar de inhoud is platte tekst.", dutch);
        Assert.Contains(promised[..4], IssueMessages.FormatName(Enum.Parse<DocumentFormat>(detection.Issue.Facts["expected"])));
    }

    [Fact]
    public void An_html_file_with_any_tag_is_html_and_one_without_tags_is_refused()
    {
        Assert.Equal(DocumentFormat.Html, Detect("<ul><li>Buurtsoep</li></ul>"u8.ToArray(), "plan.html").Format);
        Assert.Equal(IssueCode.ExtensionMismatch, Detect("Gewone tekst."u8.ToArray(), "plan.html").Issue!.Code);
    }

    [Fact]
    public void An_OLE_file_named_docx_is_reported_as_password_protected()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var detection = Detect(ole, "plan.docx");
        Assert.Equal(DocumentFormat.Unknown, detection.Format);
        Assert.Contains("password-protected", detection.Error);
        Assert.Contains("without a password", detection.Error);
        Assert.Equal(IssueCode.PasswordProtected, detection.Issue!.Code);
    }

    [Fact]
    public void A_truncated_zip_is_reported_as_damaged()
    {
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", new string('x', 5000)));
        var detection = Detect(zip[..(zip.Length / 2)], "plan.docx");
        Assert.Contains("damaged or truncated", detection.Error);
        Assert.Equal(IssueCode.Damaged, detection.Issue!.Code);
    }

    [Fact]
    public void Binary_data_is_refused_with_the_supported_formats_named()
    {
        var detection = Detect([0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 1, 2], "plan.txt");
        Assert.Contains("PNG", detection.Error);
        Assert.Contains("DOCX", detection.Error);
        Assert.Equal("dit is een afbeelding (PNG), geen document met tekst. Gebruik het originele document, of een PDF met tekst.", IssueMessages.Reason(detection.Issue!));
    }

    [Theory]
    [InlineData("plan.md", "Gewone tekst.", DocumentFormat.Markdown)]
    [InlineData("plan.txt", "# Titel\n\n## Deel\n\nTekst.", DocumentFormat.Text)]
    [InlineData("plan", "# Titel\n\n## Deel\n\nTekst.", DocumentFormat.Markdown)]
    [InlineData("plan", "Gewone tekst zonder opmaak.", DocumentFormat.Text)]
    public void Text_is_Markdown_by_extension_or_else_by_its_syntax(string name, string content, DocumentFormat expected) =>
        Assert.Equal(expected, Detect(Encoding.UTF8.GetBytes(content), name).Format);

    [Fact]
    public void UTF16_text_with_a_byte_order_mark_is_text() =>
        Assert.Equal(DocumentFormat.Text, Detect([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Tekst van het plan.")], "plan.txt").Format);
}

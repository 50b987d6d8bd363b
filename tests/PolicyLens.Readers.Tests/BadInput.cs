using System.IO.Compression;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Readers.Tests;

/// <summary>Every malformed input ends in one clear error naming the file, never an exception.</summary>
public sealed class BadInput : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The English detail of the one error, after checking its code (which picks the Dutch message).</summary>
    private static string ErrorOf(string path, IssueCode code, ReaderOptions? options = null)
    {
        var result = TestFiles.Ingest(path, options);
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        Assert.Empty(result.Passages);
        Assert.StartsWith(Path.GetFileName(path) + ": ", result.Error);
        Assert.Equal(code, result.Failure!.Code);
        return result.Error!;
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Contains("empty", ErrorOf(_files.Write("leeg.docx", []), IssueCode.EmptyFile));

    [Fact]
    public void Garbage_named_docx_is_refused_as_no_readable_format()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        Assert.Contains("not a document PolicyLens can read", ErrorOf(_files.Write("rommel.docx", bytes), IssueCode.UnsupportedFormat));
    }

    [Fact]
    public void A_truncated_docx_is_refused_as_damaged()
    {
        var whole = File.ReadAllBytes(TestFiles.Fixture("lindeveld-plan.docx"));
        Assert.Contains("damaged or truncated", ErrorOf(_files.Write("half.docx", whole[..(whole.Length / 2)]), IssueCode.Damaged));
    }

    [Fact]
    public void A_password_protected_docx_says_to_remove_the_password()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1016]];
        var error = ErrorOf(_files.Write("beveiligd.docx", ole), IssueCode.PasswordProtected);
        Assert.Contains("password-protected", error);
        Assert.Contains("save it without a password", error);
    }

    [Fact]
    public void A_zip_bomb_is_stopped_by_the_bytes_it_really_decompresses()
    {
        // 64 MB of zeros compresses to about 64 KB; a 16 MB limit keeps the test quick.
        var path = _files.PathFor("bom.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            using var s = zip.CreateEntry("word/media/nullen.bin", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) s.Write(block);
        }
        Assert.True(new FileInfo(path).Length < 1024 * 1024);
        var error = ErrorOf(path, IssueCode.ArchiveTooLarge, new ReaderOptions { MaxArchiveUncompressedBytes = 16L * 1024 * 1024 });
        Assert.Contains("decompresses to more than 16 MB", error);
    }

    [Fact]
    public void An_archive_with_too_many_entries_is_refused()
    {
        var entries = new List<(string, string)> { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<d/>") };
        entries.AddRange(Enumerable.Range(0, 40).Select(i => ($"word/extra{i}.txt", "x")));
        var error = ErrorOf(_files.Zip("veel.docx", [.. entries]), IssueCode.ArchiveTooLarge, new ReaderOptions { MaxArchiveEntries = 20 });
        Assert.Contains("more than the limit of 20", error);
    }

    [Fact]
    public void Deeply_nested_XML_in_a_docx_is_refused_before_parsing()
    {
        var deep = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 5000)) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", 5000));
        var document = $"<w:document xmlns:w=\"{TestFiles.WordNs}\"><w:body>{deep}</w:body></w:document>";
        var error = ErrorOf(_files.Zip("diep.docx", ("[Content_Types].xml", "<Types/>"), ("word/document.xml", document)), IssueCode.NestingTooDeep);
        Assert.Contains("deeper than 256 levels", error);
    }

    [Fact]
    public void An_XML_part_with_a_DTD_is_refused()
    {
        var document = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><w:document xmlns:w=\"" + TestFiles.WordNs + "\"><w:body/></w:document>";
        Assert.Contains("malformed or disallowed XML", ErrorOf(_files.Zip("dtd.docx", ("[Content_Types].xml", "<Types/>"), ("word/document.xml", document)), IssueCode.MalformedXml));
    }

    [Fact]
    public void Deeply_nested_HTML_is_refused()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 3000)) + "diep" + "</body></html>";
        Assert.Contains("deeper than 256 levels", ErrorOf(_files.Write("diep.html", html), IssueCode.NestingTooDeep));
    }

    [Fact]
    public void Invalid_UTF8_text_names_the_offset_and_asks_for_UTF8()
    {
        var error = ErrorOf(_files.Write("plan.txt", [.. "Caf"u8.ToArray(), 0xE9, .. " in de gemeente"u8.ToArray()]), IssueCode.NotUtf8);
        Assert.Contains("not valid UTF-8", error);
        Assert.Contains("offset 3", error);
        Assert.Contains("save the file as UTF-8", error);
    }

    [Fact]
    public void An_ODT_without_content_is_refused()
    {
        var path = _files.Zip("leeg.odt", ("mimetype", "application/vnd.oasis.opendocument.text"));
        Assert.Contains("no content.xml", ErrorOf(path, IssueCode.MissingBody));
    }

    [Theory]
    [InlineData("garbage.pdf", IssueCode.ExtensionMismatch)] // text named .pdf
    [InlineData("truncated.pdf", IssueCode.Damaged)]
    [InlineData("encrypted-user-password.pdf", IssueCode.PasswordProtected)]
    [InlineData("scanned.pdf", IssueCode.Scanned)]
    public void A_pdf_that_cannot_be_read_carries_the_code_of_its_reason(string fixture, IssueCode code)
    {
        var path = _files.PathFor(fixture);
        File.Copy(Path.Combine(Path.GetDirectoryName(TestFiles.Fixture("x"))!, "..", "pdf", fixture), path);
        ErrorOf(path, code);
    }
}

using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>What the poppler engine takes from pdfinfo's report.</summary>
public sealed class PdfEngineInfo
{
    [Fact]
    public void Pages_encryption_producer_and_title_are_read_from_pdfinfo()
    {
        var info = PopplerTextSource.ParseInfo("Title:          Meerjarenplan Oudenbeek\nProducer:       LibreOffice 7.4\nPages:          42\nEncrypted:      yes (print:yes copy:no change:no addNotes:no algorithm:AES-256)\n");
        Assert.Equal(42, info.PageCount);
        Assert.True(info.Encrypted);
        Assert.Equal("LibreOffice 7.4", info.Producer);
        Assert.Equal("Meerjarenplan Oudenbeek", info.Title);
    }

    [Theory]
    [InlineData("Microsoft Word - meerjarenplan_v7.docx")]
    [InlineData("plan-definitief.indd")]
    public void A_title_that_is_only_a_file_name_is_dropped(string title) =>
        Assert.Null(PopplerTextSource.ParseInfo($"Title:          {title}\nPages:          3\n").Title);

    [Fact]
    public void The_page_count_of_an_owner_password_pdf_is_read_and_it_is_flagged_encrypted()
    {
        var result = new PopplerTextSource().Extract(PdfFixtures.PathOf("encrypted-owner-only.pdf"), 10);
        Assert.True(result.Succeeded, result.Detail);
        Assert.True(result.Info!.Encrypted);
        Assert.Equal(5, result.Pages.Count);
    }

    [Fact]
    public void Max_pages_limits_how_many_pages_poppler_reads()
    {
        var output = PdfFixtures.Read("plan.pdf", new PdfReaderOptions { MaxPages = 2 });
        Assert.Equal(2, output.Blocks.Max(b => b.Page));
        var warning = Assert.Single(output.Issues);
        Assert.Contains("only the first 2 of 5 pages were read", warning.Message);
    }
}

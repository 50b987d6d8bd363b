using PolicyLens.Cli;

namespace PolicyLens.Cli.Tests;

public class DoctorCommand
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Doctor_reports_pdf_support_and_the_rule_set_version_when_all_is_installed()
    {
        var (code, output, error) = Run("doctor");
        Assert.True(code == 0, output + error);
        Assert.Contains("ok    PDF-lezer: poppler", output);
        Assert.Contains("ok    PDF-lezer: PdfPig 0.1.16", output);
        Assert.Contains("OCR: tesseract", output);
        Assert.Contains("ok    regels: sha256:", output);
    }

    [Fact]
    public void Without_poppler_doctor_warns_with_the_install_command_and_names_the_embedded_engine()
    {
        var empty = Directory.CreateTempSubdirectory("policylens-no-poppler-").FullName;
        try
        {
            var (code, output, _) = Run("doctor", "--poppler", empty);
            Assert.Equal(0, code);
            Assert.Contains("let op  PDF-lezer: poppler is niet gevonden", output);
            Assert.Contains("apt-get install poppler-utils", output);
            Assert.Contains("ok    PDF-lezer: PdfPig", output);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}

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
        Assert.Contains("ok    PDF-ondersteuning: poppler", output);
        Assert.Contains("ok    regels: sha256:", output);
    }

    [Fact]
    public void Doctor_fails_with_the_install_command_when_poppler_is_missing()
    {
        var empty = Directory.CreateTempSubdirectory("policylens-no-poppler-").FullName;
        try
        {
            var (code, output, _) = Run("doctor", "--poppler", empty);
            Assert.Equal(1, code);
            Assert.Contains("FOUT  PDF-ondersteuning ontbreekt", output);
            Assert.Contains("apt-get install poppler-utils", output);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}

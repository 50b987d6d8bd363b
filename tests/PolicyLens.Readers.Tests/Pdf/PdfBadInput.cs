using System.Diagnostics;
using PolicyLens.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>Files that cannot be read give a failed output with the file name and a specific reason.</summary>
public sealed class PdfBadInput
{
    [Theory]
    [InlineData("empty.pdf", "is empty (0 bytes)")]
    [InlineData("garbage.pdf", "is not a PDF file (it does not start with %PDF-)")]
    [InlineData("truncated.pdf", "is truncated or damaged")]
    [InlineData("encrypted-user-password.pdf", "is password-protected")]
    [InlineData("scanned.pdf", "has no text layer on any of its 2 pages (it looks scanned); OCR is not enabled")]
    public void A_file_that_cannot_be_read_fails_with_its_name_and_the_reason(string name, string reason)
    {
        var output = PdfFixtures.Read(name);
        Assert.Empty(output.Blocks);
        var error = Assert.Single(output.Issues);
        Assert.Equal(IssueSeverity.Error, error.Severity);
        Assert.StartsWith(name + " ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Without_poppler_the_message_says_how_to_install_it()
    {
        var options = new PdfReaderOptions { PopplerDirectory = Path.Combine(Path.GetTempPath(), "no-poppler-here-" + Guid.NewGuid().ToString("N")), UseEmbeddedEngine = false };
        var output = PdfFixtures.Read("plan.pdf", options);
        var error = Assert.Single(output.Issues);
        Assert.Contains("plan.pdf cannot be read: PDF support needs poppler-utils (pdftohtml, pdfinfo).", error.Message);
        Assert.Contains("apt-get install poppler-utils", error.Message);

        var status = PopplerTextSource.Probe(options);
        Assert.False(status.IsAvailable);
        Assert.Contains("apt-get install poppler-utils", status.Message);
    }

    [Fact]
    public void The_engine_status_reports_the_installed_poppler_version()
    {
        var status = new PdfReader().EngineStatus();
        Assert.True(status.IsAvailable, status.Message);
        Assert.Equal("poppler", status.Engine);
        Assert.Matches(@"^\d+\.\d+", status.Version);
    }

    [Fact]
    public void A_poppler_run_that_exceeds_the_time_limit_is_killed_and_reported()
    {
        if (OperatingSystem.IsWindows()) return;   // the fake engine is a shell script
        var dir = Directory.CreateTempSubdirectory("policylens-fake-poppler-");
        try
        {
            var pidFile = Path.Combine(dir.FullName, "sleeper.pid");
            WriteScript(dir, "pdfinfo", "printf 'Pages:          3\\nEncrypted:      no\\n'");
            // Hangs the way a pathological file can: a child process that never finishes.
            WriteScript(dir, "pdftohtml", $"sleep 60 &\necho $! > '{pidFile}'\nwait");

            var options = new PdfReaderOptions { PopplerDirectory = dir.FullName, TimeLimit = TimeSpan.FromSeconds(2) };
            var output = PdfFixtures.Read("plan.pdf", options);

            var error = Assert.Single(output.Issues);
            Assert.Contains("plan.pdf could not be read within 2 seconds; poppler was stopped.", error.Message);
            var sleeper = int.Parse(File.ReadAllText(pidFile).Trim());
            Assert.False(IsRunning(sleeper), "the child of the timed-out poppler process is still running");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Cancelling_a_read_stops_it_with_an_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new PdfReader().Read(new DocumentSource(PdfFixtures.PathOf("plan.pdf")), PolicyLens.Documents.DocumentFormat.Pdf, cts.Token));
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void WriteScript(DirectoryInfo dir, string name, string body)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool IsRunning(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                if (p.HasExited) return false;
            }
            catch (ArgumentException)
            {
                return false;
            }
            Thread.Sleep(100);
        }
        return true;
    }
}

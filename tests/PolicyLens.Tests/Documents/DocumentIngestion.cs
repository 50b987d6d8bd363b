using System.Security.Cryptography;
using PolicyLens.Documents;

namespace PolicyLens.Tests.Documents;

public sealed class DocumentIngestion : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DocumentSource File(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return new DocumentSource(path);
    }

    private DocumentSource Text(string name, string text) => File(name, System.Text.Encoding.UTF8.GetBytes(text));

    private sealed class FakeReader(Func<ReaderOutput> read, params DocumentFormat[] formats) : IDocumentReader
    {
        public IReadOnlyCollection<DocumentFormat> Formats => formats;
        public ReaderOutput Read(DocumentSource source, DocumentFormat format, CancellationToken cancellationToken = default) => read();
    }

    private static FakeReader Reader(params Block[] blocks) => new(() => new ReaderOutput(blocks), DocumentFormat.Text, DocumentFormat.Markdown);

    [Fact]
    public void Direction_overrides_are_stripped_from_the_file_name_and_the_title()
    {
        // "rapport<RLO>fdp.md" shows as "rapportdm.pdf" in a browser (issue 17).
        var source = Text("plan.md", "Gewone tekst over ontmoeting in de wijk.");
        var renamed = new DocumentSource(source.Path, "rapport\u202Efdp\u2066.md");
        Assert.Equal("rapportfdp.md", renamed.FileName);
        var result = new DocumentIngestor([Reader(new Block(BlockKind.Paragraph, "Tekst"))]).Ingest(renamed);
        Assert.Equal("rapportfdp", result.Document!.Title);
        Assert.Equal("gewoon", BidiControls.Strip("gewoon"));
        Assert.Equal("ab", BidiControls.Strip("\u200Fa\u061Cb\u202A"));
    }

    [Fact]
    public void An_empty_file_fails_with_its_name_and_what_to_do()
    {
        var result = new DocumentIngestor([Reader()]).Ingest(File("leeg.txt", []));
        Assert.False(result.Succeeded);
        Assert.StartsWith("leeg.txt: ", result.Error);
        Assert.Contains("empty", result.Error);
        Assert.Equal(IssueCode.EmptyFile, result.Failure!.Code);
        Assert.Equal("leeg.txt: het bestand is leeg (0 bytes). Kies het bestand waarin de tekst van het plan staat.", IssueMessages.Describe(result.Failure, "leeg.txt"));
    }

    [Fact]
    public void A_PDF_without_a_PDF_reader_fails_clearly()
    {
        var result = new DocumentIngestor([Reader()]).Ingest(File("plan.pdf", "%PDF-1.4\n%%EOF"u8.ToArray()));
        Assert.Contains("no PDF reader", result.Error);
        Assert.Equal("deze versie van PolicyLens heeft geen lezer voor een PDF. Gebruik het plan als DOCX of PDF.", IssueMessages.Reason(result.Failure!));
    }

    [Fact]
    public void A_reader_that_throws_becomes_a_failed_result()
    {
        var throwing = new FakeReader(() => throw new InvalidOperationException("kapot"), DocumentFormat.Text);
        var result = new DocumentIngestor([throwing]).Ingest(Text("plan.txt", "Tekst"));
        Assert.False(result.Succeeded);
        Assert.Contains("kapot", result.Error);
        Assert.StartsWith("plan.txt: ", result.Error);
        Assert.Equal(IssueCode.Unexpected, result.Failure!.Code);
    }

    [Fact]
    public void A_reader_failure_message_is_prefixed_with_the_file_name()
    {
        var failing = new FakeReader(() => ReaderOutput.Failed(IngestionIssue.Error(IssueCode.NotUtf8, "the text is not valid UTF-8").With("offset", 1234)), DocumentFormat.Text);
        var result = new DocumentIngestor([failing]).Ingest(Text("plan.txt", "Tekst"));
        Assert.Equal("plan.txt: the text is not valid UTF-8.", result.Error);
        Assert.StartsWith("de tekst is niet als UTF-8 opgeslagen (eerste ongeldige byte op positie 1.234).", IssueMessages.Reason(result.Failure!));
    }

    [Fact]
    public void A_document_without_text_fails()
    {
        var result = new DocumentIngestor([Reader(new Block(BlockKind.Paragraph, "  "))]).Ingest(Text("plan.txt", "x"));
        Assert.Contains("contains no text", result.Error);
        Assert.Equal(IssueCode.NoText, result.Failure!.Code);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var result = new DocumentIngestor([Reader()], new IngestionOptions { MaxFileSizeBytes = 10 }).Ingest(Text("plan.txt", new string('x', 100)));
        Assert.Contains("more than the limit", result.Error);
        Assert.Equal(IssueCode.FileTooLarge, result.Failure!.Code);
    }

    [Fact]
    public void The_title_is_the_first_heading_when_metadata_has_none_and_the_hash_is_SHA256()
    {
        var source = Text("plan.txt", "inhoud");
        var result = new DocumentIngestor([Reader(new Block(BlockKind.Paragraph, "Een inleidende zin over het plan van de gemeente."), new Block(BlockKind.Heading, "Meerjarenplan Lindeveld", headingLevel: 1))]).Ingest(source);
        Assert.True(result.Succeeded);
        Assert.Equal("Meerjarenplan Lindeveld", result.Document!.Title);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(source.Path))), result.Document.ContentHash);
        Assert.Equal(DocumentFormat.Text, result.Document.Format);
    }

    [Fact]
    public void Without_metadata_or_headings_the_title_is_the_file_name() =>
        Assert.Equal("plan-lindeveld", new DocumentIngestor([Reader(new Block(BlockKind.Paragraph, "Een zin over het plan van de gemeente Lindeveld."))]).Ingest(Text("plan-lindeveld.txt", "x")).Document!.Title);

    [Fact]
    public void A_reader_that_overruns_its_time_limit_is_stopped()
    {
        var slow = new SlowReader();
        var result = new DocumentIngestor([slow], new IngestionOptions { ReaderTimeLimit = TimeSpan.FromMilliseconds(50) }).Ingest(Text("plan.txt", "x"));
        Assert.Contains("took longer than the limit", result.Error);
        Assert.Equal(IssueCode.TimedOut, result.Failure!.Code);
    }

    private sealed class SlowReader : IDocumentReader
    {
        public IReadOnlyCollection<DocumentFormat> Formats => [DocumentFormat.Text];

        public ReaderOutput Read(DocumentSource source, DocumentFormat format, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(5);
            }
        }
    }
}

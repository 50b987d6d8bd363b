using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>
/// The two engines behind the reader: poppler (processes) and PdfPig (a worker process), the
/// fallback between them, and hostile files that must fail alone, with a specific message, in both.
/// </summary>
public sealed class PdfEngines : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly PdfReaderOptions NoPoppler = new() { PopplerDirectory = Path.Combine(Path.GetTempPath(), "no-poppler-" + Guid.NewGuid().ToString("N")) };

    private static PdfReader Engine(string engine, PdfReaderOptions? options = null)
    {
        options ??= new PdfReaderOptions { WorkerMemoryLimitMegabytes = 128, TimeLimit = TimeSpan.FromSeconds(60) };
        return engine == "poppler" ? new PdfReader(options with { UseEmbeddedEngine = false }) : new PdfReader(options, new PdfPigWorkerSource(options));
    }

    private static ReaderOutput Read(PdfReader reader, string path) => reader.Read(new DocumentSource(path), PolicyLens.Documents.DocumentFormat.Pdf);

    [Fact]
    public void The_PdfPig_worker_is_found_next_to_the_program_and_reports_its_version()
    {
        var status = new PdfPigWorkerSource().GetStatus();
        Assert.True(status.IsAvailable, status.Message);
        Assert.Equal("0.1.16", status.Version);
    }

    [Fact]
    public void Without_poppler_the_embedded_engine_reads_the_plan_and_the_result_says_so()
    {
        var result = DefaultReaders.CreateIngestor(pdf: NoPoppler).Ingest(new DocumentSource(PdfFixtures.PathOf("plan.pdf")));
        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("PdfPig 0.1.16", result.Document!.ReadBy);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("poppler"));
        var poppler = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(PdfFixtures.PathOf("plan.pdf")));
        Assert.Equal("poppler", poppler.Document!.ReadBy);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("two-columns")]
    [InlineData("two-columns-narrow")]
    [InlineData("table")]
    public void PdfPig_gives_the_same_words_as_poppler(string name)
    {
        var poppler = Read(Engine("poppler"), PdfFixtures.PathOf(name + ".pdf"));
        var pdfpig = Read(Engine("pdfpig"), PdfFixtures.PathOf(name + ".pdf"));
        string Text(ReaderOutput o) => string.Join("\n", o.Blocks.Select(b => string.Join(" ", b.TableHeaders) + " " + b.Text));
        var same = PdfFixtures.WordRecall(Text(poppler), Text(pdfpig));
        var source = PdfFixtures.WordRecall(PdfFixtures.SourceText(name), Text(pdfpig));
        Assert.True(same >= 0.95 && source >= 0.97, $"PdfPig's words: {same:0.000} of poppler's, {source:0.000} of the source's");
    }

    public static TheoryData<string, string, string?> Hostile() => new()
    {
        // file, engine, what the message must say (null: the engine reads what there is, without harm)
        { "random", "poppler", "is damaged" },
        { "random", "pdfpig", "is damaged" },
        { "bomb", "poppler", "contains no text" },
        { "bomb", "pdfpig", "needs more memory than the limit of 128 MB" },
        { "cyclic", "poppler", "is damaged" },
        { "cyclic", "pdfpig", "is damaged" },
        { "huge", "poppler", "is damaged" },
        { "huge", "pdfpig", null },
        { "deep", "poppler", null },
        { "deep", "pdfpig", null },
        { "type4", "poppler", null },
        { "type4", "pdfpig", "made the PDF engine crash (PdfPig: stack overflow)" },
        { "font", "poppler", null },
        { "font", "pdfpig", null },
    };

    private byte[] Bytes(string name) => name switch
    {
        "random" => HostilePdfs.Random(),
        "bomb" => HostilePdfs.DecompressionBomb(256),
        "cyclic" => HostilePdfs.CyclicPageTree(),
        "huge" => HostilePdfs.HugePageCount(),
        "deep" => HostilePdfs.DeepNesting(),
        "type4" => HostilePdfs.NestedType4Functions(),
        "font" => HostilePdfs.CrashingFont(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_pdf_fails_alone_with_a_specific_message_in_each_engine(string name, string engine, string? expected)
    {
        var reader = Engine(engine);
        var path = _files.Write(name + ".pdf", Bytes(name));
        var output = Read(reader, path);
        if (expected is null)
        {
            Assert.DoesNotContain(output.Issues, i => i.Severity == IssueSeverity.Error && !i.Message.Contains("no text"));
        }
        else
        {
            var error = Assert.Single(output.Issues, i => i.Severity == IssueSeverity.Error);
            Assert.StartsWith(name + ".pdf ", error.Message);
            Assert.Contains(expected, error.Message);
        }
        // The same reader goes on with the next file.
        var good = Read(reader, _files.Write("goed-" + name + ".pdf", HostilePdfs.Good()));
        Assert.Contains("ontmoetingsplek", Assert.Single(good.Blocks).Text);
    }

    [Fact]
    public void When_poppler_fails_on_a_file_the_embedded_engine_is_tried_and_both_are_named()
    {
        var output = new PdfReader(new PdfReaderOptions { WorkerMemoryLimitMegabytes = 128 }).Read(new DocumentSource(_files.Write("stuk.pdf", HostilePdfs.Random())), PolicyLens.Documents.DocumentFormat.Pdf);
        var error = Assert.Single(output.Issues);
        Assert.Contains("stuk.pdf is damaged", error.Message);
        Assert.Contains("PdfPig", error.Message);
    }

    [Fact]
    public void Every_engine_and_OCR_report_their_status()
    {
        var statuses = new PdfReader().EngineStatuses();
        Assert.Equal(["poppler", "PdfPig", "tesseract"], statuses.Select(s => s.Engine));
        Assert.All(statuses, s => Assert.True(s.IsAvailable, s.Message));
    }
}

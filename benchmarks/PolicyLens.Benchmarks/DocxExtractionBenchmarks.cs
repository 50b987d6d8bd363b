using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;

namespace PolicyLens.Benchmarks;

/// <summary>
/// Full ingestion (archive checks, DOCX reading, passage building) of generated plans of 30,
/// 100 and 300 pages. Time per page should stay flat: compare Mean / Pages across the rows.
/// A "page" here is what Word lays out on one A4 page: an action heading, four paragraphs of
/// about 600 characters, three list items and a four-row table (about 3,300 characters).
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*Docx*' --job short
/// </summary>
[MemoryDiagnoser]
public class DocxExtractionBenchmarks
{
    private string _path = string.Empty;
    private DocumentIngestor _ingestor = null!;

    [Params(30, 100, 300)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"policylens-bench-{Pages}p-{Environment.ProcessId}.docx");
        WritePlan(_path, Pages);
        _ingestor = DefaultReaders.CreateIngestor();
        var check = _ingestor.Ingest(new DocumentSource(_path));
        if (!check.Succeeded) throw new InvalidOperationException(check.Error);
        Console.WriteLine($"// {Pages} pages: {new FileInfo(_path).Length / 1024.0:0} KB on disk, {check.PlainText.Length / 1024.0:0} K characters, {check.Passages.Count} passages");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int Ingest() => _ingestor.Ingest(new DocumentSource(_path)).Passages.Count;

    /// <summary>Writes a generated plan; different seeds give different text (and so different content hashes).</summary>
    internal static void WritePlan(string path, int pages, int seed = 42)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            Style("Kop1", "heading 1"), Style("Kop2", "heading 2"), Style("Kop3", "heading 3"));
        var body = new Body();
        var random = new Random(seed);
        for (var page = 0; page < pages; page++)
        {
            var bd = page / 20 + 1;
            var ap = page / 5 % 4 + 1;
            if (page % 20 == 0) body.Append(Heading("Kop1", $"Beleidsdoelstelling {bd}: Een gemeente waar iedereen meetelt"));
            if (page % 5 == 0) body.Append(Heading("Kop2", $"Actieplan {bd}.{ap}: Ontmoeting en ondersteuning in de wijk"));
            body.Append(Heading("Kop3", $"Actie {bd}.{ap}.{page % 5 + 1}: Buurtwerking in deelkern {page + 1}"));
            for (var p = 0; p < 4; p++) body.Append(Paragraph(Sentences(random, 6)));
            for (var i = 0; i < 3; i++) body.Append(Paragraph($"Aandachtspunt {i + 1}: {Sentences(random, 1)}"));
            body.Append(Table(random));
        }
        main.Document = new Document(body);
    }

    private static readonly string[] Words =
    [
        "de", "gemeente", "organiseert", "samen", "met", "vrijwilligers", "wekelijks", "ontmoetingen", "in", "het", "buurtpunt",
        "voor", "inwoners", "die", "alleen", "wonen", "en", "zoekt", "actief", "naar", "wie", "zich", "terugtrekt", "uit",
        "verenigingsleven", "sociale", "dienst", "ondersteunt", "mantelzorgers", "bibliotheek", "jongeren", "ouderen",
    ];

    private static string Sentences(Random random, int count)
    {
        var parts = new List<string>();
        for (var s = 0; s < count; s++)
        {
            var words = Enumerable.Range(0, 14).Select(_ => Words[random.Next(Words.Length)]).ToArray();
            words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
            parts.Add(string.Join(' ', words) + ".");
        }
        return string.Join(' ', parts);
    }

    private static Style Style(string id, string name) =>
        new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

    private static Paragraph Heading(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(Random random)
    {
        static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));
        var table = new Table(new TableRow(new TableRowProperties(new TableHeader()), Cell("Jaar"), Cell("Budget"), Cell("Partner")));
        for (var year = 2026; year < 2029; year++)
            table.Append(new TableRow(Cell(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell($"{random.Next(5, 90)}.000 euro"), Cell("Dienst welzijn")));
        return table;
    }
}

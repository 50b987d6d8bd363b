using System.Diagnostics;
using System.Text;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using Xunit.Abstractions;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>
/// The real municipal and sector PDFs of <c>../shared/real-docs</c> (read in place, never copied):
/// what an advisor uploads. Word recall is measured against poppler's own <c>pdftotext</c>.
/// </summary>
public sealed class RealDocuments(ITestOutputHelper output)
{
    public static string Folder => Path.GetFullPath(Path.Combine(PdfFixtures.RepoRoot, "..", "shared", "real-docs"));

    /// <summary>The 2019 annual account: every font is Type 3 without a Unicode map; its text layer is symbol soup.</summary>
    public const string SymbolSoup = "nl-wassenaar_jaarstukken-2019.pdf";

    /// <summary>Every real PDF whose text layer is usable.</summary>
    public static TheoryData<string> Readable()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllPdfs().Where(f => f != SymbolSoup)) data.Add(file);
        return data;
    }

    public static IEnumerable<string> AllPdfs() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.pdf").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)
            : throw new InvalidOperationException($"The real documents are missing: {Folder} (see shared/real-docs/SOURCES.md).");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IngestionResult>> Results = new();

    /// <summary>Each file is read once per test run: reading all of them takes a while.</summary>
    public static IngestionResult Ingest(string file) =>
        Results.GetOrAdd(file, f => new Lazy<IngestionResult>(() => DefaultReaders.CreateIngestor().Ingest(new DocumentSource(Path.Combine(Folder, f))))).Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Reference = new();

    /// <summary>What pdftotext (plain mode) gives for the file: the reference for word recall.</summary>
    public static string PdfToText(string file) => Reference.GetOrAdd(file, RunPdfToText);

    private static string RunPdfToText(string file)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-enc", "UTF-8", Path.Combine(Folder, file), "-" }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    /// <summary>All the words of the result (table rows carry their headers in the passage text).</summary>
    public static string ExtractedText(IngestionResult result) => result.PlainText;

    /// <summary>
    /// pdftotext's text without page furniture: lines that recur (digits aside) on at least a fifth
    /// of the pages, at least three, such as "Pagina 7 van 120" or a running title. PolicyLens
    /// removes those on purpose, so counting them as lost would measure the wrong thing. The rule
    /// looks at pdftotext's output only, never at what PolicyLens removed.
    /// </summary>
    public static string WithoutFurniture(string reference)
    {
        var pages = reference.Split('\f');
        static string Key(string line) => string.Join(' ', new string(line.Trim().ToLowerInvariant().Select(c => char.IsDigit(c) ? '#' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var pagesPerLine = pages.SelectMany(p => p.Split('\n').Select(Key).Where(k => k.Length > 0).Distinct())
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var min = Math.Max(3, pages.Length / 5);
        return string.Join("\n", pages.SelectMany(p => p.Split('\n')).Where(l => pagesPerLine.GetValueOrDefault(Key(l)) < min));
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void At_least_97_percent_of_pdftotext_words_come_back(string file)
    {
        var result = Ingest(file);
        Assert.True(result.Succeeded, result.Error);
        var recall = PdfFixtures.WordRecall(WithoutFurniture(PdfToText(file)), ExtractedText(result));
        output.WriteLine($"{file}: {result.Passages.Count} passages, word recall {recall:0.000}");
        Assert.True(recall >= 0.97, $"word recall of {file} without page furniture is {recall:0.000}");
        // Even counting the running headers and footers PolicyLens removes, little is lost.
        Assert.True(PdfFixtures.WordRecall(PdfToText(file), ExtractedText(result)) >= 0.95);
    }

    /// <summary>Prints the figures of every real PDF as a Markdown table (run with a console logger to see it).</summary>
    [Fact]
    public void The_recall_table_covers_every_real_pdf()
    {
        var sb = new StringBuilder("| file | pages | passages | table rows | recall (no furniture) | recall (all pdftotext words) | issues |\n|---|---|---|---|---|---|---|\n");
        var rows = 0;
        foreach (var file in AllPdfs())
        {
            var result = Ingest(file);
            var reference = PdfToText(file);
            string Recall(string r) => result.Succeeded ? PdfFixtures.WordRecall(r, ExtractedText(result)).ToString("0.000") : "failed";
            sb.Append($"| {file} | {result.Document?.PageCount} | {result.Passages.Count} | {result.Passages.Count(p => p.Kind == PolicyLens.Passages.PassageKind.TableRow)} | {Recall(WithoutFurniture(reference))} | {Recall(reference)} | {result.Issues.Count} |\n");
            rows++;
        }
        output.WriteLine(sb.ToString());
        if (Environment.GetEnvironmentVariable("POLICYLENS_RECALL_TABLE") is { Length: > 0 } path) File.WriteAllText(path, sb.ToString());
        Assert.Equal(AllPdfs().Count(), rows);
    }

    [Theory]
    [InlineData("nl-wassenaar_programmabegroting-2026.pdf")]
    [InlineData("nl-wassenaar_programmabegroting-2025-geamendeerd.pdf")]
    [InlineData("nl-wassenaar_programmabegroting-2024.pdf")]
    [InlineData("nl-wassenaar_programmabegroting-2021-2024.pdf")]
    public void Tables_of_contents_never_become_passages(string file)
    {
        var result = Ingest(file);
        Assert.DoesNotContain(result.Passages, p => p.Text.Contains("....."));
        var toc = Assert.Single(result.Issues, i => i.Message.Contains("table of contents"));
        Assert.Equal(IssueSeverity.Warning, toc.Severity);
    }

    [Fact]
    public void A_number_table_of_a_budget_becomes_rows_with_their_column_headers()
    {
        var result = Ingest("nl-wassenaar_programmabegroting-2026.pdf");
        var row = Assert.Single(result.Passages, p => p.Kind == PolicyLens.Passages.PassageKind.TableRow && p.Text.Contains("Percentage eenzaamheid"));
        Assert.Equal(28, row.Page);
        Assert.Equal("Effectindicator: Percentage eenzaamheid***; Peilwaarde: 49 (2024); Streefwaarde 2026 (%): 46; Streefwaarde 2027 (%): 45; Streefwaarde 2028 (%): 45; Streefwaarde 2029 (%): 45", row.Text);
        var lasten = Assert.Single(result.Passages, p => p.Page == 28 && p.Kind == PolicyLens.Passages.PassageKind.TableRow && p.Text.Contains("Rekening 2024: -40.543"));
        Assert.Contains("Begroting 2026: -41.536", lasten.Text);
    }

    [Fact]
    public void An_annual_account_whose_text_layer_is_symbol_soup_fails_with_the_pages_and_what_to_do()
    {
        var result = Ingest(SymbolSoup);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Passages);
        Assert.StartsWith(SymbolSoup + ": ", result.Error);
        Assert.Contains("has no usable text", result.Error);
        Assert.Contains("of its 203 pages carry a text layer that is not language", result.Error);
        Assert.Contains("Enable OCR (PolicyLens:Ocr:Enabled", result.Error);
    }

    [Fact]
    public void Running_footers_of_a_real_export_are_removed()
    {
        var result = Ingest("nl-wassenaar_programmabegroting-2026.pdf");
        Assert.DoesNotContain(result.Passages, p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"Pagina \d+ van 120"));
        var iv3 = Ingest("nl-bzk-cbs_iv3-informatievoorschrift-gemeenten-2026.pdf");
        Assert.DoesNotContain(iv3.Passages, p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"blad \d+ van 86"));
    }
}

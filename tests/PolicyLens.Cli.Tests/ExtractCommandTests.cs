using System.Text.Json;
using PolicyLens.Cli;

namespace PolicyLens.Cli.Tests;

public sealed class ExtractCommand : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) => CliHarness.Fixture(name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Json_output_has_the_documented_shape()
    {
        var (code, output, _) = Run("extract", Fixture("lindeveld-plan.docx"), "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["title", "format", "pages", "readBy", "passages", "issues"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Meerjarenplan 2026–2031 gemeente Lindeveld", root.GetProperty("title").GetString());
        Assert.Equal("docx", root.GetProperty("format").GetString());
        var passage = root.GetProperty("passages")[3];
        Assert.Equal(["number", "ordinal", "page", "headings", "kind", "text", "ocr"], passage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, passage.GetProperty("number").GetInt32()); // as the web app numbers passages
        Assert.Equal(3, passage.GetProperty("ordinal").GetInt32());
        Assert.Equal(JsonValueKind.Array, passage.GetProperty("headings").ValueKind);
        Assert.Contains(root.GetProperty("passages").EnumerateArray(), p => p.GetProperty("kind").GetString() == "table-row");
        Assert.Equal(0, root.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public void Text_output_shows_heading_paths()
    {
        var (code, output, _) = Run("extract", Fixture("lindeveld-plan.md"));
        Assert.Equal(0, code);
        Assert.Contains("§ Meerjarenplan 2026–2031 gemeente Lindeveld › Beleidsdoelstelling 2: Lindeveld is toegankelijk voor iedereen › Actieplan 2.1: Vervoer op maat", output);
        Assert.Contains("list-item: 1. We werven tien extra vrijwillige chauffeurs.", output);
        Assert.Contains("\n[1] § Meerjarenplan 2026–2031 gemeente Lindeveld", output); // numbered from 1, like the web app
        Assert.DoesNotContain("[0]", output);
    }

    [Fact]
    public void An_unreadable_file_exits_1_with_the_file_and_reason_on_stderr_and_no_stack_trace()
    {
        var path = Path.Combine(_dir, "beveiligd.docx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);
        var (code, output, error) = Run("extract", path);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal($"policylens: {path}: het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord, of vraag de maker om een versie zonder wachtwoord, en probeer het opnieuw.",
            error.TrimEnd());
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Verbose_adds_the_english_detail_under_the_dutch_message()
    {
        var path = Path.Combine(_dir, "beveiligd.docx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);
        var (code, _, error) = Run("extract", path, "--verbose");
        Assert.Equal(1, code);
        var lines = error.TrimEnd().Split(Environment.NewLine);
        Assert.Contains("beveiligd met een wachtwoord", lines[0]);
        Assert.StartsWith("  detail: ", lines[1]);
        Assert.Contains("password-protected", lines[1]);
    }

    [Fact]
    public void A_text_file_named_pdf_is_refused_naming_the_extension_and_the_content()
    {
        var path = Path.Combine(_dir, "plan.pdf");
        File.WriteAllText(path, "dit is geen pdf\n");
        var (code, output, error) = Run("extract", path);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"policylens: {path}: de naam eindigt op '.pdf', maar de inhoud is platte tekst.", error);
    }

    [Fact]
    public void A_missing_file_exits_1()
    {
        var (code, _, error) = Run("extract", Path.Combine(_dir, "bestaat-niet.docx"));
        Assert.Equal(1, code);
        Assert.Contains("bestand niet gevonden", error);
    }

    [Fact]
    public void An_unknown_output_format_is_a_usage_error()
    {
        var (code, _, _) = Run("extract", Fixture("lindeveld-plan.md"), "--format", "xml");
        Assert.Equal(2, code);
    }

    [Fact]
    public void A_mismatched_extension_is_read_with_a_warning_on_stderr()
    {
        var path = Path.Combine(_dir, "plan.docx");
        File.Copy(Fixture("lindeveld-plan.html"), path);
        var (code, _, error) = Run("extract", path);
        Assert.Equal(0, code);
        Assert.Contains("waarschuwing: de naam eindigt op '.docx', maar de inhoud is een webpagina (HTML)", error);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// What a PDF worker process writes on stdout, one JSON object per line: an <c>info</c> line, one
/// <c>page</c> line per page, then <c>done</c>; or an <c>error</c> line with a
/// <see cref="PdfFailureKind"/>. A worker that dies before <c>done</c> has crashed. Both sides
/// use these types, so the format is written down once.
/// </summary>
public static class PdfWorkerProtocol
{
    /// <summary>Exit code of a worker that reported a failure of the file (not a crash).</summary>
    public const int FileFailed = 3;

    public sealed record Message
    {
        [JsonPropertyName("type")] public string Type { get; init; } = "";
        [JsonPropertyName("pages")] public int Pages { get; init; }
        [JsonPropertyName("encrypted")] public bool Encrypted { get; init; }
        [JsonPropertyName("producer")] public string? Producer { get; init; }
        [JsonPropertyName("title")] public string? Title { get; init; }
        [JsonPropertyName("engine")] public string? Engine { get; init; }
        [JsonPropertyName("number")] public int Number { get; init; }
        [JsonPropertyName("width")] public double Width { get; init; }
        [JsonPropertyName("height")] public double Height { get; init; }
        [JsonPropertyName("images")] public bool Images { get; init; }
        [JsonPropertyName("runs")] public List<Run>? Runs { get; init; }
        [JsonPropertyName("kind")] public string? Kind { get; init; }
        [JsonPropertyName("detail")] public string? Detail { get; init; }
    }

    public sealed record Run(
        [property: JsonPropertyName("x")] double X,
        [property: JsonPropertyName("y")] double Y,
        [property: JsonPropertyName("w")] double Width,
        [property: JsonPropertyName("h")] double Height,
        [property: JsonPropertyName("s")] double Size,
        [property: JsonPropertyName("b")] bool Bold,
        [property: JsonPropertyName("i")] bool Italic,
        [property: JsonPropertyName("t")] string Text);

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public static string Info(int pages, bool encrypted, string? producer, string? title, string engine) =>
        JsonSerializer.Serialize(new Message { Type = "info", Pages = pages, Encrypted = encrypted, Producer = producer, Title = title, Engine = engine }, Json);

    public static string Page(PdfPageText page) => JsonSerializer.Serialize(new Message
    {
        Type = "page", Number = page.Number, Width = page.Width, Height = page.Height, Images = page.HasImages,
        Runs = page.Runs.Select(r => new Run(Math.Round(r.X, 2), Math.Round(r.Y, 2), Math.Round(r.Width, 2), Math.Round(r.Height, 2), Math.Round(r.FontSize, 2), r.Bold, r.Italic, r.Text)).ToList(),
    }, Json);

    public static string Error(PdfFailureKind kind, string detail) =>
        JsonSerializer.Serialize(new Message { Type = "error", Kind = kind.ToString(), Detail = detail }, Json);

    public static string Done() => JsonSerializer.Serialize(new Message { Type = "done" }, Json);

    public static Message Parse(string line) => JsonSerializer.Deserialize<Message>(line, Json) ?? throw new JsonException("empty message");

    /// <summary>A page message as a page; runs the worker could not position are dropped.</summary>
    public static PdfPageText ToPage(Message m)
    {
        var runs = new List<PdfTextRun>(m.Runs?.Count ?? 0);
        foreach (var r in m.Runs ?? [])
            if (double.IsFinite(r.X) && double.IsFinite(r.Y) && r.Width >= 0 && r.Height >= 0 && r.Size > 0 && r.Text is not null)
                runs.Add(new PdfTextRun(r.X, r.Y, r.Width, r.Height, r.Size, r.Bold, r.Italic, r.Text));
        return new PdfPageText(m.Number, m.Width > 0 ? m.Width : 595, m.Height > 0 ? m.Height : 842, runs, m.Images);
    }
}

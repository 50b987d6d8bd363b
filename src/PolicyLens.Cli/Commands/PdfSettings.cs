using System.Text.Json;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// The PDF keys of appsettings.json the CLI honours like the web app: <c>PolicyLens:PopplerPath</c>,
/// <c>PolicyLens:PopplerTimeoutSeconds</c>, <c>PolicyLens:PdfPigWorkerPath</c> and the
/// <c>PolicyLens:Ocr</c> section (<c>Enabled</c>, <c>TesseractPath</c>, <c>Languages</c>), each
/// overridable by its environment variable (<c>PolicyLens__Ocr__Enabled=true</c>).
/// </summary>
internal static class PdfSettings
{
    public static PdfReaderOptions Load(string? popplerOverride = null) => Load(CliSettings.Current.AppSettingsPath, Environment.GetEnvironmentVariable, popplerOverride);

    internal static PdfReaderOptions Load(string? appSettingsPath, Func<string, string?> environment, string? popplerOverride = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (appSettingsPath is not null && File.Exists(appSettingsPath))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(appSettingsPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("PolicyLens", out var section) && section.ValueKind == JsonValueKind.Object)
                    Flatten(section, "", values);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // An unreadable file leaves the defaults, as for the database path.
            }
        }
        string? Get(string key) => environment("PolicyLens__" + key.Replace(":", "__")) is { Length: > 0 } env ? env : values.GetValueOrDefault(key);
        var options = new PdfReaderOptions
        {
            PopplerDirectory = popplerOverride ?? (Get("PopplerPath") is { Length: > 0 } p ? p : null),
            PdfPigWorkerPath = Get("PdfPigWorkerPath") is { Length: > 0 } w ? w : null,
            Ocr = new PdfOcrOptions
            {
                Enabled = bool.TryParse(Get("Ocr:Enabled"), out var on) && on,
                TesseractDirectory = Get("Ocr:TesseractPath") is { Length: > 0 } t ? t : null,
                Languages = Get("Ocr:Languages") is { Length: > 0 } l ? l : "nld+eng",
            },
        };
        if (int.TryParse(Get("PopplerTimeoutSeconds"), out var seconds) && seconds > 0) options = options with { TimeLimit = TimeSpan.FromSeconds(seconds) };
        return options;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object) Flatten(property.Value, key + ":", values);
            else values[key] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
        }
    }
}

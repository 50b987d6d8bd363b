using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyLens.Tagging;

namespace PolicyLens.Llm;

/// <summary>The cache's view of a review: the key of a passage and the stored form of an answer.</summary>
public static class ReviewAnswer
{
    /// <summary>
    /// SHA-256 (hex) of what the model sees of a passage: its headings and its text. The same
    /// passage in two plans shares one answer.
    /// </summary>
    public static string PassageHash(TaggingInput passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var builder = new StringBuilder();
        foreach (var heading in passage.Headings) builder.Append(heading).Append('\u001f');
        builder.Append('\u001e').Append(passage.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private sealed record StoredLabel(
        [property: JsonPropertyName("dimension")] string Dimension,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("quote")] string Quote,
        [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("length")] int Length);

    private sealed record StoredDrop(
        [property: JsonPropertyName("dimension")] string Dimension,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("reason")] DropReason Reason);

    private sealed record Stored(
        [property: JsonPropertyName("labels")] List<StoredLabel> Labels,
        [property: JsonPropertyName("dropped")] List<StoredDrop> Dropped);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(ParsedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return JsonSerializer.Serialize(new Stored(
            [.. reply.Labels.Select(l => new StoredLabel(l.Dimension, l.Label, l.Quote, l.Start, l.Length))],
            [.. reply.Dropped.Select(d => new StoredDrop(d.Dimension, d.Label, d.Reason))]), Json);
    }

    /// <summary>The stored answer, checked against the passage again; null when it cannot be read (it is then asked anew).</summary>
    public static ParsedReply? Deserialize(string answer, string passageText)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(answer, Json);
            if (stored?.Labels is null) return null;
            var labels = new List<ReviewedLabel>();
            foreach (var l in stored.Labels)
            {
                if (l.Start < 0 || l.Length <= 0 || l.Start + l.Length > passageText.Length || !LabelCatalog.IsKnown(l.Dimension, l.Label)) return null;
                labels.Add(new ReviewedLabel(l.Dimension, l.Label, passageText.Substring(l.Start, l.Length), l.Start, l.Length));
            }
            return new ParsedReply(labels, [.. (stored.Dropped ?? []).Select(d => new DroppedLabel(d.Dimension, d.Label, d.Reason))]);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

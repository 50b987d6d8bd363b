using System.Text.Json;
using PolicyLens.Tagging;

namespace PolicyLens.Llm;

/// <summary>A reply checked against the passage: the labels that stand, and what was thrown away.</summary>
public sealed record ParsedReply(IReadOnlyList<ReviewedLabel> Labels, IReadOnlyList<DroppedLabel> Dropped);

/// <summary>
/// Validates the model's reply <c>{"element": [...], "type": [...], "level": [...], "evidence": {"id": "quote"}}</c>.
/// A reply that is not such an object is malformed (the reviewer asks once more); within a valid
/// reply, unknown ids and labels whose quote is missing or not in the passage are dropped.
/// </summary>
public static class ReplyParser
{
    /// <summary>The validated reply, or null with a reason (English, for logs) when it is malformed.</summary>
    public static (ParsedReply? Reply, string? Malformed) Parse(string? content, string passageText)
    {
        ArgumentNullException.ThrowIfNull(passageText);
        if (string.IsNullOrWhiteSpace(content)) return (null, "empty reply");
        var json = ExtractObject(content);
        if (json is null) return (null, "no JSON object in the reply");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON ({ex.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "the reply is not a JSON object");
            var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("evidence", out var evidenceElement))
            {
                if (evidenceElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in evidenceElement.EnumerateObject())
                        if (p.Value.ValueKind == JsonValueKind.String) evidence[p.Name] = p.Value.GetString()!;
                }
                else if (evidenceElement.ValueKind != JsonValueKind.Null) return (null, "\"evidence\" is not an object");
            }

            var labels = new List<ReviewedLabel>();
            var dropped = new List<DroppedLabel>();
            var seen = new HashSet<(string, string)>();
            var anyDimension = false;
            foreach (var dimension in ReviewPrompt.Dimensions)
            {
                if (!root.TryGetProperty(dimension, out var list) || list.ValueKind == JsonValueKind.Null) continue;
                if (list.ValueKind != JsonValueKind.Array) return (null, $"\"{dimension}\" is not a list");
                anyDimension = true;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String) return (null, $"\"{dimension}\" holds something other than label ids");
                    var id = Normalise(item.GetString()!, dimension);
                    if (!seen.Add((dimension, id))) continue;
                    if (!LabelCatalog.IsKnown(dimension, id))
                    {
                        dropped.Add(new DroppedLabel(dimension, id, DropReason.UnknownLabel));
                        continue;
                    }
                    var quote = Quote(evidence, dimension, id);
                    if (quote is null)
                    {
                        dropped.Add(new DroppedLabel(dimension, id, DropReason.MissingQuote));
                        continue;
                    }
                    if (QuoteLocator.Find(passageText, quote) is not var (start, length))
                    {
                        dropped.Add(new DroppedLabel(dimension, id, DropReason.QuoteNotInPassage));
                        continue;
                    }
                    labels.Add(new ReviewedLabel(dimension, id, passageText.Substring(start, length), start, length));
                }
            }
            if (!anyDimension) return (null, "the reply names none of element, type and level");
            return (new ParsedReply(labels, dropped), null);
        }
    }

    /// <summary>Ids as models sometimes write them: "Bezig zijn", "element:bezig-zijn".</summary>
    private static string Normalise(string id, string dimension)
    {
        var s = id.Trim().Trim('`').ToLowerInvariant();
        foreach (var prefix in new[] { dimension + ":", dimension + "." })
            if (s.StartsWith(prefix, StringComparison.Ordinal)) s = s[prefix.Length..];
        return s.Replace(' ', '-').Replace('ï', 'i');
    }

    private static string? Quote(Dictionary<string, string> evidence, string dimension, string id)
    {
        foreach (var (key, value) in evidence)
            if (Normalise(key, dimension) == id && !string.IsNullOrWhiteSpace(value)) return value;
        return null;
    }

    /// <summary>The JSON object in a reply, also when wrapped in a code fence or a sentence.</summary>
    private static string? ExtractObject(string content)
    {
        var start = content.IndexOf('{');
        var end = content.LastIndexOf('}');
        return start >= 0 && end > start ? content[start..(end + 1)] : null;
    }
}

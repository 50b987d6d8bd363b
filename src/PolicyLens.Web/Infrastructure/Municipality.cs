using System.Text.RegularExpressions;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>The municipality of a plan when nobody entered it: "Gemeente X" in the title.</summary>
public static partial class Municipality
{
    [GeneratedRegex(@"\b(?:[Gg]emeente|[Ss]tad|OCMW)\s+(?<name>\p{Lu}[\p{L}'-]+(?:\s+(?:aan|op|in|de|den)\s+(?:de\s+)?\p{Lu}[\p{L}'-]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex InTitle();

    public static string? Guess(string? title) => title is not null && InTitle().Match(title) is { Success: true } m ? m.Groups["name"].Value : null;

    public static string? Guess(DocumentSummary document) => Guess(document.Title);

    /// <summary>For demo files named "beekhoven-meerjarenplan-….docx": the first word, capitalised.</summary>
    public static string? FromFileName(string fileName)
    {
        var first = Path.GetFileNameWithoutExtension(fileName).Split('-', '_', ' ')[0];
        return first.Length < 2 || !first.All(char.IsLetter) ? null : char.ToUpperInvariant(first[0]) + first[1..];
    }
}

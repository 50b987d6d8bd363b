using System.Text;

namespace PolicyLens.Storage;

/// <summary>
/// Turns what a user typed into a safe FTS5 match expression: every word becomes a quoted
/// phrase (inner quotes doubled), so operators (AND, OR, NOT, NEAR), brackets, column filters
/// and stray quotes are searched as text and can never cause a syntax error. A trailing
/// <c>*</c> stays a prefix search. All words must occur (implicit AND).
/// </summary>
internal static class FtsQuery
{
    /// <summary>The match expression, or null when the query has no searchable word.</summary>
    public static string? Build(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var builder = new StringBuilder();
        foreach (var raw in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = raw.EndsWith('*');
            var word = raw.TrimEnd('*');
            // A word without letters or digits would be an empty phrase for the tokenizer.
            if (!word.Any(char.IsLetterOrDigit)) continue;
            if (builder.Length > 0) builder.Append(' ');
            builder.Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (prefix) builder.Append('*');
        }
        return builder.Length == 0 ? null : builder.ToString();
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLens.Tagging;

namespace PolicyLens.Llm;

/// <summary>
/// The reviewer's system prompt, read from an editable file (<c>rules/llm/reviewer.md</c>), and
/// the user message that carries one passage. The version is a content hash of what is sent, so
/// an edit of the prompt never reuses answers given to the old one.
/// </summary>
public sealed partial class ReviewPrompt
{
    /// <summary>The dimensions the reviewer judges, in answer order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["element", "type", "level"];

    public const string FileName = "reviewer.md";

    private ReviewPrompt(string systemText, string source)
    {
        SystemText = systemText;
        Source = source;
        Version = "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(systemText)))[..12];
    }

    /// <summary>The system message as sent (the file without its leading comment).</summary>
    public string SystemText { get; }

    /// <summary>"p" + 12 hex digits of the SHA-256 of <see cref="SystemText"/>.</summary>
    public string Version { get; }

    /// <summary>Where the prompt came from (a path), for messages.</summary>
    public string Source { get; }

    /// <summary>The prompt file inside a rules folder: <c>{rules}/llm/reviewer.md</c>.</summary>
    public static string PathIn(string rulesPath) => Path.Join(rulesPath, "llm", FileName);

    /// <summary>Reads and checks a prompt file; a missing or unusable file gives a message instead.</summary>
    public static (ReviewPrompt? Prompt, string? Error) Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: the reviewer's prompt file cannot be read ({ex.Message.TrimEnd('.')}).");
        }
        return Parse(text, path);
    }

    /// <summary>Checks prompt text: not empty, and it names every label id the reviewer may answer.</summary>
    public static (ReviewPrompt? Prompt, string? Error) Parse(string text, string source = "<prompt>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = LeadingComment().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "").Trim();
        if (body.Length == 0) return (null, $"{source}: the reviewer's prompt is empty.");
        var missing = Dimensions.SelectMany(d => LabelCatalog.IdsOf(d).Select(id => (d, id)))
            .Where(x => !body.Contains($"`{x.id}`", StringComparison.Ordinal))
            .Select(x => $"{x.d}:{x.id}")
            .ToList();
        if (missing.Count > 0)
            return (null, $"{source}: the reviewer's prompt does not define {string.Join(", ", missing)}; name every label id in backticks, e.g. `{missing[0].Split(':')[1]}`.");
        return (new ReviewPrompt(body + "\n", source), null);
    }

    /// <summary>
    /// The user message for one passage: its headings for context, then the text between
    /// &lt;passage&gt; and &lt;/passage&gt;. Tags inside the text are defused so a plan cannot close the block.
    /// </summary>
    public static string UserMessage(TaggingInput passage, bool retryAfterMalformed = false)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var builder = new StringBuilder();
        if (retryAfterMalformed)
            builder.Append("Your previous answer was not one JSON object in the requested format. Answer again with that JSON object only.\n\n");
        if (passage.Headings.Count > 0)
            builder.Append("Headings (context only): ").Append(string.Join(" > ", passage.Headings.Select(Defuse))).Append("\n\n");
        builder.Append("<passage>\n").Append(Defuse(passage.Text)).Append("\n</passage>");
        return builder.ToString();
    }

    private static string Defuse(string text) => PassageTag().Replace(text, m => "[" + m.Value[1..^1] + "]");

    [GeneratedRegex(@"\A\s*<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex LeadingComment();

    [GeneratedRegex(@"</?passage>", RegexOptions.IgnoreCase)]
    private static partial Regex PassageTag();
}

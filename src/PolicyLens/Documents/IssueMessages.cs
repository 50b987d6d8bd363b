using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicyLens.Documents;

/// <summary>
/// The one Dutch message catalogue for ingestion issues, used by the CLI and the web app: the
/// text on each <see cref="IssueCode"/> with its facts filled in. The English
/// <see cref="IngestionIssue.Message"/> stays the detail for logs and <c>--verbose</c>.
/// </summary>
public static partial class IssueMessages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly Dictionary<IssueCode, IssueTextAttribute> Texts = typeof(IssueCode)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(f => (IssueCode)f.GetValue(null)!, f => f.GetCustomAttribute<IssueTextAttribute>()
            ?? throw new InvalidOperationException($"IssueCode.{f.Name} has no [IssueText]; give it its Dutch text."));

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<format>[a-z]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>What is wrong and what to do, in Dutch, without the file name ("het bestand is leeg (0 bytes). Kies …").</summary>
    public static string Reason(IngestionIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var text = Texts[issue.Code];
        var problem = Fill(text.Problem, issue);
        return text.Action.Length == 0 ? problem : $"{problem} {Fill(text.Action, issue)}";
    }

    /// <summary>The Dutch message with the file name in front ("plan.pdf: het bestand is …").</summary>
    public static string Describe(IngestionIssue issue, string fileName) => $"{fileName}: {Reason(issue)}";

    /// <summary>Dutch name of a format as it reads in a sentence ("platte tekst", "een Word-document (DOCX)").</summary>
    public static string FormatName(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "een PDF",
        DocumentFormat.Docx => "een Word-document (DOCX)",
        DocumentFormat.Odt => "een OpenDocument-tekst (ODT)",
        DocumentFormat.Html => "een webpagina (HTML)",
        DocumentFormat.Markdown => "Markdown-tekst",
        DocumentFormat.Text => "platte tekst",
        _ => "een onbekend formaat",
    };

    /// <summary>Bytes as Dutch megabytes with a decimal comma ("1,5 MB").</summary>
    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", Dutch) + " MB";

    /// <summary>Every code's placeholders, for the test that checks each producer supplies them.</summary>
    public static IReadOnlyList<string> Placeholders(IssueCode code) =>
        [.. Placeholder().Matches(Texts[code].Problem + " " + Texts[code].Action).Select(m => m.Groups["name"].Value).Distinct()];

    private static string Fill(string template, IngestionIssue issue)
    {
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            if (name == "page" && issue.Page is { } page) return page.ToString(Dutch);
            if (!issue.Facts.TryGetValue(name, out var value)) return "?";
            return m.Groups["format"].Value switch
            {
                "mb" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) => Megabytes(bytes),
                "format" when Enum.TryParse<DocumentFormat>(value, out var format) => FormatName(format),
                _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number.ToString("#,0", Dutch),
                _ => value,
            };
        });
    }
}

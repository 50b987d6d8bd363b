using System.CommandLine;
using PolicyLens.Documents;

namespace PolicyLens.Cli.Commands;

/// <summary>Options every command has, and how the commands word a document's problems.</summary>
internal static class CliOptions
{
    /// <summary>
    /// <c>--verbose</c>: after each Dutch message, the English detail the reader gave (what the
    /// parser said), for a bug report or a search on the web.
    /// </summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also print the technical (English) detail of every problem.",
        Recursive = true,
    };

    /// <summary>"policylens: plan.pdf: het bestand is …" on stderr, with the English detail under it when verbose.</summary>
    public static void WriteIssue(TextWriter stderr, string path, IngestionIssue issue, bool verbose)
    {
        var kind = issue.Severity == IssueSeverity.Warning ? "waarschuwing: " : "";
        stderr.WriteLine($"policylens: {path}: {kind}{IssueMessages.Reason(issue)}");
        if (verbose) stderr.WriteLine($"  detail: {issue.Message}");
    }
}

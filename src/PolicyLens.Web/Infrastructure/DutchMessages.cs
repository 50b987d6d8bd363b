using PolicyLens.Documents;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Dutch wording the pages share. Reasons for ingestion problems come from the one catalogue
/// the CLI uses too (<see cref="IssueMessages"/>, chosen by the issue's code); the English
/// detail stays in the log and under "technische details".
/// </summary>
public static class DutchMessages
{
    /// <summary>What is wrong and what to do, without the file name.</summary>
    public static string Reason(IngestionIssue issue) => IssueMessages.Reason(issue);

    public static string Megabytes(long bytes) => IssueMessages.Megabytes(bytes);
}

using System.Text.RegularExpressions;
using PolicyLens.Passages;
using Xunit.Abstractions;

namespace PolicyLens.Readers.Tests;

/// <summary>
/// Invariants over every real plan text in ../shared/corpus/dev: the text is read, no passage
/// is empty, offsets match the plain text, and every BD/AP/AC code line is a heading.
/// </summary>
public partial class CorpusInvariants(ITestOutputHelper output)
{
    private const string Missing = "(../shared/corpus/dev is missing)";

    private static string CorpusDirectory => Path.Combine(TestFiles.RepoRoot(), "..", "shared", "corpus", "dev");

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(CorpusDirectory)) { data.Add(Missing); return data; }
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [GeneratedRegex(@"^\s*(?:Beleidsdoelstelling|Actieplan|Actie)\s+(?:BD|AP|AC)\d+\b.*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_corpus_text_reads_into_consistent_passages_with_its_codes_as_headings(string name)
    {
        if (name == Missing)
        {
            var message = $"SKIPPED: corpus invariants not checked, {Path.GetFullPath(CorpusDirectory)} does not exist.";
            output.WriteLine(message);
            Console.WriteLine(message);
            return;
        }
        var path = Path.Combine(CorpusDirectory, name);
        var result = TestFiles.Ingest(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.NotEmpty(result.Passages);
        foreach (var passage in result.Passages)
        {
            Assert.False(string.IsNullOrWhiteSpace(passage.Text));
            Assert.Equal(passage.Text, result.PlainText[passage.Start..passage.End]);
            Assert.True(passage.Text.Length <= 1200 || passage.Kind == PassageKind.Heading || !passage.Text.Contains(' '), $"passage {passage.Ordinal} has {passage.Text.Length} characters");
        }
        Assert.Equal(string.Join(PassageBuilder.Separator, result.Passages.Select(p => p.Text)), result.PlainText);
        var headings = result.Passages.Where(p => p.Kind == PassageKind.Heading).Select(p => p.Text).ToHashSet();
        foreach (Match line in CodeLine().Matches(File.ReadAllText(path)))
            Assert.Contains(TextCleaner.Clean(line.Value), headings);
        // Content under an action sits below its action plan and policy goal.
        foreach (var passage in result.Passages.Where(p => p.Headings.Any(h => h.StartsWith("Actie AC", StringComparison.Ordinal))))
        {
            var path2 = passage.Headings;
            var action = path2.Select((h, i) => (h, i)).Last(x => x.h.StartsWith("Actie AC", StringComparison.Ordinal)).i;
            Assert.Contains(path2.Take(action), h => h.StartsWith("Actieplan AP", StringComparison.Ordinal));
            Assert.Contains(path2.Take(action), h => h.StartsWith("Beleidsdoelstelling BD", StringComparison.Ordinal));
        }
    }
}

using PolicyLens.Documents;

namespace PolicyLens.Tests.Documents;

/// <summary>The one Dutch catalogue of ingestion problems that the CLI and the web app show.</summary>
public class IssueMessageCatalogue
{
    public static TheoryData<IssueCode> Codes() => [.. Enum.GetValues<IssueCode>()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_Dutch_sentence_that_follows_a_file_name(IssueCode code)
    {
        var issue = IngestionIssue.Error(code, "English detail.");
        foreach (var name in IssueMessages.Placeholders(code)) issue = issue.With(name, name == "detected" ? "Text" : "7");
        var text = IssueMessages.Reason(issue);
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain("?", text.Replace("(een zip-bom?)", "").Replace("(een scan?)", ""));
        Assert.True(char.IsLower(text[0]) || char.IsDigit(text[0]), $"{code}: '{text}' follows 'bestand.pdf: ' and starts in lower case");
        Assert.EndsWith(".", text);
    }

    [Fact]
    public void Sizes_and_numbers_are_written_the_Dutch_way()
    {
        var issue = IngestionIssue.Error(IssueCode.FileTooLarge, "too big").With("size", 1_572_864).With("limit", 52_428_800);
        Assert.Equal("plan.pdf: het bestand is 1,5 MB, groter dan de grens van 50 MB. Splits het document, of vraag de beheerder de grens te verhogen.",
            IssueMessages.Describe(issue, "plan.pdf"));
        Assert.Equal("pagina 4 heeft geen tekstlaag en is overgeslagen (OCR staat uit).",
            IssueMessages.Reason(IngestionIssue.Warning(IssueCode.PageWithoutTextLayer, "page 4 has no text layer", page: 4)));
    }

    [Fact]
    public void Issues_with_the_same_facts_are_equal()
    {
        var a = IngestionIssue.Warning(IssueCode.PageLimit, "only part").With("read", 500).With("pages", 600);
        var b = IngestionIssue.Warning(IssueCode.PageLimit, "only part").With("read", 500).With("pages", 600);
        Assert.Equal(a, b);
        Assert.NotEqual(a, b.With("pages", 700));
    }
}

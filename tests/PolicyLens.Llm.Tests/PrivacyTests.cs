using static PolicyLens.Llm.Tests.TestSupport;

namespace PolicyLens.Llm.Tests;

public sealed class PrivacyTests
{
    private const string Key = "sk-test-7f3a9c1e5b";

    [Fact]
    public void Without_an_endpoint_the_reviewer_is_off_and_cannot_be_built()
    {
        var options = LlmOptions.From(_ => null);

        Assert.False(options.Enabled);
        Assert.Empty(options.Validate());
        Assert.Throws<ArgumentException>(() => new LlmReviewer(options, Prompt));
        Assert.StartsWith("Uit: er wordt geen passagetekst", LlmEndpoint.Info(options).Summary);
    }

    [Fact]
    public async Task The_api_key_goes_to_the_server_as_a_bearer_token_and_nowhere_else()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Code(401, body: $"{{\"error\":{{\"message\":\"Incorrect API key provided: {Key}\"}}}}"));
        var options = Options(server.Endpoint, o => o with { ApiKey = Key });
        using var reviewer = new LlmReviewer(options, Prompt);
        var summary = await reviewer.ReviewAllAsync([Passage("Een buurtlunch voor iedereen.")]);

        Assert.Equal("Bearer " + Key, Assert.Single(server.Requests).Authorization);
        Assert.Equal(FailureKind.Unauthorized, summary.StoppedBy!.Kind);
        Assert.Contains("API-sleutel", summary.StoppedBy.Message);
        Assert.DoesNotContain(Key, summary.StoppedBy.Message);
        Assert.DoesNotContain(Key, options.ToString());
        Assert.Contains("ApiKey = (set)", options.ToString());
        Assert.DoesNotContain(Key, LlmEndpoint.Info(options).ToString());
    }

    [Fact]
    public void The_endpoint_is_shown_without_user_name_password_or_query()
    {
        var options = new LlmOptions { Endpoint = "https://user:geheim@llm.example.org:8443/v1?api-key=abc", Model = "m" };

        Assert.Equal("https://llm.example.org:8443/v1", LlmEndpoint.Describe(options));
        Assert.Contains(options.Validate(), p => p.Contains("user name or password", StringComparison.Ordinal));
        Assert.DoesNotContain("geheim", options.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:11434/v1", true, false)]
    [InlineData("http://localhost:8000/v1", true, false)]
    [InlineData("http://[::1]:8000/v1", true, false)]
    [InlineData("https://api.example.org/v1", false, true)]
    [InlineData("http://10.1.2.3:8000/v1", false, false)]
    public void The_status_line_says_whether_text_leaves_this_computer_and_whether_it_is_encrypted(string endpoint, bool local, bool encrypted)
    {
        var info = LlmEndpoint.Info(new LlmOptions { Endpoint = endpoint, Model = "m" });

        Assert.Equal(local, info.IsLocal);
        Assert.Equal(encrypted, info.IsEncrypted);
        Assert.Contains(local ? "op deze computer" : "buiten deze computer", info.Summary);
        Assert.Equal(!local && !encrypted, info.Summary.Contains("onversleuteld", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_read_from_configuration_keys_and_bad_values_are_named()
    {
        var values = new Dictionary<string, string>
        {
            ["Endpoint"] = " http://127.0.0.1:11434/v1 ", ["Model"] = "llama3.1:8b", ["MaxConcurrency"] = "0", ["TimeoutSeconds"] = "soon",
        };
        var options = LlmOptions.From(k => values.GetValueOrDefault(k));

        Assert.True(options.Enabled);
        Assert.Equal("llama3.1:8b", options.Model);
        Assert.Contains(options.Validate(), p => p.StartsWith("PolicyLens:Llm:MaxConcurrency is 0", StringComparison.Ordinal));
        Assert.Contains(options.Validate(), p => p.StartsWith("PolicyLens:Llm:TimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(new LlmOptions { Endpoint = "http://127.0.0.1:1/v1" }.Validate(), p => p.Contains("Model is empty", StringComparison.Ordinal));
        Assert.Contains(new LlmOptions { Endpoint = "ftp://x", Model = "m" }.Validate(), p => p.Contains("not an http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_the_last_plan_that_holds_a_passage_deletes_its_answers()
    {
        using var store = Memory();
        var doc = SaveOnePlan(store, "Een buurtlunch voor iedereen in het dienstencentrum.");
        var other = SaveOnePlan(store, "Een ander plan met een wandelclub voor senioren.");
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer());
        using var reviewer = Reviewer(server.Endpoint, cache: store);
        var hashes = new List<string>();
        foreach (var id in new[] { doc, other })
        {
            var passages = SecondOpinion.Inputs(store.LoadPlan(id)!.Passages);
            await reviewer.ReviewAllAsync(passages);
            var h = passages.Select(ReviewAnswer.PassageHash).ToArray();
            store.LinkReviews(id, h);
            hashes.AddRange(h);
        }
        await reviewer.ReviewAllAsync([Passage("Een gold-passage van eval, van geen plan.")]);
        var before = store.CountReviews();

        store.DeleteDocument(doc);

        Assert.Equal(3, before);
        Assert.Equal(2, store.CountReviews());
        Assert.Single(store.FindReviews(hashes, "fake-model", Prompt.Version));
    }

    private static long SaveOnePlan(Storage.SqlitePlanStore store, string text)
    {
        var passage = new Passages.Passage(0, Passages.PassageKind.Paragraph, text, null, [], 0);
        var document = new Documents.PlanDocument(text[..10], text[..10] + ".txt", Documents.DocumentFormat.Text, null,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), text.Length);
        var ingestion = new Documents.IngestionResult(document.FileName, document, [passage], [], text);
        return store.Save(ingestion, [new Coverage.TaggedPassage(passage, [])], null, new Storage.AnalysisRunInfo("rules", "test")).DocumentId;
    }
}

using System.Text.Json;
using Microsoft.Data.Sqlite;
using PolicyLens.Llm.Tests;

namespace PolicyLens.Cli.Tests.Llm;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-review-cli-").FullName;
    private string Db => Path.Combine(_dir, "plans.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string IngestFixture()
    {
        var (code, _, error) = CliHarness.Run("ingest", CliHarness.Fixture("lindeveld-plan.docx"), "--db", Db);
        Assert.True(code == 0, error);
        return "1";
    }

    [Fact]
    public async Task Review_compares_the_stored_tags_with_the_model_and_a_second_run_costs_nothing()
    {
        var id = IngestFixture();
        await using var server = await FakeOpenAiServer.StartAsync(FakeModels.Meeting);

        var (code, output, error) = CliHarness.Run("review", id, "--db", Db, "--endpoint", server.Endpoint, "--llm-model", "fake-model");
        var calls = server.Calls;
        var (again, output2, _) = CliHarness.Run("review", id, "--db", Db, "--endpoint", server.Endpoint, "--llm-model", "fake-model");

        Assert.True(code == 0, output + error);
        Assert.Contains("Tweede mening voor \"", output);
        Assert.Contains("(document 1)", output);
        Assert.Contains($"model fake-model via {server.Endpoint}", output);
        Assert.Matches(@"\d+ passages: \d+ beantwoord, 0 uit de cache, 0 mislukt", output);
        Assert.Contains("tokens: ", output);
        Assert.Contains("passages/s", output);
        Assert.Contains("overeenstemming per label", output);
        Assert.Contains("herhaalde ontmoetingen", output);
        Assert.Contains("Passages waar ze verschillen:", output);
        Assert.Contains("alleen", output);
        Assert.True(calls > 0);
        Assert.Equal(0, again);
        Assert.Equal(calls, server.Calls);
        Assert.Matches(@"\d+ passages: 0 beantwoord, [1-9]\d* uit de cache", output2);
    }

    [Fact]
    public async Task Review_as_json_lists_counts_tokens_and_each_tag_with_who_gave_it()
    {
        var id = IngestFixture();
        await using var server = await FakeOpenAiServer.StartAsync(FakeModels.Meeting);

        var (code, output, error) = CliHarness.Run("review", id, "--db", Db, "--endpoint", server.Endpoint, "--llm-model", "fake-model", "--format", "json", "--all");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(server.Calls, root.GetProperty("answered").GetInt32());
        Assert.Equal(server.Calls * 100, root.GetProperty("promptTokens").GetInt32());
        var tags = root.GetProperty("reviewedPassages").EnumerateArray().SelectMany(p => p.GetProperty("tags").EnumerateArray()).ToList();
        Assert.Contains(tags, t => t.GetProperty("agreement").GetString() == "llm-only" || t.GetProperty("agreement").GetString() == "both");
        Assert.All(tags.Where(t => t.GetProperty("agreement").GetString() != "rules-only"), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("quote").GetString())));
        Assert.Contains(root.GetProperty("labels").EnumerateArray(), l => l.GetProperty("label").GetString() == "herhaalde-ontmoetingen");
    }

    [Fact]
    public void Review_without_an_endpoint_says_the_reviewer_is_off_and_sends_nothing()
    {
        var id = IngestFixture();

        var (code, output, error) = CliHarness.Run("review", id, "--db", Db);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("staat uit", error);
        Assert.Contains("PolicyLens:Llm:Endpoint", error);
    }

    [Fact]
    public void Review_with_the_server_down_ends_with_a_clear_Dutch_message()
    {
        var id = IngestFixture();
        var down = FakeOpenAiServer.DownEndpoint();

        var (code, output, error) = CliHarness.Run("review", id, "--db", Db, "--endpoint", down, "--llm-model", "fake-model");

        Assert.Equal(1, code);
        Assert.Contains("niet gevraagd", output);
        Assert.Contains($"De taalmodelserver op {down} is niet bereikbaar (verbinding geweigerd)", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Review_of_a_file_reads_and_tags_it_in_memory()
    {
        await using var server = await FakeOpenAiServer.StartAsync(FakeModels.Meeting);

        var (code, output, error) = CliHarness.Run("review", CliHarness.Fixture("lindeveld-plan.md"), "--db", Db, "--endpoint", server.Endpoint, "--llm-model", "fake-model");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("(document", output);
        Assert.Contains("overeenstemming per label", output);
    }
}

using System.Text.Json;
using Microsoft.Data.Sqlite;
using PolicyLens.Llm.Tests;

namespace PolicyLens.Cli.Tests.Llm;

public sealed class EvalLlmTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-eval-llm-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Fixed answers per passage; the budget line gets an unusable reply twice.</summary>
    private static FakeReply Fixed(FakeRequest request) => request.Passage switch
    {
        "Wekelijkse buurtlunch voor alle bewoners." => Answer(new() { ["herhaalde-ontmoetingen"] = "buurtlunch", ["bezig-zijn"] = "Wekelijkse buurtlunch" },
            new() { ["sociaal"] = "buurtlunch" }, new()),
        "Maatjes bezoeken eenzame ouderen thuis." => Answer(new() { ["betekenisvol-contact"] = "Maatjes bezoeken" },
            new() { ["emotioneel"] = "eenzame ouderen" }, new() { ["geindiceerd"] = "eenzame ouderen" }),
        _ => new FakeReply("geen idee"),
    };

    private static FakeReply Answer(Dictionary<string, string> element, Dictionary<string, string> type, Dictionary<string, string> level) =>
        FakeReply.Json(new
        {
            element = element.Keys, type = type.Keys, level = level.Keys,
            evidence = element.Concat(type).Concat(level).ToDictionary(kv => kv.Key, kv => kv.Value),
        });

    private string Gold()
    {
        var path = Path.Combine(_dir, "gold.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "g1", "doc": "d", "text": "Wekelijkse buurtlunch voor alle bewoners.", "labels": {"element": ["herhaalde-ontmoetingen"], "type": ["sociaal"], "level": ["universeel"]}}""",
            """{"id": "g2", "doc": "d", "text": "Maatjes bezoeken eenzame ouderen thuis.", "labels": {"element": ["betekenisvol-contact"], "type": ["sociaal"], "level": ["geindiceerd"]}}""",
            """{"id": "g3", "doc": "d", "text": "Budget 2026: 12.000 euro.", "labels": {"element": [], "type": [], "level": []}}""",
        ]);
        return path;
    }

    [Fact]
    public async Task Eval_with_the_llm_tagger_gives_exactly_the_figures_its_fixed_answers_deserve_and_counts_failed_replies()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Fixed);
        var gold = Gold();
        var db = Path.Combine(_dir, "eval.db");

        var (code, output, error) = CliHarness.Run("eval", "--gold", gold, "--tagger", "llm", "--endpoint", server.Endpoint, "--llm-model", "fake-model",
            "--db", db, "--format", "json");
        var (tableCode, table, _) = CliHarness.Run("eval", "--gold", gold, "--tagger", "llm", "--endpoint", server.Endpoint, "--llm-model", "fake-model", "--db", db);

        Assert.True(code == 0, output + error);
        using var json = JsonDocument.Parse(output);
        var dims = json.RootElement.GetProperty("dimensions");
        AssertMicro(dims, "element", 2.0 / 3, 1.0, 0.8);      // tp 2, fp 1 (bezig-zijn), fn 0
        AssertMicro(dims, "type", 0.5, 0.5, 0.5);             // tp sociaal; fp emotioneel, fn sociaal
        AssertMicro(dims, "level", 1.0, 0.5, 2.0 / 3);        // tp geindiceerd; fn universeel
        Assert.Equal(1, json.RootElement.GetProperty("failedReplies").GetInt32());
        Assert.Equal(0, tableCode);
        Assert.Contains("llm: 1 failed reply (1 unusable), 2 from the cache; tokens: ", table);
        // Each run asks g3 twice (a failure is not cached); g1 and g2 the first time only.
        Assert.Equal(2 + 2 + 2, server.Calls);
    }

    private static void AssertMicro(JsonElement dims, string dimension, double p, double r, double f)
    {
        var micro = dims.GetProperty(dimension).GetProperty("micro");
        Assert.Equal(Math.Round(p, 4), micro.GetProperty("precision").GetDouble());
        Assert.Equal(Math.Round(r, 4), micro.GetProperty("recall").GetDouble());
        Assert.Equal(Math.Round(f, 4), micro.GetProperty("f1").GetDouble());
    }
}

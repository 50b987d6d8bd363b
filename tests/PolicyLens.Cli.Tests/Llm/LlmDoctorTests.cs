using PolicyLens.Cli.Commands;
using PolicyLens.Llm.Tests;

namespace PolicyLens.Cli.Tests.Llm;

/// <summary>Tests that set PolicyLens__Llm__* environment variables, which the whole process sees: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class LlmDoctorTests
{
    private const string Key = "sk-doctor-4d2c8e";

    [Fact]
    public void Doctor_says_the_reviewer_is_off_and_sends_nothing_by_default()
    {
        var (_, output, _) = CliHarness.Run("doctor");

        Assert.Contains("ok    LLM reviewer: off (PolicyLens:Llm:Endpoint is empty), no passage text is sent anywhere", output);
    }

    [Fact]
    public async Task Doctor_says_where_passage_text_goes_checks_the_server_and_never_shows_the_key()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new FakeReply("{}"));
        var (code, output, error) = WithEnvironment(new() { ["Endpoint"] = server.Endpoint, ["Model"] = "fake-model", ["ApiKey"] = Key },
            () => CliHarness.Run("doctor"));

        Assert.True(code == 0, output + error);
        Assert.Contains($"ok    LLM reviewer: passage text goes to {server.Endpoint} (model fake-model; this computer; API key set), prompt p", output);
        Assert.DoesNotContain(Key, output + error);
        Assert.Equal(0, server.Calls); // the model list is fetched; no passage is sent
    }

    [Fact]
    public void Doctor_fails_when_the_configured_server_is_down_or_knows_no_such_model()
    {
        var down = FakeOpenAiServer.DownEndpoint();
        var (code, output, _) = WithEnvironment(new() { ["Endpoint"] = down, ["Model"] = "fake-model" }, () => CliHarness.Run("doctor"));

        Assert.Equal(1, code);
        Assert.Contains($"FAIL  LLM reviewer: passage text goes to {down}", output);
        Assert.Contains("niet bereikbaar", output);
    }

    [Fact]
    public async Task Doctor_fails_for_a_model_the_server_does_not_list()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new FakeReply("{}"));
        var (code, output, _) = WithEnvironment(new() { ["Endpoint"] = server.Endpoint, ["Model"] = "llama-onbekend" }, () => CliHarness.Run("doctor"));

        Assert.Equal(1, code);
        Assert.Contains("noemt model 'llama-onbekend' niet", output);
    }

    [Fact]
    public void The_environment_overrides_appsettings_and_options_override_both()
    {
        var options = WithEnvironment(new() { ["Endpoint"] = "http://127.0.0.1:9/v1", ["Model"] = "env-model", ["MaxConcurrency"] = "7" },
            () => LlmSetup.Options(null, "cli-model"));

        Assert.Equal("http://127.0.0.1:9/v1", options.Endpoint);
        Assert.Equal("cli-model", options.Model);
        Assert.Equal(7, options.MaxConcurrency);
    }

    private static T WithEnvironment<T>(Dictionary<string, string> values, Func<T> action)
    {
        foreach (var (key, value) in values) Environment.SetEnvironmentVariable(LlmSetup.EnvironmentPrefix + key, value);
        try
        {
            return action();
        }
        finally
        {
            foreach (var key in values.Keys) Environment.SetEnvironmentVariable(LlmSetup.EnvironmentPrefix + key, null);
        }
    }
}

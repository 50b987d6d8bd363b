using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyLens.Coverage;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

/// <summary>Start-up: broken rules stop the app, demo plans load on an empty database, errors never take the server down.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Broken_rules_stop_the_app_with_file_line_and_rule_id()
    {
        var rules = Path.Join(Path.GetTempPath(), "policylens-web-tests", "rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(rules);
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml")) File.Copy(file, Path.Join(rules, Path.GetFileName(file)));
        var element = Path.Join(rules, "element.yaml");
        File.WriteAllText(element, File.ReadAllText(element).Replace("    rules:", "    rulez:", StringComparison.Ordinal));
        using var app = new TestApp(new() { ["PolicyLens:RulesPath"] = rules });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var message = Flatten(error);
        Assert.Contains("element.yaml:", message);
        Assert.Contains("unknown key 'rulez'", message);
        Assert.Contains("element.", message);
        Directory.Delete(rules, recursive: true);
    }

    [Theory]
    [InlineData("plan.Counts.Headings >", "Expression, position 23: Expression expected")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "'System' reaches outside the plan summary")]
    public void A_broken_or_unsafe_plan_check_stops_the_app_with_file_rule_name_and_position(string expression, string expected)
    {
        var rules = Path.Join(Path.GetTempPath(), "policylens-web-tests", "rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Join(rules, "checks"));
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml")) File.Copy(file, Path.Join(rules, Path.GetFileName(file)));
        File.WriteAllText(Path.Join(rules, "checks", "eigen.json"), $$"""
            { "WorkflowName": "eigen", "Rules": [ { "RuleName": "eigen-check", "Expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}},
              "Properties": { "title": "T", "severity": "info", "explanation": "E", "message": "M" } } ] }
            """);
        using var app = new TestApp(new() { ["PolicyLens:RulesPath"] = rules });
        var message = Flatten(Assert.ThrowsAny<Exception>(() => app.CreateClient()));
        Assert.Contains("plan checks in " + Path.Join(rules, "checks") + " are invalid", message); // as policylens rules check says it
        Assert.Contains("checks/eigen.json:1: [eigen-check] ", message);
        Assert.Contains(expected, message);
        Directory.Delete(rules, recursive: true);
    }

    [Fact]
    public void Invalid_settings_stop_the_app_and_name_the_key()
    {
        using var app = new TestApp(new() { ["PolicyLens:MaxUploadFiles"] = "0" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("MaxUploadFiles", Flatten(error));
    }

    [Fact]
    public async Task The_first_start_on_an_empty_database_loads_the_demo_plans_from_seeds()
    {
        using var app = new TestApp(new() { ["PolicyLens:DemoData"] = "true" });
        using var client = app.Browser();
        var seeder = app.Services.GetRequiredService<DemoDataSeeder>();
        Assert.NotNull(seeder.Job);
        Assert.Equal(Directory.GetFiles(Repo.Seeds).Count(f => f.EndsWith(".docx") || f.EndsWith(".pdf") || f.EndsWith(".odt")), seeder.Job!.Files.Count);
        Assert.DoesNotContain(seeder.Job.Files, f => f.TempPath.Contains(Path.Join("seeds", "src"), StringComparison.Ordinal));
        await Flow.FinishJobAsync(client, new Uri($"/taken/{seeder.Job.Id}", UriKind.Relative));
        Assert.All(seeder.Job.Files, f => Assert.Equal(FileState.Klaar, f.State));
        var home = await client.GetStringAsync("/");
        Assert.Contains("Beekhoven", home);
        Assert.Contains("Westerzand", home);
        Assert.True(File.Exists(Path.Join(Repo.Seeds, "beekhoven-meerjarenplan-2026-2031.docx")), "demo files are read in place, never deleted");
    }

    [Fact]
    public async Task Demo_data_is_not_loaded_when_switched_off()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        Assert.Contains("Er zijn nog geen plannen", await client.GetStringAsync("/"));
        Assert.Null(app.Services.GetRequiredService<DemoDataSeeder>().Job);
    }

    [Fact]
    public async Task An_exception_shows_the_friendly_Dutch_error_page_and_the_server_keeps_serving()
    {
        using var app = new TestApp(services: s => s.AddSingleton<ICoverageAnalyzer, ThrowingAnalyzer>());
        using var client = app.Browser();
        await Flow.UploadAndFinishAsync(client, ("plan.txt", "Buurtplan\n\nWe openen een ontmoetingsplek in elke wijk."u8.ToArray()));
        var response = await client.GetAsync("/documenten/1");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Er ging iets mis", html);
        Assert.DoesNotContain("analysis exploded", html); // no internals shown
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/regels")).StatusCode);
    }

    [Fact]
    public async Task Upload_copies_left_by_a_stopped_server_are_removed_at_start()
    {
        using var app = new TestApp();
        Directory.CreateDirectory(app.UploadFolder);
        var leftover = Path.Join(app.UploadFolder, "0123456789abcdef.upload");
        await File.WriteAllTextAsync(leftover, "half a plan");
        using var client = app.Browser();
        await client.GetAsync("/");
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void Inside_the_checkout_relative_paths_resolve_against_the_repository_root_like_the_cli()
    {
        var paths = new AppPaths(new PolicyLensOptions { DatabasePath = "data/x.db" }, Path.Join(Repo.Root, "src", "PolicyLens.Web"));
        Assert.Equal(Path.GetFullPath(Path.Join(Repo.Root, "data", "x.db")), paths.DatabasePath);
        Assert.Equal(Path.GetFullPath(Path.Join(Repo.Root, "rules")), paths.RulesPath);
        Assert.Equal(Path.GetFullPath(Path.Join(Repo.Root, "seeds")), paths.SeedsPath);
    }

    [Fact]
    public void Relative_paths_resolve_outside_a_checkout_against_the_content_root_and_the_data_folder_holds_the_uploads()
    {
        var root = Path.Join(Path.GetTempPath(), "policylens-root");
        var paths = new AppPaths(new PolicyLensOptions { DatabasePath = "data/x.db" }, root);
        Assert.Equal(Path.GetFullPath(Path.Join(root, "data", "x.db")), paths.DatabasePath);
        Assert.Equal(Path.GetFullPath(Path.Join(root, "data")), paths.DataFolder);
        Assert.StartsWith(paths.DataFolder, paths.UploadFolder);
    }

    [Fact]
    public void The_shared_appsettings_names_every_setting_and_leaves_the_address_to_the_loopback_default_in_code()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Join(Repo.Root, "appsettings.json")));
        var section = json.RootElement.GetProperty("PolicyLens");
        foreach (var property in typeof(PolicyLensOptions).GetProperties())
            Assert.True(section.TryGetProperty(property.Name, out _), $"appsettings.json lacks PolicyLens:{property.Name}");
        // A Urls key in the file would win over ASPNETCORE_URLS; the default lives in code instead.
        Assert.False(json.RootElement.TryGetProperty("Urls", out _));
        Assert.StartsWith("http://127.0.0.1:", ServiceSetup.DefaultUrl);
    }

    [Theory]
    [InlineData(null, null, ServiceSetup.DefaultUrl)]
    [InlineData("--urls=http://127.0.0.1:7001", null, "http://127.0.0.1:7001")]
    [InlineData(null, "http://127.0.0.1:7002", "http://127.0.0.1:7002")]
    public void The_loopback_default_applies_only_when_no_address_is_configured(string? argument, string? urlsSetting, string expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = argument is null ? [] : [argument], ContentRootPath = Repo.Root });
        if (urlsSetting is not null) builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = urlsSetting });
        builder.UsePolicyLensHosting();
        Assert.Equal(expected, builder.WebHost.GetSetting("urls"));
    }

    [Fact]
    public void An_http_ports_setting_is_not_overridden_by_the_default()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--http_ports=8080"], ContentRootPath = Repo.Root });
        builder.UsePolicyLensHosting();
        Assert.Null(builder.WebHost.GetSetting("urls"));
    }

    [Fact]
    public void The_documented_defaults_are_valid()
    {
        var defaults = new PolicyLensOptions();
        Assert.Empty(defaults.Validate());
        Assert.Equal("data/policylens.db", defaults.DatabasePath);
        Assert.True(defaults.DemoData);
        Assert.Equal(120, defaults.PopplerTimeoutSeconds);
    }

    private static string Flatten(Exception error)
    {
        var text = "";
        for (var e = error; e is not null; e = e.InnerException) text += e.Message + "\n";
        if (error is AggregateException aggregate)
            foreach (var inner in aggregate.Flatten().InnerExceptions) text += Flatten(inner);
        return text;
    }

    private sealed class ThrowingAnalyzer : ICoverageAnalyzer
    {
        public PlanCoverage Analyze(PlanInfo plan, IReadOnlyList<TaggedPassage> passages, IReadOnlyList<LabelInfo> labels) =>
            throw new InvalidOperationException("analysis exploded");
    }
}

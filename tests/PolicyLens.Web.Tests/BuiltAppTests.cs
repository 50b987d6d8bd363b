namespace PolicyLens.Web.Tests;

/// <summary>The built web app as a process, started from a folder that is not its own.</summary>
public sealed class BuiltAppTests : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("policylens-elsewhere-").FullName;

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    [Fact]
    public async Task Started_from_another_folder_it_listens_on_ASPNETCORE_URLS_serves_its_css_and_names_database_and_rules()
    {
        var executable = Path.Join(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "PolicyLens.Web.exe" : "PolicyLens.Web");
        var database = Path.Join(_elsewhere, "data", "plans.db");
        await using var app = await RunningApp.StartAsync(executable, _elsewhere, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ASPNETCORE_ENVIRONMENT"] = null, // Production, as the README's command runs it
            ["PolicyLens__DatabasePath"] = database,
            ["PolicyLens__DemoData"] = "false",
        }, [], TimeSpan.FromSeconds(120));

        Assert.Equal("127.0.0.1", app.Address.Host);
        Assert.NotEqual(5080, app.Address.Port); // the environment's address, not the default
        var home = await app.Client.GetStringAsync("/");
        Assert.Contains("PolicyLens", home);
        var css = await app.Client.GetAsync("/css/site.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        await app.WaitForPageAsync("/", _ => app.Output.Contains("LLM:"), TimeSpan.FromSeconds(30));
        Assert.Contains($"Database: {database} (0 plannen)", app.Output);
        Assert.Contains($"Regels:   {Repo.Rules} (regelset sha256:", app.Output);
        Assert.Contains("PDF:", app.Output);
        Assert.DoesNotContain("Omgeving:", app.Output); // Production
    }
}

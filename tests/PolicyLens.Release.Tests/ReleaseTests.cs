using System.Diagnostics;
using System.Text.RegularExpressions;
using PolicyLens.Web.Tests;
using Xunit.Abstractions;

namespace PolicyLens.Release.Tests;

/// <summary>The downloadable release, unpacked outside the checkout, used as its LEESMIJ.txt says.</summary>
[Collection(ReleaseCollection.Name)]
public sealed partial class ReleaseTests(ReleaseBuild release, ITestOutputHelper output) : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("policylens-user-").FullName;

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    [Fact]
    public void The_release_holds_both_programs_settings_rules_demo_plans_and_styles_and_nothing_from_the_build()
    {
        Assert.True(File.Exists(release.Executable("policylens")));
        Assert.True(File.Exists(release.Executable("policylens-web")));
        Assert.True(File.Exists(Path.Join(release.Folder, "appsettings.json")));
        Assert.True(File.Exists(Path.Join(release.Folder, "LEESMIJ.txt")));
        Assert.NotEmpty(Directory.GetFiles(Path.Join(release.Folder, "rules"), "*.yaml"));
        Assert.True(File.Exists(Path.Join(release.Folder, "wwwroot", "css", "site.css")));
        var seeds = Directory.GetFiles(Path.Join(release.Folder, "seeds")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Directory.GetFiles(Path.Join(release.Root, "seeds")).Select(Path.GetFileName).Order(), seeds);
        Assert.False(Directory.Exists(Path.Join(release.Folder, "seeds", "src")));
        Assert.Empty(Directory.GetFiles(release.Folder, "*.pdb"));
        Assert.Empty(Directory.GetFiles(release.Folder, "*.dll")); // single-file: the assemblies are inside the programs
        if (Directory.Exists(Path.Join(release.Root, "src", "PolicyLens.PdfPig")))
            Assert.True(File.Exists(release.Executable("policylens-pdfpig")), "the embedded PDF engine's worker ships beside the programs");
        output.WriteLine($"publish.sh {release.Rid} took {release.PublishTime.TotalSeconds:0} s");
    }

    [Fact]
    public async Task The_web_app_starts_loads_the_demo_plans_and_serves_a_report_with_its_styles()
    {
        var clock = Stopwatch.StartNew();
        await using var app = await RunningApp.StartAsync(release.Executable("policylens-web"), _elsewhere,
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = null, ["ASPNETCORE_URLS"] = null }, ["--urls", "http://127.0.0.1:0"],
            TimeSpan.FromMinutes(2));
        var home = await app.Client.GetStringAsync("/");
        output.WriteLine($"first page {clock.Elapsed.TotalSeconds:0.0} s after start");

        // The demo plans load in the background; the home page lists them when they are stored.
        var demoPlans = Directory.GetFiles(Path.Join(release.Folder, "seeds")).Length;
        home = await app.WaitForPageAsync("/", html => ReportLinks().Matches(html).Select(m => m.Value).Distinct().Count() >= demoPlans, TimeSpan.FromMinutes(3));
        var report = await app.Client.GetAsync(ReportLinks().Match(home).Value);
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("heatmap", await report.Content.ReadAsStringAsync());
        var css = await app.Client.GetAsync("/css/site.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        // Relative paths are the program's folder, not the folder it was started from.
        Assert.Contains($"Database: {Path.Join(release.Folder, "data", "policylens.db")}", app.Output);
        Assert.Contains($"Regels:   {Path.Join(release.Folder, "rules")}", app.Output);
        Assert.False(Directory.Exists(Path.Join(_elsewhere, "data")));
        output.WriteLine(app.Output);
    }

    [Fact]
    public void The_cli_reads_a_pdf_and_checks_its_own_copy_of_the_rules()
    {
        var pdf = Directory.GetFiles(Path.Join(release.Folder, "seeds"), "*.pdf").First();
        var (code, text) = ReleaseBuild.Run(release.Executable("policylens"), ["extract", pdf], _elsewhere, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, text);
        Assert.Contains("formaat: pdf", text);
        Assert.Matches(@"\[1\] blz\. 1 ", text);

        var (rulesCode, rules) = ReleaseBuild.Run(release.Executable("policylens"), ["rules", "check"], _elsewhere, TimeSpan.FromMinutes(2));
        Assert.True(rulesCode == 0, rules);
        Assert.StartsWith(Path.Join(release.Folder, "rules") + ":", rules);
    }

    [GeneratedRegex("/documenten/[0-9]+")]
    private static partial Regex ReportLinks();
}

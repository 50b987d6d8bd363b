using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyLens.Web.Tests;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Join(Root, "rules");
    public static string Seeds => Path.Join(Root, "seeds");
    public static string Fixture(params string[] parts) => Path.Join([Root, "tests", "fixtures", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyLens.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// The web app in-process with its own temp data folder (database and uploads), demo data off
/// unless a test turns it on. Settings go in as configuration keys, exactly as appsettings.json
/// or PolicyLens__… environment variables would set them.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private readonly bool _ownsData;

    /// <param name="dataFolder">An existing data folder (a restart of an earlier app, which then keeps it); null for a new one.</param>
    public TestApp(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null)
    {
        _ownsData = dataFolder is null;
        DataFolder = dataFolder ?? Path.Join(Path.GetTempPath(), "policylens-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        _settings = new Dictionary<string, string?>
        {
            ["PolicyLens:DatabasePath"] = Path.Join(DataFolder, "policylens.db"),
            ["PolicyLens:RulesPath"] = Repo.Rules,
            ["PolicyLens:SeedsPath"] = Repo.Seeds,
            ["PolicyLens:DemoData"] = "false",
        };
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        _services = services;
    }

    public string DataFolder { get; }
    public string UploadFolder => Path.Join(DataFolder, "uploads");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see every step.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsData) return;
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>What the browser does: fetch a form's token, post files, follow the job to its end.</summary>
public static partial class Flow
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> TokenAsync(HttpClient client, string page = "/")
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    /// <summary>Posts the upload form with a valid token and returns the raw response.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        var token = await TokenAsync(client);
        var form = Files(files);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/upload", form);
    }

    /// <summary>Polls a job page until it stops refreshing: a redirect (to the report) or a final page.</summary>
    public static async Task<HttpResponseMessage> FinishJobAsync(HttpClient client, Uri jobLocation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var response = await client.GetAsync(jobLocation);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)) return response;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobLocation} did not finish: {body}");
            await Task.Delay(100);
        }
    }

    /// <summary>Uploads files and follows the job; returns the final response (report redirect or job page).</summary>
    public static async Task<HttpResponseMessage> UploadAndFinishAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        var upload = await UploadAsync(client, files);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return await FinishJobAsync(client, upload.Headers.Location!);
    }

    /// <summary>Uploads one plan and returns its document id.</summary>
    public static async Task<long> UploadPlanAsync(HttpClient client, string name, byte[] content)
    {
        var done = await UploadAndFinishAsync(client, (name, content));
        Assert.True(done.StatusCode == HttpStatusCode.Redirect, $"expected a redirect to the report, got {(int)done.StatusCode}: {await done.Content.ReadAsStringAsync()}");
        var location = done.Headers.Location!.ToString();
        Assert.StartsWith("/documenten/", location);
        return long.Parse(location["/documenten/".Length..]);
    }
}

/// <summary>One app with the Lindeveld fixture plan and a plan with markup in its text, shared by the page tests.</summary>
public sealed class PlansFixture : IAsyncLifetime
{
    public const string ScriptPlan = """
        Buurtplan Gemeente Scriptdorp

        Ontmoeting

        We organiseren wekelijks een buurtsoep in het dienstencentrum zodat buren elkaar ontmoeten <script>alert('xss')</script> en samen eten.

        Eenzame ouderen krijgen een huisbezoek van een vrijwilliger die signalen van eenzaamheid herkent.
        """;

    public TestApp App { get; } = new();
    public long Lindeveld { get; private set; }
    public long Scriptdorp { get; private set; }

    public async Task InitializeAsync()
    {
        using var client = App.Browser();
        Lindeveld = await Flow.UploadPlanAsync(client, "lindeveld-plan.docx", File.ReadAllBytes(Repo.Fixture("documents", "lindeveld-plan.docx")));
        Scriptdorp = await Flow.UploadPlanAsync(client, "scriptdorp.txt", System.Text.Encoding.UTF8.GetBytes(ScriptPlan));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

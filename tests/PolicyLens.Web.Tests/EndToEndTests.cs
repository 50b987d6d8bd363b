using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PolicyLens.Web.Tests;

/// <summary>The app on a real Kestrel port on 127.0.0.1 and Debian's chromium driven by Playwright, disposed together.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private BrowserSession(TestApp app, IPlaywright playwright, IBrowser browser, string address)
    {
        App = app;
        Playwright = playwright;
        Browser = browser;
        Address = address;
    }

    public TestApp App { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public string Address { get; }

    /// <summary>Where the tests keep their screenshots: TestResults next to the test assembly.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Join(AppContext.BaseDirectory, "TestResults")).FullName;

    public static async Task<BrowserSession> StartAsync()
    {
        Assert.True(File.Exists(Chromium),
            $"The end-to-end test drives {Chromium}, which is not installed. Run scripts/install-deps.sh (CI installs it) and run the tests again.");
        var app = new TestApp();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        return new BrowserSession(app, playwright, browser, address);
    }

    /// <summary>A page of the given size that records console errors (CSP violations among them).</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> PageAsync(int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add($"{message.Text} ({message.Location})");
        };
        page.SetDefaultTimeout(60_000);
        return (page, errors);
    }

    /// <summary>Uploads a file through the form on the home page and waits for the page it leads to.</summary>
    public async Task UploadAsync(IPage page, string file, string waitFor = "**/documenten/*")
    {
        await page.GotoAsync(Address + "/");
        await page.SetInputFilesAsync("#files", file);
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForURLAsync(waitFor);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        App.Dispose();
    }
}

/// <summary>
/// A real browser (Debian's chromium, headless, driven by Playwright) against the app on a real
/// Kestrel port on 127.0.0.1: upload a plan, wait for the report, click a heatmap cell, read the
/// evidence. Keeps a screenshot in TestResults next to the test assembly.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_user_uploads_a_plan_opens_the_report_clicks_a_heatmap_cell_and_sees_the_evidence()
    {
        await using var session = await BrowserSession.StartAsync();
        var (page, consoleErrors) = await session.PageAsync();
        var address = session.Address;

        await session.UploadAsync(page, Repo.Fixture("documents", "lindeveld-plan.docx"));
        await page.WaitForSelectorAsync("#heatmap-level");
        Assert.Contains("Lindeveld", await page.InnerTextAsync("h1"));

        var cell = page.Locator("#heatmap-level td a").First;
        var label = await cell.GetAttributeAsync("aria-label");
        await cell.ClickAsync();
        await page.WaitForSelectorAsync("#bewijs .evidence mark");
        var heading = await page.InnerTextAsync("#bewijs-kop");
        Assert.StartsWith("Bewijs:", heading);
        Assert.Contains(label!.Split(':')[0], heading);
        Assert.True(await page.Locator("#bewijs .evidence").CountAsync() > 0);

        var folder = BrowserSession.Screenshots;
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "e2e-report-evidence.png"), FullPage = true });
        await page.Locator("#bewijs").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "e2e-evidence.png") });

        // The other pages in a real browser too: compare, and the rules page's "probeer een zin".
        await page.GotoAsync(address + "/vergelijken");
        await page.WaitForSelectorAsync("table.compare");
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "e2e-compare.png"), FullPage = true });
        await page.GotoAsync(address + "/regels");
        await page.FillAsync("#text", "Elke week is er een buurtsoep in het dienstencentrum waar buren elkaar ontmoeten.");
        await page.ClickAsync("section.panel button[type=submit]");
        await page.WaitForSelectorAsync("#resultaat mark");
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "e2e-rules-try.png") });
        await page.GotoAsync(address + "/");
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "e2e-home.png"), FullPage = true });
        Assert.Empty(consoleErrors); // includes Content-Security-Policy violations
    }
}

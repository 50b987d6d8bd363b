using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PolicyLens.Web.Tests;

/// <summary>
/// A real browser (Debian's chromium, headless, driven by Playwright) against the app on a real
/// Kestrel port on 127.0.0.1: upload a plan, wait for the report, click a heatmap cell, read the
/// evidence. Keeps a screenshot in TestResults next to the test assembly.
/// </summary>
public sealed class EndToEndTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_user_uploads_a_plan_opens_the_report_clicks_a_heatmap_cell_and_sees_the_evidence()
    {
        Assert.True(File.Exists(Chromium),
            $"The end-to-end test drives {Chromium}, which is not installed. Run scripts/install-deps.sh (CI installs it) and run the tests again.");

        using var app = new TestApp();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") consoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(address + "/");
        await page.SetInputFilesAsync("#files", Repo.Fixture("documents", "lindeveld-plan.docx"));
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForURLAsync("**/documenten/*");
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

        var folder = Path.Join(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
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

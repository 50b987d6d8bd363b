using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PolicyLens.Web.Tests;

/// <summary>
/// The compare page in a real browser (Debian's chromium, headless) on a real Kestrel port:
/// twelve municipalities of the Flemish BBC export imported through the import form, then the
/// page at 1440 px (all eleven element columns in view, full names on hover and on keyboard
/// focus) and at 390 px (the matrix scrolls in its own region with a hint; nothing is cut and
/// the page itself does not scroll sideways). Screenshots go to TestResults.
/// </summary>
public sealed class CompareBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Municipalities =
        ["11001", "11002", "11004", "12009", "13003", "23077", "24062", "31005", "38014", "44020", "44021", "71001"];

    [Fact]
    public async Task The_compare_page_shows_all_eleven_elements_at_1440_px_and_scrolls_with_a_hint_at_390_px()
    {
        Assert.True(File.Exists(Chromium),
            $"The browser test drives {Chromium}, which is not installed. Run scripts/install-deps.sh (CI installs it) and run the tests again.");
        using var app = new TestApp();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") consoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.SetDefaultTimeout(120_000);
        var folder = Path.Join(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);

        await page.GotoAsync(address + "/importeren");
        await page.SetInputFilesAsync("#import-files", [.. Municipalities.Select(ImportedPlansFixture.Export)]);
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForSelectorAsync("text=12 plannen uit 12 bestanden", new() { Timeout = 180_000 });
        await page.ClickAsync("text=Vergelijk de plannen");
        await page.WaitForSelectorAsync("table.compare");

        // 1440 px: the eleven element headers lie inside the viewport and the matrix needs no sideways scrolling.
        var headers = page.Locator("table.compare th.label");
        Assert.Equal(11, await headers.CountAsync());
        for (var i = 0; i < 11; i++)
        {
            var box = (await headers.Nth(i).BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 1440, $"header {i} at {box.X}–{box.X + box.Width} px lies outside 1440 px");
        }
        var region = page.Locator("[data-scroll-region]");
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth <= r.clientWidth + 1"), "at 1440 px the matrix fits its region");
        Assert.False(await page.Locator("#scroll-hint").IsVisibleAsync());
        Assert.True(await page.Locator("table.compare th.muni").IsVisibleAsync());

        // Full names of the abbreviated headers: on hover, and on keyboard focus.
        var first = page.Locator("table.compare th.label a").First;
        var fullName = await first.GetAttributeAsync("data-full");
        await first.HoverAsync();
        Assert.Equal($"\"{fullName}\"", await first.EvaluateAsync<string>("a => getComputedStyle(a, '::before').content"));
        await page.Mouse.MoveAsync(0, 0);
        var last = page.Locator("table.compare th.label a").Last;
        await last.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal($"\"{await last.GetAttributeAsync("data-full")}\"", await last.EvaluateAsync<string>("a => getComputedStyle(a, '::before').content"));
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "compare-1440.png"), FullPage = true });

        // Benchmark one plan and see its row marked.
        await page.SelectOptionAsync("#f-ijk", new SelectOptionValue { Index = 3 });
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForSelectorAsync("#ijk-kop");
        Assert.Contains("percentiel", await page.InnerTextAsync("section.benchmark"));
        Assert.Equal(1, await page.Locator("tr.benchmarked").CountAsync());

        // 390 px: the region scrolls, the hint shows, the page does not scroll sideways, the last column can be reached.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(address + "/vergelijken");
        await page.WaitForSelectorAsync("table.compare");
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "at 390 px the matrix scrolls inside its region");
        Assert.True(await page.Locator("#scroll-hint").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page itself does not scroll sideways");
        await page.Locator("#matrix-caption").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "compare-390.png") });
        await region.EvaluateAsync("r => { r.scrollLeft = r.scrollWidth; r.dispatchEvent(new Event('scroll')); }");
        var lastBox = (await page.Locator("table.compare th.label").Last.BoundingBoxAsync())!;
        Assert.True(lastBox.X >= 0 && lastBox.X + lastBox.Width <= 391, $"the last column scrolls into view (at {lastBox.X} px)");
        var plan = (await page.Locator("table.compare tbody th.plan").First.BoundingBoxAsync())!;
        Assert.True(plan.X >= 0 && plan.X < 20, "the plan column stays in place while scrolling");
        await page.ScreenshotAsync(new() { Path = Path.Join(folder, "compare-390-scrolled.png") });
        Assert.Empty(consoleErrors); // includes Content-Security-Policy violations
    }
}

using System.Text;

namespace PolicyLens.Web.Tests;

/// <summary>
/// The report, versions and delete in a real browser: the summary above the fold on a laptop
/// screen, every heatmap column reachable on a phone, a cell's reason on keyboard focus, the
/// version page after uploading a second draft, and a delete that asks first.
/// </summary>
public sealed class ReportBrowserTests
{
    private static readonly string Draft1 = VersionDrafts.First("Browserdorp");
    private static readonly string Draft2 = VersionDrafts.Second("Browserdorp");

    private static string Draft(string name, string text)
    {
        var path = Path.Join(Path.GetTempPath(), $"policylens-e2e-{Guid.NewGuid():N}", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    [Fact]
    public async Task On_a_laptop_screen_the_summary_is_above_the_fold_and_a_focused_cell_says_why()
    {
        await using var session = await BrowserSession.StartAsync();
        var (page, errors) = await session.PageAsync(1440, 900);
        await session.UploadAsync(page, Repo.Fixture("documents", "lindeveld-plan.docx"));
        await page.WaitForSelectorAsync("#samenvatting");

        var advice = await page.Locator("#advies").BoundingBoxAsync();
        Assert.NotNull(advice);
        Assert.True(advice.Y + advice.Height <= 900, $"the summary ends at {advice.Y + advice.Height} px, below the fold of 900 px");
        Assert.True(await page.Locator("#chart-elementen-t").CountAsync() == 1);
        var chart = await page.Locator("svg.status-bars").BoundingBoxAsync();
        Assert.True(chart!.Y < 900, "the elements chart starts above the fold");
        await page.ScreenshotAsync(new() { Path = Path.Join(BrowserSession.Screenshots, "e2e-report-1440.png") });

        // Keyboard only: tab to a heatmap cell and its reason shows.
        var cell = page.Locator("#heatmap-level td.cell a, #heatmap-level td.cell span.cell[tabindex]").First;
        await cell.FocusAsync();
        var tip = page.Locator("#heatmap-level td.cell:focus-within .tip");
        Assert.True(await tip.IsVisibleAsync());
        Assert.Matches("^(Uitgewerkt|Genoemd|Afwezig): ", await tip.InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_no_column_is_cut_off_and_a_table_wider_than_the_screen_says_it_scrolls()
    {
        await using var session = await BrowserSession.StartAsync();
        var (page, errors) = await session.PageAsync(390, 844);
        await session.UploadAsync(page, Repo.Fixture("documents", "lindeveld-plan.docx"));
        await page.WaitForSelectorAsync("#heatmap-level");

        await page.ScreenshotAsync(new() { Path = Path.Join(BrowserSession.Screenshots, "e2e-report-390.png"), FullPage = true });
        // The page itself never scrolls sideways: whatever is wider scrolls in its own box.
        var wide = await page.EvaluateAsync<string[]>("""
            Array.from(document.querySelectorAll('main *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('[data-scroll-hint], .table-scroll'))
                .slice(0, 5).map(e => e.tagName + '.' + e.className)
            """);
        Assert.True(wide.Length == 0, "wider than the phone: " + string.Join(", ", wide));
        var overflowing = await page.EvaluateAsync<string[]>("""
            Array.from(document.querySelectorAll('body *'))
                .filter(e => getComputedStyle(e).overflowX === 'visible' && e.getBoundingClientRect().left + e.scrollWidth > window.innerWidth + 1 && !e.closest('[data-scroll-hint], .table-scroll'))
                .slice(-4).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 50))
            """);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways: " + string.Join(" | ", overflowing));

        var box = page.Locator("#heatmap-level >> xpath=ancestor::div[@data-scroll-hint]");
        var table = await page.Locator("#heatmap-level").BoundingBoxAsync();
        if (table!.X + table.Width > 390.5)
        {
            // Wider than the phone: the box scrolls, says so, and keeps the element names in view.
            Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth"));
            Assert.True(await page.Locator("#heatmap-level >> xpath=ancestor::div[@data-scroll-hint]/following-sibling::p[contains(@class,'scroll-hint')]").IsVisibleAsync(),
                "a heatmap wider than the phone shows the scroll hint");
            await box.EvaluateAsync("b => b.scrollLeft = b.scrollWidth");
            var boxRect = await box.BoundingBoxAsync();
            var last = await page.Locator("#heatmap-level thead th").Last.BoundingBoxAsync();
            Assert.True(last!.X + last.Width <= boxRect!.X + boxRect.Width + 1, "the last column comes into view when scrolled");
            var name = await page.Locator("#heatmap-level tbody th").First.BoundingBoxAsync();
            Assert.True(name!.X >= boxRect.X - 1, "the element names stay in view while the columns scroll");
            await page.ScreenshotAsync(new() { Path = Path.Join(BrowserSession.Screenshots, "e2e-heatmap-390-scrolled.png") });
        }
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_second_draft_uploaded_from_the_report_opens_the_page_of_what_changed()
    {
        await using var session = await BrowserSession.StartAsync();
        var (page, errors) = await session.PageAsync(1280, 900);
        await session.UploadAsync(page, Draft("browserdorp-v1.txt", Draft1));
        await page.WaitForSelectorAsync("#samenvatting");

        await page.ClickAsync("text=Nieuwe versie uploaden");
        await page.WaitForURLAsync("**/?versieVan=*");
        Assert.NotEqual("", await page.InputValueAsync("#versionOf"));
        await page.SetInputFilesAsync("#files", Draft("browserdorp-v2.txt", Draft2));
        Assert.Equal("1 bestand gekozen:", await page.InnerTextAsync("[data-file-summary]"));
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForURLAsync("**/versies");

        Assert.Contains("Wat veranderde van versie 1 naar versie 2", await page.InnerTextAsync("#wijzigingen-kop"));
        Assert.True(await page.Locator("li.gained").CountAsync() > 0);
        Assert.True(await page.Locator(".change-changed ins").CountAsync() > 0);
        Assert.True(await page.Locator(".change-added mark").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Join(BrowserSession.Screenshots, "e2e-versions.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Delete_asks_for_confirmation_and_the_plans_page_says_what_happened()
    {
        await using var session = await BrowserSession.StartAsync();
        var (page, errors) = await session.PageAsync(1280, 900);
        await session.UploadAsync(page, Draft("browserdorp.txt", Draft1));
        await page.WaitForSelectorAsync("#samenvatting");
        var report = page.Url;

        await page.ClickAsync("text=Plan verwijderen…");
        await page.WaitForURLAsync("**/verwijderen");
        Assert.Contains("Weet u zeker", await page.InnerTextAsync("main"));
        await page.ClickAsync("text=Nee, terug naar het rapport");
        await page.WaitForURLAsync(report);

        await page.ClickAsync("text=Plan verwijderen…");
        await page.ClickAsync("button:has-text('Ja, verwijderen')");
        await page.WaitForURLAsync(session.Address + "/");
        Assert.Contains("is verwijderd", await page.InnerTextAsync("[role=status]"));
        Assert.Equal(0, await page.Locator($"a[href='{new Uri(report).AbsolutePath}']").CountAsync());
        Assert.Empty(errors);
    }
}

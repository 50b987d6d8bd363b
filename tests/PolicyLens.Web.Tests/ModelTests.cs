using System.Net;

namespace PolicyLens.Web.Tests;

/// <summary>The learned model beside the rules: shown on the status page, explained on the rules page, and a broken model only falls back.</summary>
public sealed class ModelTests
{
    private static async Task<string> TrySentenceAsync(HttpClient client, string text)
    {
        var token = await Flow.TokenAsync(client, "/regels");
        var response = await client.PostAsync("/regels", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = text, ["heading"] = "", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_status_page_names_the_model_in_use_and_its_by_document_figures()
    {
        using var app = new TestApp();
        var html = await (await app.Browser().GetAsync("/status")).Content.ReadAsStringAsync();
        Assert.Contains("Geleerd model", html);
        Assert.Contains("In gebruik naast de regels: <code>model:", html);
        Assert.Contains("Gemeten per document", html);
    }

    [Fact]
    public async Task Trying_a_sentence_shows_where_each_tag_comes_from_and_what_the_model_said_per_label()
    {
        using var app = new TestApp();
        var html = await TrySentenceAsync(app.Browser(), "We openen in elke deelgemeente een buurthuis waar buren elkaar wekelijks ontmoeten.");
        Assert.Contains("<th scope=\"col\">Bron</th>", html);
        Assert.Contains("Wat regels en model per label zeggen", html);
        Assert.Matches("<td>(regels|model|regels en model)</td>", html);
    }

    [Fact]
    public async Task A_corrupt_model_file_falls_back_to_the_rules_with_a_visible_warning_and_the_app_keeps_working()
    {
        var folder = Directory.CreateTempSubdirectory("policylens-badmodel-").FullName;
        try
        {
            var path = Path.Join(folder, "tagger-model.json");
            await File.WriteAllTextAsync(path, "{ this is not a model");
            using var app = new TestApp(new() { ["PolicyLens:ModelPath"] = path });
            var client = app.Browser();
            var status = await (await client.GetAsync("/status")).Content.ReadAsStringAsync();
            Assert.Contains("Het geleerde model wordt niet gebruikt", status);
            Assert.Contains(path, status);
            var html = await TrySentenceAsync(client, "We openen een buurthuis waar buren elkaar ontmoeten.");
            Assert.Contains("herhaalde ontmoetingen", html);
            Assert.DoesNotContain("Wat regels en model per label zeggen", html);
            var id = await Flow.UploadPlanAsync(client, "plan.md", "# Plan\n\nWe openen een buurthuis waar buren elkaar ontmoeten.\n"u8.ToArray());
            var report = await (await client.GetAsync($"/documenten/{id}")).Content.ReadAsStringAsync();
            Assert.Contains("alleen uit de regels", report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_the_model_switched_off_the_app_tags_with_the_rules_and_says_so()
    {
        using var app = new TestApp(new() { ["PolicyLens:UseModel"] = "false" });
        var status = await (await app.Browser().GetAsync("/status")).Content.ReadAsStringAsync();
        Assert.Contains("PolicyLens:UseModel", status);
    }
}

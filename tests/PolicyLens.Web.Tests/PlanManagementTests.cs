using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLens.Web.Tests;

/// <summary>Managing stored plans on the web: correct title and municipality, delete after confirming, upload a new version and see what changed.</summary>
public sealed partial class PlanManagementTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private static readonly string Draft1 = VersionDrafts.First("Versiedorp");
    private static readonly string Draft2 = VersionDrafts.Second("Versiedorp");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Flow.TokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> UploadVersionAsync(HttpClient client, long versionOf, params (string Name, byte[] Content)[] files)
    {
        var token = await Flow.TokenAsync(client);
        var form = Flow.Files(files);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(versionOf.ToString(System.Globalization.CultureInfo.InvariantCulture)), "versionOf");
        return await client.PostAsync("/upload", form);
    }

    [Fact]
    public async Task Title_and_municipality_are_corrected_on_the_report_and_it_says_so()
    {
        using var client = _app.Browser();
        var id = await Flow.UploadPlanAsync(client, "versiedorp.txt", Utf8(Draft1));

        var saved = await PostAsync(client, $"/documenten/{id}", $"/documenten/{id}?handler=Edit",
            new() { ["title"] = "  Actieplan eenzaamheid Versiedorp 2026 ", ["municipality"] = "Versiedorp" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var report = await client.GetStringAsync(saved.Headers.Location);
        Assert.Contains("<h1>Actieplan eenzaamheid Versiedorp 2026</h1>", report);
        Assert.Contains("Gemeente: <strong>Versiedorp</strong>", report);
        Assert.Contains("De titel en de gemeente zijn opgeslagen.", report);
        Assert.DoesNotContain("De titel en de gemeente zijn opgeslagen.", await client.GetStringAsync($"/documenten/{id}")); // said once

        var refused = await PostAsync(client, $"/documenten/{id}", $"/documenten/{id}?handler=Edit", new() { ["title"] = "  ", ["municipality"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Vul een titel in.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_asks_first_then_deletes_and_says_what_happened()
    {
        using var client = _app.Browser();
        var id = await Flow.UploadPlanAsync(client, "versiedorp.txt", Utf8(Draft1));
        var report = await client.GetStringAsync($"/documenten/{id}");
        Assert.Contains($"href=\"/documenten/{id}/verwijderen\"", report);
        Assert.DoesNotContain("handler=Delete", report);

        var ask = await client.GetStringAsync($"/documenten/{id}/verwijderen");
        Assert.Contains("Weet u zeker dat u ‘Actieplan Samen Versiedorp’ wilt verwijderen?", ask);
        Assert.Contains("Nee, terug naar het rapport", ask);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/documenten/{id}")).StatusCode); // asking deleted nothing

        var deleted = await PostAsync(client, $"/documenten/{id}/verwijderen", $"/documenten/{id}/verwijderen", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/", deleted.Headers.Location!.ToString());
        var home = await client.GetStringAsync("/");
        Assert.Contains("‘Actieplan Samen Versiedorp’ is verwijderd, met alle analyses ervan.", home);
        Assert.DoesNotContain($"href=\"/documenten/{id}\"", home);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documenten/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documenten/{id}/verwijderen")).StatusCode);
    }

    [Fact]
    public async Task A_delete_without_the_antiforgery_token_is_refused()
    {
        using var client = _app.Browser();
        var id = await Flow.UploadPlanAsync(client, "versiedorp.txt", Utf8(Draft1));
        var response = await client.PostAsync($"/documenten/{id}/verwijderen", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/documenten/{id}")).StatusCode);
    }

    [GeneratedRegex("<option value=\"(\\d+)\" selected=\"selected\">")]
    private static partial Regex SelectedPlan();

    [Fact]
    public async Task A_new_version_is_uploaded_from_its_report_and_opens_on_the_page_of_what_changed()
    {
        using var client = _app.Browser();
        var first = await Flow.UploadPlanAsync(client, "versiedorp-v1.txt", Utf8(Draft1));
        var home = await client.GetStringAsync($"/?versieVan={first}");
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), SelectedPlan().Match(home).Groups[1].Value);

        var upload = await UploadVersionAsync(client, first, ("versiedorp-v2.txt", Utf8(Draft2)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var done = await Flow.FinishJobAsync(client, upload.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var location = done.Headers.Location!.ToString();
        Assert.Matches("^/documenten/\\d+/versies$", location);
        var page = await client.GetStringAsync(location);

        Assert.Contains("Wat veranderde van versie 1 naar versie 2", page);
        Assert.Contains("<span class=\"change-mark\">erbij</span> jongeren", page);
        Assert.Contains("<ins>en buren </ins>", page);
        Assert.Contains("Toegevoegd (", page);
        Assert.Contains("<mark>", page); // the evidence of the new tags
        var second = long.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("versie 2 van 2", await client.GetStringAsync($"/documenten/{second}"));
        Assert.Contains("versie 1 van 2", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_version_upload_of_several_files_or_of_an_unknown_plan_is_refused_with_a_reason()
    {
        using var client = _app.Browser();
        var first = await Flow.UploadPlanAsync(client, "versiedorp-v1.txt", Utf8(Draft1));

        var several = await UploadVersionAsync(client, first, ("a.txt", Utf8(Draft2)), ("b.txt", Utf8(Draft2 + "\nMeer.\n")));
        var unknown = await UploadVersionAsync(client, 987654, ("a.txt", Utf8(Draft2)));

        Assert.Equal(HttpStatusCode.BadRequest, several.StatusCode);
        Assert.Contains("Upload één bestand als nieuwe versie", await several.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("bestaat niet (meer)", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_file_again_as_a_new_version_is_stored_once_and_the_job_page_says_why_no_version_was_made()
    {
        using var client = _app.Browser();
        var first = await Flow.UploadPlanAsync(client, "versiedorp-v1.txt", Utf8(Draft1));
        var upload = await UploadVersionAsync(client, first, ("kopie.txt", Utf8(Draft1)));
        var done = await Flow.FinishJobAsync(client, upload.Headers.Location!);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Niet als nieuwe versie opgeslagen", await done.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_plan_with_one_version_says_how_to_add_one()
    {
        using var client = _app.Browser();
        var id = await Flow.UploadPlanAsync(client, "versiedorp.txt", Utf8(Draft1));
        var page = await client.GetStringAsync($"/documenten/{id}/versies");
        Assert.Contains("Dit plan heeft nog maar één versie.", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/documenten/999999/versies")).StatusCode);
    }

    [Fact]
    public async Task The_upload_form_speaks_Dutch_instead_of_the_browsers_file_button()
    {
        using var client = _app.Browser();
        var home = await client.GetStringAsync("/");
        Assert.Contains("<label for=\"files\" class=\"button secondary file-button\">Bestanden kiezen</label>", home);
        Assert.Contains("Nog geen bestand gekozen.", home);
    }

    [Fact]
    public async Task The_outline_of_a_long_plan_shows_its_top_levels_and_the_whole_tree_on_request()
    {
        using var client = _app.Browser();
        var text = new StringBuilder("# Meerjarenplan Koppenstad\n\n");
        for (var chapter = 1; chapter <= 30; chapter++)
        {
            text.Append($"## Hoofdstuk {chapter}\n\nWe versterken de buurt in hoofdstuk {chapter}.\n\n");
            for (var section = 1; section <= 15; section++)
                text.Append($"### Paragraaf {chapter}.{section}\n\nBuren ontmoeten elkaar in paragraaf {chapter}.{section}.\n\n");
        }
        var id = await Flow.UploadPlanAsync(client, "koppenstad.md", Utf8(text.ToString()));
        var report = await client.GetStringAsync($"/documenten/{id}");
        Assert.Contains("De volledige opbouw tonen", report);
        Assert.Contains(">Hoofdstuk 30<", report);
        Assert.DoesNotContain(">Paragraaf 30.15<", report);
        var whole = await client.GetStringAsync($"/documenten/{id}?opbouw=alles");
        Assert.Contains(">Paragraaf 30.15<", whole);
        Assert.DoesNotContain("De volledige opbouw tonen", whole);
    }
}

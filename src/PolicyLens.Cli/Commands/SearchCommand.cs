using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using PolicyLens.Storage;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens search &lt;query&gt; [--db FILE] [--limit N] [--format table|json]</c>: full-text search
/// over all stored passages. All words must occur; <c>word*</c> searches a prefix.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string[]>("query") { Description = "Words to find (all must occur; end a word with * for a prefix).", Arity = ArgumentArity.OneOrMore };
        var db = StoreAccess.DbOption();
        var limit = new Option<int>("--limit") { Description = "Most hits shown (default 20).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--limit loopt van 1 tot 1000."); });
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("search", "Search the stored plans' text.") { query, db, limit, format };
        command.SetAction(parse => StoreAccess.Guard(stderr, () =>
        {
            using var store = StoreAccess.Open(parse.GetValue(db), stderr);
            if (store is null) return 1;
            var text = string.Join(' ', parse.GetValue(query)!);
            var hits = store.Search(text, parse.GetValue(limit));
            if (parse.GetValue(format) == "json")
            {
                var array = new JsonArray();
                foreach (var h in hits)
                    array.Add(new JsonObject
                    {
                        ["documentId"] = h.DocumentId, ["title"] = h.DocumentTitle, ["ordinal"] = h.Ordinal, ["page"] = h.Page,
                        ["headings"] = new JsonArray([.. h.Headings.Select(x => (JsonNode)x)]),
                        ["snippet"] = h.PlainSnippet, ["snippetHtml"] = h.ToHtml(WebUtility.HtmlEncode),
                    });
                stdout.WriteLine(array.ToJsonString(ListCommand.Json));
                return 0;
            }
            var console = StoreAccess.Console(stdout, out var interactive);
            if (hits.Count == 0)
            {
                console.WriteLine($"Geen passages gevonden voor '{text}'.");
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("Nr").RightAligned()).AddColumn(new TableColumn("Plan").Width(24)).AddColumn(new TableColumn("Blz").RightAligned())
                .AddColumn(new TableColumn("Onder").Width(24)).AddColumn("Tekst");
            foreach (var h in hits)
                table.AddRow(h.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(h.DocumentTitle),
                    h.Page?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Markup.Escape(h.Headings.LastOrDefault() ?? ""),
                    Highlight(h.Snippet, interactive));
            console.Write(table);
            return 0;
        }));
        return command;
    }

    /// <summary>Matches in bold yellow on a terminal, between ** in plain output.</summary>
    internal static string Highlight(string snippet, bool colour) =>
        Markup.Escape(snippet)
            .Replace(SearchHit.HighlightStart.ToString(), colour ? "[bold yellow]" : "**", StringComparison.Ordinal)
            .Replace(SearchHit.HighlightEnd.ToString(), colour ? "[/]" : "**", StringComparison.Ordinal);
}

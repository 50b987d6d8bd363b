using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary><c>policylens list [--db FILE] [--format table|json]</c>: the stored plans, newest first.</summary>
internal static class ListCommand
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreAccess.DbOption();
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "List the plans in the database.") { db, format };
        command.SetAction(parse => StoreAccess.Guard(stderr, () =>
        {
            using var store = StoreAccess.Open(parse.GetValue(db), stderr);
            if (store is null) return 1;
            var documents = store.ListDocuments();
            if (parse.GetValue(format) == "json")
            {
                var array = new JsonArray();
                foreach (var d in documents)
                    array.Add(new JsonObject
                    {
                        ["id"] = d.Id, ["title"] = d.Title, ["file"] = d.FileName, ["municipality"] = d.Municipality,
                        ["format"] = d.Format.ToString().ToLowerInvariant(), ["pages"] = d.PageCount, ["passages"] = d.PassageCount,
                        ["sizeBytes"] = d.SizeBytes, ["contentHash"] = d.ContentHash,
                        ["ingestedAt"] = d.IngestedAt.ToString("O", CultureInfo.InvariantCulture), ["ruleSetVersion"] = d.RuleSetVersion,
                    });
                stdout.WriteLine(array.ToJsonString(Json));
                return 0;
            }
            var console = StoreAccess.Console(stdout, out _);
            if (documents.Count == 0)
            {
                console.WriteLine($"Nog geen plannen in {store.Status().DatabasePath}. Voeg ze toe met 'policylens ingest <bestanden>'.");
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("Nr").RightAligned()).AddColumn("Titel").AddColumn("Bestand").AddColumn("Gemeente")
                .AddColumn(new TableColumn("Passages").RightAligned()).AddColumn("Ingelezen");
            foreach (var d in documents)
                table.AddRow(d.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(d.Title), Markup.Escape(d.FileName), Markup.Escape(d.Municipality ?? ""),
                    d.PassageCount.ToString(CultureInfo.InvariantCulture), d.IngestedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            console.Write(table);
            return 0;
        }));
        return command;
    }
}

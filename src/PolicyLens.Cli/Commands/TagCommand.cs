using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens tag &lt;file&gt; | --text "…" [--heading H]… [--format table|json] [--rules DIR]</c>:
/// tags every passage of one document, or one passage given on the command line.
/// </summary>
internal static class TagCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var fileArgument = new Argument<string?>("file") { Description = "A plan to ingest and tag passage by passage.", Arity = ArgumentArity.ZeroOrOne };
        var textOption = new Option<string>("--text") { Description = "A passage text to tag (instead of a file)." };
        var headingOption = new Option<string[]>("--heading") { Description = "A heading above the passage, outermost first (repeatable).", AllowMultipleArgumentsPerToken = false };
        var formatOption = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var rulesOption = RulesLocation.Option();
        var command = new Command("tag", "Tag a passage with the labels of the rule set, with evidence.")
        {
            fileArgument, textOption, headingOption, formatOption, rulesOption,
        };
        command.Validators.Add(result =>
        {
            var hasFile = result.GetValue(fileArgument) is not null;
            var hasText = result.GetValue(textOption) is not null;
            if (hasFile == hasText) result.AddError("Geef een bestand of --text (één van beide).");
        });
        command.SetAction(parse =>
        {
            var tagger = RulesLocation.LoadSetup(parse.GetValue(rulesOption), stderr)?.Tagger;
            if (tagger is null) return 1;
            if (parse.GetValue(fileArgument) is { } file)
                return TagDocument(file, tagger, parse.GetValue(formatOption) == "json", parse.GetValue(CliOptions.Verbose), stdout, stderr);
            var input = new TaggingInput(parse.GetValue(textOption)!, parse.GetValue(headingOption) ?? []);
            var tags = tagger.Tag(input);
            if (parse.GetValue(formatOption) == "json") stdout.WriteLine(ToJson(tagger, tags));
            else
            {
                if (tags.Count == 0) stdout.WriteLine("geen labels");
                foreach (var tag in tags)
                {
                    stdout.WriteLine($"{tag.Dimension}:{tag.Label} (score {tag.Score.ToString("0.##", CultureInfo.InvariantCulture)})");
                    foreach (var e in tag.Evidence)
                        stdout.WriteLine($"    '{e.MatchedText}' [{e.Start}..{e.End}{(e.Source == EvidenceSource.Heading ? $" in heading {e.HeadingIndex}" : "")}] {e.RuleId} ({e.Term})");
                }
            }
            return 0;
        });
        return command;
    }

    private static int TagDocument(string path, IPassageTagger tagger, bool json, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        var result = ExtractCommand.Ingest(path, verbose, stderr);
        if (result?.Document is not { } document) return ExtractCommand.InputError;
        var passages = new JsonArray();
        foreach (var passage in result.Passages)
        {
            var tags = tagger.Tag(new TaggingInput(passage.Text, passage.Headings));
            if (json)
            {
                passages.Add(new JsonObject
                {
                    ["number"] = ExtractCommand.Number(passage), ["ordinal"] = passage.Ordinal, ["page"] = passage.Page, ["headings"] = new JsonArray([.. passage.Headings.Select(h => (JsonNode)h)]),
                    ["kind"] = ExtractCommand.KindName(passage.Kind), ["text"] = passage.Text, ["tags"] = TagsJson(tags),
                });
                continue;
            }
            if (tags.Count == 0) continue;
            var page = passage.Page is { } p ? $" blz. {p}" : "";
            stdout.WriteLine($"[{ExtractCommand.Number(passage)}]{page} {Shorten(passage.Text, 100)}");
            stdout.WriteLine("    " + string.Join(", ", tags.Select(t => $"{t.Dimension}:{t.Label}")));
        }
        if (json)
        {
            var root = new JsonObject { ["title"] = document.Title, ["ruleSetVersion"] = tagger.RuleSetVersion, ["passages"] = passages };
            stdout.WriteLine(root.ToJsonString(JsonOptions));
        }
        return 0;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonArray TagsJson(IReadOnlyList<PassageTag> tags)
    {
        var array = new JsonArray();
        foreach (var tag in tags)
        {
            var evidence = new JsonArray();
            foreach (var e in tag.Evidence)
                evidence.Add(new JsonObject
                {
                    ["rule"] = e.RuleId, ["term"] = e.Term, ["matched"] = e.MatchedText, ["start"] = e.Start, ["length"] = e.Length,
                    ["weight"] = e.Weight, ["source"] = e.Source.ToString().ToLowerInvariant(), ["heading"] = e.HeadingIndex,
                });
            array.Add(new JsonObject { ["dimension"] = tag.Dimension, ["label"] = tag.Label, ["score"] = tag.Score, ["evidence"] = evidence });
        }
        return array;
    }

    private static string ToJson(IPassageTagger tagger, IReadOnlyList<PassageTag> tags) =>
        new JsonObject { ["ruleSetVersion"] = tagger.RuleSetVersion, ["tags"] = TagsJson(tags) }.ToJsonString(JsonOptions);
}

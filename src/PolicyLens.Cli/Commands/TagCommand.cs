using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary><c>policylens tag --text "…" [--heading H]… [--format table|json] [--rules DIR]</c>: tags one passage.</summary>
internal static class TagCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var textOption = new Option<string>("--text") { Description = "The passage text to tag.", Required = true };
        var headingOption = new Option<string[]>("--heading") { Description = "A heading above the passage, outermost first (repeatable).", AllowMultipleArgumentsPerToken = false };
        var formatOption = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var rulesOption = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var command = new Command("tag", "Tag a passage with the labels of the rule set, with evidence.")
        {
            textOption, headingOption, formatOption, rulesOption,
        };
        command.SetAction(parse =>
        {
            var tagger = RulesLocation.LoadTagger(parse.GetValue(rulesOption), stderr);
            if (tagger is null) return 1;
            var input = new TaggingInput(parse.GetValue(textOption)!, parse.GetValue(headingOption) ?? []);
            var tags = tagger.Tag(input);
            if (parse.GetValue(formatOption) == "json") stdout.WriteLine(ToJson(tagger, tags));
            else
            {
                if (tags.Count == 0) stdout.WriteLine("no labels");
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

    private static string ToJson(RuleTagger tagger, IReadOnlyList<PassageTag> tags)
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
        var root = new JsonObject { ["ruleSetVersion"] = tagger.RuleSetVersion, ["tags"] = array };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

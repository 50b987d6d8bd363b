using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;
using static PolicyLens.Tests.Tagging.TestRules;

namespace PolicyLens.Tests.Tagging;

public class GoldEvaluation
{
    private const string Gold = """
        {"id": "p1", "doc": "d", "text": "Wekelijks ontmoeten buren elkaar.", "labels": {"element": ["herhaalde-ontmoetingen"], "type": ["sociaal"]}}
        {"id": "p2", "doc": "d", "text": "Een nieuwe rotonde.", "labels": {"element": [], "type": []}}
        {"id": "p3", "doc": "d", "text": "De ontmoeting van de raad met de provincie.", "labels": {"element": [], "type": []}}
        {"id": "p4", "doc": "d", "text": "Buurtbabbels tegen eenzaamheid.", "labels": {"element": ["herhaalde-ontmoetingen"], "type": ["sociaal"]}}
        """;

    [Fact]
    public void Precision_recall_and_F1_count_per_label_and_dimension()
    {
        var tagger = Tagger(Label("element", "herhaalde-ontmoetingen", Rule("o", "*ontmoet*")), Label("type", "sociaal", Rule("e", "eenzaam*")));
        var gold = GoldFile.Parse(new StringReader(Gold));
        Assert.Empty(gold.Errors);
        var report = Evaluator.Evaluate(tagger, gold.Passages);

        var element = report.Dimension("element")!;
        var label = Assert.Single(element.Labels);
        Assert.Equal((1, 1, 1, 2), (label.TruePositives, label.FalsePositives, label.FalseNegatives, label.Support));
        Assert.Equal(0.5, element.Micro.Precision);
        Assert.Equal(0.5, element.Micro.Recall);
        var type = report.Dimension("type")!;
        Assert.Equal(1.0, type.Micro.Precision);
        Assert.Equal(0.5, type.Micro.Recall);

        var fp = Assert.Single(report.Errors, e => e.Kind == ErrorKind.FalsePositive);
        Assert.Equal("p3", fp.PassageId);
        Assert.Equal("ontmoeting", fp.Evidence[0].MatchedText);
        Assert.Equal(3, report.Errors.Count);
    }

    [Fact]
    public void The_json_report_has_the_documented_shape()
    {
        var tagger = Tagger(Label("element", "herhaalde-ontmoetingen", Rule("o", "*ontmoet*")));
        var report = Evaluator.Evaluate(tagger, GoldFile.Parse(new StringReader(Gold)).Passages);
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson(includeErrors: true));
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("passages").GetInt32());
        var element = root.GetProperty("dimensions").GetProperty("element");
        Assert.Equal(0.5, element.GetProperty("micro").GetProperty("f1").GetDouble());
        Assert.True(element.GetProperty("macro").TryGetProperty("precision", out _));
        Assert.Equal(2, element.GetProperty("labels").GetProperty("herhaalde-ontmoetingen").GetProperty("support").GetInt32());
        Assert.Equal(4, root.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Broken_gold_lines_are_reported_with_their_line_number()
    {
        var gold = GoldFile.Parse(new StringReader("{\"id\": \"a\", \"text\": \"x\", \"labels\": {\"element\": [\"bestaat-niet\"]}}\nnot json\n"), "g.jsonl");
        Assert.Contains(gold.Errors, e => e.StartsWith("g.jsonl:1:") && e.Contains("bestaat-niet"));
        Assert.Contains(gold.Errors, e => e.StartsWith("g.jsonl:2:"));
    }
}

public class GoldFileChecks
{
    [Fact]
    public void A_passage_without_one_of_the_evaluated_dimensions_is_named_with_its_line()
    {
        var gold = GoldFile.Parse(new StringReader("{\"id\": \"a\", \"doc\": \"d\", \"text\": \"x\", \"labels\": {\"element\": [], \"type\": []}}\n"), "g.jsonl",
            GoldFile.EvaluatedDimensions);
        var error = Assert.Single(gold.Errors);
        Assert.StartsWith("g.jsonl:1:", error);
        Assert.Contains("'level'", error);
    }

    [Fact]
    public void An_unknown_dimension_is_named_rather_than_silently_left_unscored()
    {
        var gold = GoldFile.Parse(new StringReader("{\"id\": \"a\", \"text\": \"x\", \"labels\": {\"elements\": []}}\n"), "g.jsonl");
        Assert.Contains(gold.Errors, e => e.StartsWith("g.jsonl:1:") && e.Contains("unknown dimension 'elements'"));
    }
}

using PolicyLens.Tagging;
using static PolicyLens.Tests.Tagging.TestRules;

namespace PolicyLens.Tests.Tagging;

public class RuleSetValidation
{
    private static RuleSetException Rejects(params LabelRules[] labels) =>
        Assert.Throws<RuleSetException>(() => new RuleSet(labels, "v"));

    [Fact]
    public void A_label_id_outside_the_framework_is_refused()
    {
        var e = Rejects(Label("element", "herhaalde-ontmoeting", Rule("r", "ontmoet*")));
        Assert.Contains("unknown label id 'herhaalde-ontmoeting'", e.Message);
    }

    [Fact]
    public void A_duplicate_label_is_refused()
    {
        var e = Rejects(Label("type", "sociaal", Rule("a", "eenzaam*")), Label("type", "sociaal", Rule("b", "buren")));
        Assert.Contains("duplicate label id 'sociaal'", e.Message);
    }

    [Fact]
    public void A_term_that_is_also_its_own_negative_context_is_refused()
    {
        var e = Rejects(Label("type", "sociaal", new TermRule("a", ["Eenzaam*"], not: ["eenzaam*"])));
        Assert.Contains("both a positive term and a negative context", e.Message);
        Assert.Equal("type.sociaal.a", e.Problems[0].RuleId);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("*", "only a star")]
    [InlineData("ont*moet", "only stand at the start or end")]
    [InlineData("eenzaam/isolement", "contains '/'")]
    public void A_malformed_term_is_refused_with_a_reason(string term, string reason)
    {
        var e = Rejects(Label("type", "sociaal", Rule("a", term)));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Labels_come_out_in_framework_dimension_order()
    {
        var set = new RuleSet([Label("level", "selectief", Rule("a", "mantelzorg*")), Label("element", "bezig-zijn", Rule("b", "sport*"))], "v");
        Assert.Equal(["element", "level"], set.Labels.Select(l => l.Dimension));
    }

    [Fact]
    public void The_version_changes_with_the_content_but_not_with_line_endings()
    {
        var a = RuleSet.ComputeVersion([("element.yaml", "a: 1\nb: 2\n")]);
        var b = RuleSet.ComputeVersion([("element.yaml", "a: 1\r\nb: 2\r\n")]);
        var c = RuleSet.ComputeVersion([("element.yaml", "a: 1\nb: 3\n")]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.StartsWith("sha256:", a);
    }
}

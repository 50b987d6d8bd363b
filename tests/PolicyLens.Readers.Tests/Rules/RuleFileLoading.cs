using PolicyLens.Readers.Rules;

namespace PolicyLens.Readers.Tests.Rules;

public class RuleFileLoading
{
    private const string Valid = """
        dimension: type
        labels:
          - id: sociaal
            name: sociale eenzaamheid
            description: Gemis aan een bredere kring.
            suggested_actions: [Versterk netwerken.]
            rules:
              - id: eenzaam
                terms: [eenzaam*]
            examples:
              positive: [Veel mensen voelen zich eenzaam.]
              negative: [Een nieuwe rotonde.]
        """;

    private static RuleSetLoadResult Load(string yaml, string name = "rules/type.yaml") => RuleSetLoader.LoadFiles([(name, yaml)]);

    [Fact]
    public void A_valid_file_becomes_a_rule_set_with_a_content_version()
    {
        var result = Load(Valid);
        Assert.True(result.Success, result.Describe());
        var label = Assert.Single(result.RuleSet!.Labels);
        Assert.Equal(("type", "sociaal", 2), (label.Dimension, label.Id, label.Examples.Count));
        Assert.Equal(Load(Valid).RuleSet!.Version, result.RuleSet.Version);
        Assert.NotEqual(Load(Valid.Replace("eenzaam*]", "eenzaam*, vereenzaming]")).RuleSet!.Version, result.RuleSet.Version);
    }

    [Fact]
    public void An_unknown_label_id_is_reported_with_file_line_and_id()
    {
        var problem = Assert.Single(Load(Valid.Replace("id: sociaal", "id: socaal")).Problems);
        Assert.Equal("rules/type.yaml", problem.Location!.File);
        Assert.Equal(3, problem.Location.Line);
        Assert.Equal("type.socaal", problem.RuleId);
        Assert.Contains("unknown label id 'socaal'", problem.Message);
        Assert.Contains("sociaal, emotioneel, existentieel", problem.Message);
    }

    [Fact]
    public void A_label_defined_twice_across_files_is_a_duplicate()
    {
        var result = RuleSetLoader.LoadFiles([("rules/a.yaml", Valid), ("rules/b.yaml", Valid)]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("rules/b.yaml", problem.Location!.File);
        Assert.Contains("duplicate label id 'sociaal'", problem.Message);
        Assert.Contains("rules/a.yaml:3", problem.Message);
    }

    [Fact]
    public void A_duplicate_rule_id_within_a_label_is_reported()
    {
        var yaml = Valid.Replace("""
                  - id: eenzaam
                    terms: [eenzaam*]
            """, """
                  - id: eenzaam
                    terms: [eenzaam*]
                  - id: eenzaam
                    terms: [vereenzaming]
            """);
        Assert.Contains(Load(yaml).Problems, p => p.Message.Contains("duplicate rule id 'eenzaam'"));
    }

    [Fact]
    public void An_empty_term_is_reported_on_its_own_line()
    {
        var problem = Assert.Single(Load(Valid.Replace("terms: [eenzaam*]", "terms:\n          - eenzaam*\n          - ''")).Problems);
        Assert.Equal(11, problem.Location!.Line);
        Assert.Equal("type.sociaal.eenzaam", problem.RuleId);
        Assert.Contains("empty entry in 'terms'", problem.Message);
    }

    [Fact]
    public void An_invalid_pattern_is_reported_with_the_reason()
    {
        var problem = Assert.Single(Load(Valid.Replace("terms: [eenzaam*]", "terms: [een*zaam]")).Problems);
        Assert.Contains("invalid pattern in 'terms'", problem.Message);
        Assert.Contains("a star may only stand at the start or end", problem.Message);
        Assert.Equal(9, problem.Location!.Line);
    }

    [Fact]
    public void A_negative_term_identical_to_a_positive_one_is_reported()
    {
        var problem = Assert.Single(Load(Valid.Replace("terms: [eenzaam*]", "terms: [eenzaam*]\n        not: [Eenzaam*]")).Problems);
        Assert.Contains("also listed under 'not'", problem.Message);
        Assert.Equal("type.sociaal.eenzaam", problem.RuleId);
    }

    [Fact]
    public void A_misspelt_key_and_an_unknown_dimension_are_reported()
    {
        Assert.Contains(Load(Valid.Replace("terms: [eenzaam*]", "term: [eenzaam*]")).Problems, p => p.Message.Contains("unknown key 'term'"));
        Assert.Contains(Load(Valid.Replace("dimension: type", "dimension: soort")).Problems, p => p.Message.Contains("unknown dimension 'soort'"));
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line()
    {
        var problem = Assert.Single(Load("dimension: type\nlabels:\n  - id: sociaal\n    name: [unclosed\n").Problems);
        Assert.Contains("not valid YAML", problem.Message);
        Assert.True(problem.Location!.Line >= 4);
    }

    [Fact]
    public void A_missing_directory_is_a_problem_not_an_exception()
    {
        var result = RuleSetLoader.LoadDirectory(Path.Join(Path.GetTempPath(), "no-such-rules-" + Guid.NewGuid()));
        Assert.False(result.Success);
        Assert.Contains("does not exist", result.Describe());
        Assert.Throws<RuleSetLoadException>(() => RuleSetLoader.LoadOrThrow(Path.Join(Path.GetTempPath(), "no-such-rules-" + Guid.NewGuid())));
    }
}

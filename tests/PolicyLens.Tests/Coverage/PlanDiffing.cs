using PolicyLens.Coverage;

namespace PolicyLens.Tests.Coverage;

public class SequenceDiffing
{
    private static string Apply(IReadOnlyList<DiffRun> runs, string old, string @new) =>
        string.Concat(runs.Select(r => r.Op == DiffOp.Inserted ? @new.Substring(r.NewStart, r.Length) : r.Op == DiffOp.Equal ? old.Substring(r.OldStart, r.Length) : ""));

    [Theory]
    [InlineData("abcabba", "cbabac", 5)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abcdef", "abXdef", 2)]
    [InlineData("kitten", "sitting", 5)]
    public void The_edit_script_is_shortest_and_turns_old_into_new(string old, string @new, int edits)
    {
        var runs = SequenceDiff.Diff(old.ToCharArray(), @new.ToCharArray());

        Assert.Equal(@new, Apply(runs, old, @new));
        Assert.Equal(edits, runs.Where(r => r.Op != DiffOp.Equal).Sum(r => r.Length));
        Assert.Equal(old.Length, runs.Where(r => r.Op != DiffOp.Inserted).Sum(r => r.Length));
    }

    [Fact]
    public void Sequences_too_different_for_the_budget_are_reported_as_replaced_between_their_common_ends()
    {
        var runs = SequenceDiff.Diff("xabcdefy".ToCharArray(), "xghijkly".ToCharArray(), maxEdits: 3);
        Assert.Equal([DiffOp.Equal, DiffOp.Deleted, DiffOp.Inserted, DiffOp.Equal], runs.Select(r => r.Op));
        Assert.Equal("xghijkly", Apply(runs, "xabcdefy", "xghijkly"));
    }
}

public class PlanDiffing
{
    private static PlanCoverage Version1() => new PlanBuilder()
        .Heading(1, "BD 1 Samen")
        .Text("We openen een buurthuis in elke wijk.", "element:herhaalde-ontmoetingen")
        .Text("Vrijwilligers bezoeken ouderen thuis.", "element:betekenisvol-contact", "age:ouderen")
        .Text("Deze passage verdwijnt in de nieuwe versie helemaal.", "element:toegankelijkheid")
        .Text("Het budget volgt later.")
        .Analyze();

    private static PlanCoverage Version2() => new PlanBuilder()
        .Heading(1, "BD 1 Samen")
        .Text("We openen een buurthuis in elke wijk.", "element:herhaalde-ontmoetingen")
        .Text("Vrijwilligers en buren bezoeken ouderen en jongeren thuis.", "element:betekenisvol-contact", "age:ouderen", "age:jongeren@jongeren")
        .Text("Het budget volgt later.")
        .Text("Scholen leren kinderen omgaan met eenzaamheid.", "element:sociaal-emotionele-competenties@Scholen", "focus:onderwijs")
        .Analyze();

    [Fact]
    public void Labels_absent_in_one_version_and_present_in_the_other_are_gained_or_lost()
    {
        var diff = new PlanDiffer().Diff(Version1(), Version2());

        Assert.Contains("element:sociaal-emotionele-competenties", diff.Gained);
        Assert.Contains("age:jongeren", diff.Gained);
        Assert.Contains("focus:onderwijs", diff.Gained);
        Assert.Equal(["element:toegankelijkheid"], diff.Lost);
        var change = diff.StatusChanges.Single(c => c.Key == "element:toegankelijkheid");
        Assert.Equal((CoverageStatus.Genoemd, CoverageStatus.Afwezig), (change.OldStatus, change.NewStatus));
        Assert.DoesNotContain(diff.StatusChanges, c => c.Key == "element:herhaalde-ontmoetingen");
    }

    [Fact]
    public void Passages_are_added_removed_or_changed_with_a_word_diff_and_the_new_tags()
    {
        var diff = new PlanDiffer().Diff(Version1(), Version2());

        Assert.Equal(3, diff.UnchangedPassages); // heading, buurthuis, budget
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("Vrijwilligers bezoeken ouderen thuis.", changed.Old!.Passage.Text);
        Assert.Equal(changed.Old.Passage.Text, string.Concat(changed.Edits.Where(e => e.Op != DiffOp.Inserted).Select(e => e.Text)));
        Assert.Equal(changed.New!.Passage.Text, string.Concat(changed.Edits.Where(e => e.Op != DiffOp.Deleted).Select(e => e.Text)));
        Assert.Contains(changed.Edits, e => e.Op == DiffOp.Inserted && e.Text.Contains("en buren", StringComparison.Ordinal));
        Assert.Equal(["age:jongeren"], changed.NewTags.Select(t => LabelKeys.Of(t.Dimension, t.Label)));
        Assert.Equal("jongeren", Assert.Single(changed.NewTags[0].Evidence).MatchedText);

        var removed = Assert.Single(diff.Removed);
        Assert.StartsWith("Deze passage verdwijnt", removed.Old!.Passage.Text);
        var added = Assert.Single(diff.Added);
        Assert.StartsWith("Scholen leren", added.New!.Passage.Text);
        Assert.Equal(2, added.NewTags.Count);
    }

    [Fact]
    public void A_check_that_failed_and_no_longer_does_is_now_passing()
    {
        PlanCoverage Draft(params string[] housingTags) => new PlanBuilder()
            .Heading(1, "BD 1 Samen").Text("We openen een buurthuis in elke wijk.", "element:herhaalde-ontmoetingen")
            .Heading(1, "BD 2 Wonen").Text("We bouwen woningen waar buren elkaar ontmoeten.", housingTags)
            .Analyze(checker: new StubChecker());
        var diff = new PlanDiffer().Diff(Draft("domain:wonen"), Draft("domain:wonen", "element:herhaalde-ontmoetingen"));

        var chapters = Assert.Single(diff.Checks); // the check that does not apply in either version did not change
        Assert.Equal(StubChecker.Chapters.Id, chapters.Id);
        Assert.Equal((CheckStatus.Waarschuwing, CheckStatus.InOrde), (chapters.OldStatus, chapters.NewStatus));
        Assert.True(chapters.NowPassing);
        Assert.False(chapters.NowFailing);
    }

    [Fact]
    public void The_same_version_twice_is_identical()
    {
        var diff = new PlanDiffer().Diff(Version1(), Version1());
        Assert.True(diff.Identical);
        Assert.Equal(Version1().Passages.Count, diff.UnchangedPassages);
    }

    [Fact]
    public void Whitespace_alone_does_not_change_a_passage()
    {
        var a = new PlanBuilder().Text("Een  buurthuis\tin elke wijk.").Analyze();
        var b = new PlanBuilder().Text("Een buurthuis in elke wijk.").Analyze();
        Assert.Empty(new PlanDiffer().Diff(a, b).Passages);
    }
}

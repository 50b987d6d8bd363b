using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Tests.Tagging;

public class GroupedFolding
{
    private static readonly (string Id, string Doc)[] Items =
        Enumerable.Range(0, 40).Select(i => ($"p{i}", $"doc{i % 9}")).Concat([("big1", "big"), ("big2", "big"), ("big3", "big")]).ToArray();

    [Fact]
    public void All_passages_of_one_document_land_in_the_same_fold()
    {
        var folds = GroupedFolds.Assign(Items, x => x.Doc, 4);
        foreach (var doc in Items.Select(x => x.Doc).Distinct())
            Assert.Single(Items.Select((x, i) => (x, f: folds[i])).Where(t => t.x.Doc == doc).Select(t => t.f).Distinct());
    }

    [Fact]
    public void Folds_are_about_equally_large_and_none_is_empty()
    {
        var folds = GroupedFolds.Assign(Items, x => x.Doc, 4);
        var sizes = Enumerable.Range(0, 4).Select(f => folds.Count(x => x == f)).ToArray();
        Assert.All(sizes, s => Assert.True(s > 0));
        Assert.True(sizes.Max() - sizes.Min() <= 6, string.Join(",", sizes));
    }

    [Fact]
    public void The_split_is_the_same_on_every_run_and_ignores_the_order_of_the_documents()
    {
        var a = GroupedFolds.Assign(Items, x => x.Doc, 5);
        var reversed = Items.Reverse().ToArray();
        var b = GroupedFolds.Assign(reversed, x => x.Doc, 5).Reverse().ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void More_folds_than_documents_is_refused_with_the_numbers()
    {
        var e = Assert.Throws<ArgumentException>(() => GroupedFolds.Assign(Items.Take(3).ToArray(), x => x.Doc, 5));
        Assert.Contains("5 folds need at least 5 documents", e.Message);
    }
}

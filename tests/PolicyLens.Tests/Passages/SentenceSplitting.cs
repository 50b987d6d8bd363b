using PolicyLens.Passages;

namespace PolicyLens.Tests.Passages;

public class SentenceSplitting
{
    [Theory]
    [InlineData("We werken o.a. met de bib. Dat loopt goed.", 1)]
    [InlineData("We werken i.s.m. de school. Dat loopt goed.", 1)]
    [InlineData("Zie bv. de nota. Daarna volgt meer.", 1)]
    [InlineData("Volgens art. 5 van het reglement mag dat. Dat is nieuw.", 1)]
    [InlineData("Hoofdstuk 1.2 regelt dit. Dat is nieuw.", 1)]
    [InlineData("Wethouder J. Peeters opent. Iedereen is welkom.", 1)]
    [InlineData("Het budget stijgt in 2026. Daarna daalt het.", 1)]
    public void Abbreviations_initials_and_numbers_do_not_end_a_sentence(string text, int expectedBoundaries) =>
        Assert.Equal(expectedBoundaries, SentenceSplitter.Boundaries(text).Count);

    [Fact]
    public void An_overlong_paragraph_splits_into_balanced_pieces_at_sentence_ends()
    {
        var sentence = "De gemeente organiseert o.a. wekelijkse ontmoetingen in het buurthuis van elke deelkern. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 30)).Trim();
        var pieces = SentenceSplitter.Split(text, 1200);
        Assert.True(pieces.Count >= 2);
        Assert.All(pieces, p => Assert.True(p.Length <= 1200, $"piece of {p.Length}"));
        Assert.All(pieces, p => Assert.EndsWith("deelkern.", p));
        Assert.Equal(text.Replace(" ", ""), string.Concat(pieces).Replace(" ", ""));
    }

    [Fact]
    public void A_paragraph_without_sentence_ends_splits_at_spaces_never_inside_a_word()
    {
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"woord{i}"));
        var pieces = SentenceSplitter.Split(text, 1200);
        Assert.All(pieces, p => Assert.True(p.Length <= 1200));
        var words = pieces.SelectMany(p => p.Split(' ')).ToList();
        Assert.Equal(400, words.Count);
        Assert.Equal("woord399", words[^1]);
    }
}

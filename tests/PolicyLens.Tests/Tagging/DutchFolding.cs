using PolicyLens.Tagging;

namespace PolicyLens.Tests.Tagging;

public class DutchFolding
{
    [Fact]
    public void Folding_keeps_the_length_so_spans_map_back_to_the_original()
    {
        const string text = "Geïndiceerde préventie: ‘Één’ café’s — zo’n idee!";
        var folded = DutchText.Fold(text);
        Assert.Equal(text.Length, folded.Length);
    }

    [Fact]
    public void Diacritics_and_case_disappear_but_words_stay_apart()
    {
        Assert.Equal("geindiceerde creeren een", DutchText.Fold("Geïndiceerde CREËREN één"));
    }

    [Fact]
    public void An_apostrophe_inside_a_word_stays_but_quotes_around_a_title_become_spaces()
    {
        Assert.Equal("zo'n auto's", DutchText.Fold("zo’n auto's"));
        Assert.Equal(" vierkant ", DutchText.Fold("‘Vierkant’"));
    }

    [Fact]
    public void Punctuation_and_hyphens_are_word_boundaries()
    {
        Assert.Equal("dak  en thuislozen", DutchText.Fold("dak- en thuislozen"));
    }
}

using PolicyLens.Passages;

namespace PolicyLens.Tests.Passages;

public class TextCleaning
{
    [Fact]
    public void Soft_hyphens_and_zero_width_characters_disappear() =>
        Assert.Equal("ontmoetingsplek", TextCleaner.Clean("ont\u00ADmoetings\u200Bplek\uFEFF"));

    [Fact]
    public void Non_breaking_and_odd_spaces_become_single_plain_spaces() =>
        Assert.Equal("15 000 euro per jaar", TextCleaner.Clean("15\u00A0000\u202Feuro \u2003 per\tjaar"));

    [Fact]
    public void Ligatures_are_spelled_out() =>
        Assert.Equal("officiële flyers affiches", TextCleaner.Clean("o\uFB03ciële \uFB02yers a\uFB00iches"));

    [Fact]
    public void A_word_split_at_the_line_end_is_joined() =>
        Assert.Equal("een warme samenleving voor iedereen", TextCleaner.Clean("een warme samen-\nleving voor iedereen"));

    [Fact]
    public void An_elided_compound_keeps_its_hyphen_and_space() =>
        Assert.Equal("het zorg- en welzijnsbeleid", TextCleaner.Clean("het zorg-\nen welzijnsbeleid"));

    [Fact]
    public void A_hyphen_within_a_line_is_never_touched() =>
        Assert.Equal("het zorg- en welzijnsbeleid voor oud-strijders", TextCleaner.Clean("het zorg- en welzijnsbeleid voor oud-strijders"));

    [Theory]
    [InlineData("de oud-\nstrijders", "de oud-strijders")]
    [InlineData("in Noord-\nBrabant", "in Noord-Brabant")]
    [InlineData("een auto-\nongeluk", "een auto-ongeluk")]
    public void A_hyphen_that_belongs_to_the_word_survives_a_line_break(string input, string expected) =>
        Assert.Equal(expected, TextCleaner.Clean(input));

    [Fact]
    public void Smart_quotes_stay_in_the_display_text_but_fold_for_matching()
    {
        var clean = TextCleaner.Clean("het project ‘Samen aan tafel’ – “voor iedereen”");
        Assert.Equal("het project ‘Samen aan tafel’ – “voor iedereen”", clean);
        Assert.Equal("het project 'samen aan tafel' - \"voor iedereen\"", TextCleaner.FoldForMatching(clean));
    }

    [Fact]
    public void Whitespace_and_line_breaks_collapse_and_the_ends_are_trimmed() =>
        Assert.Equal("twee regels tekst", TextCleaner.Clean("  twee\r\nregels \n\n tekst  "));
}

using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>How two lines of one paragraph are joined: line-end hyphenation repaired, real hyphens kept.</summary>
public sealed class PdfLineJoining
{
    private readonly PdfTextRepair _repair = new();

    [Fact]
    public void A_word_broken_at_the_line_end_is_joined_without_its_hyphen() =>
        Assert.Equal("de nieuwe ontmoetingsplekken in de wijk", _repair.Join("de nieuwe ontmoetings-", "plekken in de wijk"));

    [Fact]
    public void A_shared_part_before_en_keeps_its_hyphen_and_space() =>
        Assert.Equal("het zorg- en welzijnsbeleid", _repair.Join("het zorg-", "en welzijnsbeleid"));

    [Fact]
    public void A_hyphenated_word_seen_whole_elsewhere_in_the_document_keeps_its_hyphen()
    {
        _repair.Learn("De oud-strijders komen elke maand samen.");
        Assert.Equal("met de oud-strijders van het dorp", _repair.Join("met de oud-", "strijders van het dorp"));
    }

    [Fact]
    public void A_word_seen_whole_elsewhere_is_joined_even_after_a_known_prefix()
    {
        _repair.Learn("Een extraatje voor iedereen.");
        Assert.Equal("een extraatje", _repair.Join("een extra-", "atje"));
    }

    [Fact]
    public void Vowel_clashes_and_capitals_keep_the_hyphen()
    {
        Assert.Equal("een auto-ongeluk", _repair.Join("een auto-", "ongeluk"));
        Assert.Equal("in Oost-Vlaanderen", _repair.Join("in Oost-", "Vlaanderen"));
        Assert.Equal("van 2026-2031", _repair.Join("van 2026-", "2031"));
    }

    [Fact]
    public void A_dash_at_the_line_end_is_not_a_hyphen() =>
        Assert.Equal("vrijwilliger – want samen", _repair.Join("vrijwilliger –", "want samen"));

    [Fact]
    public void A_soft_hyphen_at_the_line_end_joins_the_word() =>
        Assert.Equal("vervoersregeling", _repair.Join("vervoers\u00AD", "regeling"));

    [Fact]
    public void Ligatures_non_breaking_spaces_and_zero_width_characters_are_folded() =>
        Assert.Equal("de finale officier 12 km", PdfTextRepair.Clean("de \uFB01nale of\uFB01cier\u200B 12\u00A0km"));

    [Fact]
    public void Soft_hyphens_inside_a_line_disappear() =>
        Assert.Equal("ontmoetingsplekken", PdfTextRepair.RemoveSoftHyphens("ontmoetings\u00ADplekken"));
}

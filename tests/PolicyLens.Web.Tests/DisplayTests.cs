using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.1, "tot 20%")]
    [InlineData(0.2, "20–39%")]
    [InlineData(0.5, "40–59%")]
    [InlineData(0.79, "60–79%")]
    [InlineData(1.0, "80% of meer")]
    public void The_share_legend_names_the_colour_each_share_gets(double share, string legendText)
    {
        var entry = Display.ShareLegend.Single(e => e.Text == legendText);
        Assert.Equal(entry.Class, Display.ShareClass(share));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(2, "2")]
    [InlineData(4, "3–4")]
    [InlineData(9, "5–9")]
    [InlineData(30, "10 of meer")]
    public void The_heat_legend_names_the_colour_each_count_gets(int passages, string legendText)
    {
        var entry = Display.HeatLegend.Single(e => e.Text == legendText);
        Assert.Equal(entry.Class, Display.HeatClass(passages));
    }

    [Fact]
    public void Numbers_use_the_Dutch_decimal_comma() => Assert.Equal("2,8", Display.Number(2.75));

    [Fact]
    public void An_empty_cell_text_becomes_a_dash()
    {
        Assert.Equal("–", Display.OrDash(" "));
        Assert.Equal("blz. 3", Display.OrDash("blz. 3"));
    }

    [Fact]
    public void Plans_sort_by_title_with_numbers_in_order_of_their_value_and_ignoring_case()
    {
        string[] titles = ["Plan nummer 10", "plan nummer 2", "Plan nummer 1", "Actieplan Ouderen"];

        var sorted = titles.Order(PolicyLens.Web.Pages.Compare.CompareModel.TitleOrder).ToArray();

        Assert.Equal(["Actieplan Ouderen", "Plan nummer 1", "plan nummer 2", "Plan nummer 10"], sorted);
    }
}

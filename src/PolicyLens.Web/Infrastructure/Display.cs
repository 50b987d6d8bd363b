using System.Globalization;
using PolicyLens.Coverage;
using PolicyLens.Documents;

namespace PolicyLens.Web.Infrastructure;

/// <summary>Dutch wording and the heat scale shared by the pages.</summary>
public static class Display
{
    private static readonly Dictionary<string, string> DimensionNames = new(StringComparer.Ordinal)
    {
        ["element"] = "Werkzame elementen",
        ["type"] = "Soorten eenzaamheid",
        ["level"] = "Preventieniveaus",
        ["age"] = "Leeftijdsgroepen",
        ["risk"] = "Risicogroepen",
        ["frame"] = "Framing",
        ["domain"] = "Beleidsdomeinen",
        ["approach"] = "Structurele aanpak",
        ["focus"] = "Aandachtsvelden",
        ["interventions-7"] = "Zeven elementen van interventies",
    };

    public static string DimensionName(string dimension) => DimensionNames.GetValueOrDefault(dimension, dimension);

    public static string StatusText(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => "uitgewerkt",
        CoverageStatus.Genoemd => "genoemd",
        _ => "afwezig",
    };

    /// <summary>A shape per status, so a cell says its status without colour (the legend shows the same shapes).</summary>
    public static string StatusGlyph(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => "●",
        CoverageStatus.Genoemd => "◐",
        _ => "○",
    };

    /// <summary>
    /// Heat class h0–h5 for a passage count. Steps grow because a plan returning to a theme ten
    /// times is not ten times better covered than one returning twice.
    /// </summary>
    public static string HeatClass(int passages) => passages switch
    {
        <= 0 => "h0",
        1 => "h1",
        2 => "h2",
        <= 4 => "h3",
        <= 9 => "h4",
        _ => "h5",
    };

    /// <summary>The legend of <see cref="HeatClass"/>: class and the counts it stands for.</summary>
    public static IReadOnlyList<(string Class, string Text)> HeatLegend { get; } =
        [("h0", "0"), ("h1", "1"), ("h2", "2"), ("h3", "3–4"), ("h4", "5–9"), ("h5", "10 of meer")];

    /// <summary>Heat class for a share between 0 and 1 (compare page, share of plans).</summary>
    public static string ShareClass(double share) => share switch
    {
        <= 0 => "h0",
        < 0.2 => "h1",
        < 0.4 => "h2",
        < 0.6 => "h3",
        < 0.8 => "h4",
        _ => "h5",
    };

    /// <summary>The legend of <see cref="ShareClass"/>: class and the shares it stands for.</summary>
    public static IReadOnlyList<(string Class, string Text)> ShareLegend { get; } =
        [("h0", "0%"), ("h1", "tot 20%"), ("h2", "20–39%"), ("h3", "40–59%"), ("h4", "60–79%"), ("h5", "80% of meer")];

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateTimeOffset at) => at.ToLocalTime().ToString("d-M-yyyy", CultureInfo.InvariantCulture);

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A number as Dutch readers write it: decimal comma, one decimal at most ("2,8").</summary>
    public static string Number(double value) => value.ToString("0.#", Dutch);

    /// <summary>A measure between 0 and 1 with two decimals, Dutch style ("0,61").</summary>
    public static string Fraction(double value) => value.ToString("0.00", Dutch);

    /// <summary>Text for a table cell that would otherwise be empty.</summary>
    public static string OrDash(string text) => string.IsNullOrWhiteSpace(text) ? "–" : text;

    public static string FormatName(PolicyLens.Documents.DocumentFormat format) => format switch
    {
        PolicyLens.Documents.DocumentFormat.Pdf => "PDF",
        PolicyLens.Documents.DocumentFormat.Docx => "DOCX",
        PolicyLens.Documents.DocumentFormat.Odt => "ODT",
        PolicyLens.Documents.DocumentFormat.Html => "HTML",
        PolicyLens.Documents.DocumentFormat.Markdown => "Markdown",
        PolicyLens.Documents.DocumentFormat.Text => "tekst",
        PolicyLens.Documents.DocumentFormat.Csv => "CSV-tabel",
        PolicyLens.Documents.DocumentFormat.Xlsx => "Excel-tabel",
        PolicyLens.Documents.DocumentFormat.Json => "JSON-tabel",
        _ => format.ToString(),
    };

    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    // Column headers of the compare page: eleven elements must fit next to each other at 1440 px.
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["element:maatschappelijk-vertrouwen"] = "Vertrouwen",
        ["element:gemeenschapszin"] = "Gemeensch.",
        ["element:bestaanszekerheid"] = "Bestaansz.",
        ["element:toegankelijkheid"] = "Toegang",
        ["element:acceptatie-verschillen"] = "Acceptatie",
        ["element:sociaal-emotionele-competenties"] = "Compet.",
        ["element:realistische-verwachtingen"] = "Verwacht.",
        ["element:herhaalde-ontmoetingen"] = "Ontmoeten",
        ["element:bezig-zijn"] = "Bezig zijn",
        ["element:betekenisvol-contact"] = "Contact",
        ["element:praktische-ondersteuning"] = "Steun",
    };

    /// <summary>At most 10 characters for a narrow column header: a fixed abbreviation, else the name or its first word, cut with a dot.</summary>
    public static string ShortName(PolicyLens.Tagging.LabelInfo label)
    {
        if (ShortNames.TryGetValue(LabelKeys.Of(label), out var known)) return known;
        var name = label.Name.Length > 0 ? char.ToUpperInvariant(label.Name[0]) + label.Name[1..] : label.Name;
        if (name.Length <= 10) return name;
        var first = name.Split(' ', '-')[0];
        return first.Length <= 10 ? first : first[..8] + ".";
    }

}

using System.Globalization;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>The Dutch words the reports use for dimensions, statuses and severities.</summary>
public static class ReportText
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    public static string Dimension(string dimension) => dimension switch
    {
        "element" => "Werkzame elementen",
        "type" => "Soorten eenzaamheid",
        "level" => "Preventieniveaus",
        "age" => "Leeftijdsgroepen",
        "risk" => "Risicogroepen",
        "frame" => "Framing",
        "domain" => "Beleidsdomeinen",
        "approach" => "Structurele aanpak",
        "focus" => "Aandachtsvelden (onderwijs, werk, zorg)",
        "interventions-7" => "Zeven werkzame elementen van interventies",
        _ => dimension,
    };

    public static string Status(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => "uitgewerkt",
        CoverageStatus.Genoemd => "genoemd",
        _ => "afwezig",
    };

    public static string Severity(FlagSeverity severity) => severity switch
    {
        FlagSeverity.Warning => "aandachtspunt",
        FlagSeverity.Info => "ter informatie",
        _ => "in orde",
    };

    /// <summary>A number with Dutch formatting and up to two decimals ("3,5").</summary>
    public static string Number(double value) => value.ToString("0.##", Culture);

    /// <summary>A share as a Dutch percentage ("12%").</summary>
    public static string Percent(double share) => (share * 100).ToString("0", Culture) + "%";

    public static string Page(int? page) => page is { } p ? $"p. {p}" : "";
}

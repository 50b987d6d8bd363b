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

    /// <summary>How a plan came out of a check, in the words of the compare page and the exports.</summary>
    public static string Check(CheckResult result) => result switch
    {
        CheckResult.Failed => "niet gehaald",
        CheckResult.Notice => "ter informatie",
        _ => "in orde",
    };

    /// <summary>A number with Dutch formatting and up to two decimals ("3,5").</summary>
    public static string Number(double value) => value.ToString("0.##", Culture);

    /// <summary>A share as a Dutch percentage ("12%").</summary>
    public static string Percent(double share) => (share * 100).ToString("0", Culture) + "%";

    /// <summary>The summary sentence of a report (Dutch).</summary>
    public static string Summary(ReportSummary s)
    {
        var text = $"Van de {s.ElementCount} werkzame elementen zijn er {s.ElementsElaborated} uitgewerkt, {s.ElementsMentioned} genoemd en {s.ElementsAbsent} afwezig.";
        if (s.StrongestElements.Count > 0) text += $" Het sterkst aanwezig: {string.Join(", ", s.StrongestElements)}.";
        text += $" {s.Gaps} {(s.Gaps == 1 ? "lacune" : "lacunes")} met suggesties, {s.Warnings} {(s.Warnings == 1 ? "aandachtspunt" : "aandachtspunten")}.";
        return text;
    }

    /// <summary>"p. 3, BD 1 › AP 1.1": where a passage stands.</summary>
    public static string Location(PassageRef r)
    {
        var parts = new List<string>();
        if (r.Page is { } p) parts.Add($"p. {p}");
        parts.Add(r.HeadingPath.Length == 0 ? $"passage {r.Ordinal}" : r.HeadingPath);
        return string.Join(", ", parts);
    }
}

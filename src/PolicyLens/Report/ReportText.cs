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

    /// <summary>Dutch display text of a check status ("in orde", "waarschuwing", "niet van toepassing").</summary>
    public static string CheckStatus(CheckStatus status) => status switch
    {
        Coverage.CheckStatus.InOrde => "in orde",
        Coverage.CheckStatus.Waarschuwing => "waarschuwing",
        Coverage.CheckStatus.Aandacht => "aandacht",
        Coverage.CheckStatus.Info => "ter info",
        Coverage.CheckStatus.NietVanToepassing => "niet van toepassing",
        _ => "fout in de controle",
    };

    /// <summary>The status as in JSON and CSS classes: "in-orde", "waarschuwing", "niet-van-toepassing".</summary>
    public static string CheckStatusId(CheckStatus status) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    /// <summary>Dutch word of a check severity, as written in a check file.</summary>
    public static string Severity(CheckSeverity severity) => severity switch
    {
        CheckSeverity.Waarschuwing => "waarschuwing",
        CheckSeverity.Aandacht => "aandacht",
        _ => "info",
    };

    /// <summary>A checklist mark that reads without colour: ✔ passed, ✘ not passed, – not applicable, ! error.</summary>
    public static string CheckMark(CheckStatus status) => status switch
    {
        Coverage.CheckStatus.InOrde => "✔",
        Coverage.CheckStatus.NietVanToepassing => "–",
        Coverage.CheckStatus.Fout => "!",
        _ => "✘",
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
        text += $" {s.Gaps} {(s.Gaps == 1 ? "lacune" : "lacunes")} met suggesties.";
        if (s.Checks > 0)
            text += $" {s.ChecksFailed} van de {s.Checks} controles niet gehaald" + (s.Warnings > 0 ? $", waarvan {s.Warnings} met een waarschuwing." : ".");
        return text;
    }

    /// <summary>The lead-in of the ingestion warnings in a report header.</summary>
    public const string WarningsLead = "Let op bij het inlezen (de dekking gaat alleen over wat gelezen is):";

    /// <summary>"p. 3, BD 1 › AP 1.1": where a passage stands.</summary>
    public static string Location(PassageRef r)
    {
        var parts = new List<string>();
        if (r.Page is { } p) parts.Add($"p. {p}");
        parts.Add(r.HeadingPath.Length == 0 ? $"passage {r.Ordinal}" : r.HeadingPath);
        return string.Join(", ", parts);
    }
}

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

    /// <summary>
    /// The one status rule in words, as every legend shows it: one sentence per status, then what
    /// is counted. Thresholds come from the options the plan was analysed with.
    /// </summary>
    public static IReadOnlyList<string> StatusRule(CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ways = new List<string> { $"in minstens {options.ElaboratedMinPassages} passages lopende tekst op terug" };
        if (options.ActionCountsAsElaborated) ways.Add("maakt het concreet in een actie");
        if (options.HeadingCountsAsElaborated) ways.Add("geeft het een eigen kop met tekst eronder");
        ways.Add($"beschrijft het zo specifiek dat de scores samen {Number(options.ElaboratedMinStrength)} of meer halen");
        return
        [
            $"Uitgewerkt: het plan komt er {List(ways, "of")}.",
            "Genoemd: het plan noemt het, maar minder dan dat, of alleen in een kop of een tabelregel.",
            "Afwezig: geen enkele passage gaat erover.",
            "Alleen passages lopende tekst (alinea's en opsommingen) tellen mee; koppen en tabelregels, vaak begrotingsregels, staan er apart bij.",
        ];
    }

    /// <summary>Why a label or heatmap cell has its status, in one Dutch sentence ("Genoemd: 1 passage lopende tekst; …").</summary>
    public static string Explain(CoverageStatus status, StatusReason reason, PassageCounts counts, double strength, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(options);
        var text = TextCount(counts.Text);
        var why = reason switch
        {
            StatusReason.NoPassage => "geen enkele passage gaat erover",
            StatusReason.OnlyHeadingsOrTableRows => $"alleen in {Others(counts)}, niet in lopende tekst",
            StatusReason.FewPassages => $"{text}; uitgewerkt vraagt er {options.ElaboratedMinPassages}, een concrete actie of een eigen kop",
            StatusReason.ManyPassages => $"{text} ({options.ElaboratedMinPassages} of meer)",
            StatusReason.ConcreteAction => $"concreet gemaakt in een actie, {text}",
            StatusReason.OwnHeading => $"een eigen kop, met {text}",
            _ => $"specifiek beschreven in {text} (score {Number(strength)}, drempel {Number(options.ElaboratedMinStrength)})",
        };
        var extra = reason is StatusReason.NoPassage or StatusReason.OnlyHeadingsOrTableRows || counts.Headings + counts.TableRows == 0
            ? "" : $"; daarnaast {Others(counts)}";
        return $"{Capitalize(Status(status))}: {why}{extra}.";
    }

    /// <summary>The reason in a few words, small enough for a heatmap cell ("concrete actie", "minder dan 3").</summary>
    public static string ShortReason(StatusReason reason, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return reason switch
        {
            StatusReason.NoPassage => "geen passage",
            StatusReason.OnlyHeadingsOrTableRows => "alleen kop of tabel",
            StatusReason.FewPassages => $"minder dan {options.ElaboratedMinPassages}",
            StatusReason.ManyPassages => $"{options.ElaboratedMinPassages} of meer",
            StatusReason.ConcreteAction => "concrete actie",
            StatusReason.OwnHeading => "eigen kop",
            _ => "specifiek",
        };
    }

    /// <summary>"2 passages lopende tekst".</summary>
    public static string TextCount(int passages) => passages == 1 ? "1 passage lopende tekst" : $"{passages} passages lopende tekst";

    /// <summary>"1 kop en 3 tabelregels": the headings and table rows of counts (empty when none).</summary>
    public static string Others(PassageCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var parts = new List<string>();
        if (counts.Headings > 0) parts.Add(counts.Headings == 1 ? "1 kop" : $"{counts.Headings} koppen");
        if (counts.TableRows > 0) parts.Add(counts.TableRows == 1 ? "1 tabelregel" : $"{counts.TableRows} tabelregels");
        return List(parts, "en");
    }

    /// <summary>Counts as a table shows them: "2", or "2 (+1 kop)" when headings or table rows carry it too.</summary>
    public static string CountCell(PassageCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var others = counts.Headings + counts.TableRows;
        return others == 0 ? counts.Text.ToString(Culture) : $"{counts.Text} (+{Others(counts)})";
    }

    /// <summary>
    /// What to do about a gap: introduce an absent label, or deepen one the plan only mentions
    /// (where, and how: an action with a lead partner, budget and timing).
    /// </summary>
    public static string GapAdvice(string name, CoverageStatus status, PassageCounts counts, IReadOnlyList<SectionHit> sections)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(sections);
        if (status == CoverageStatus.Afwezig)
            return $"Het plan gaat niet in op {name}. Overweeg dit toe te voegen, bijvoorbeeld:";
        var where = counts.Text > 0
            ? $"noemt {name} in {TextCount(counts.Text)}" + (sections.Count > 0 ? $" ({List([.. sections.Take(2).Select(s => Shorten(s.Heading, 60))], "en")})" : "")
            : $"noemt {name} alleen in {Others(counts)}";
        return $"Het plan {where}, maar werkt het niet uit. Verdiep het: maak het concreet in een actie met een trekker, budget en planning, " +
            "en kom er in de uitwerking op terug. Ideeën om verder te gaan:";
    }

    /// <summary>The text cut at a word boundary to at most <paramref name="max"/> characters, with "…" when cut.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    /// <summary>"a", "a en b", "a, b en c" (or with "of").</summary>
    public static string List(IReadOnlyList<string> items, string conjunction = "en")
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
        };
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];

    /// <summary>What the numbers of a heatmap mean, under every heatmap.</summary>
    public const string HeatmapNote =
        "Elk vak telt de passages lopende tekst die het element en de kolom allebei dragen, met hun stand volgens dezelfde regel. " +
        "Een passage kan meer kolommen dragen en niet elke passage noemt er een, dus de vakken van een rij tellen niet op tot het element in het hele plan.";

    /// <summary>The section on "social connection in all policies" (one title in every report).</summary>
    public const string ChaptersTitle = "Sociale verbondenheid in al het beleid";

    /// <summary>"120 passages lopende tekst, 30 koppen, 12 tabelregels": a plan's passages by kind.</summary>
    public static string PlanPassages(PassageCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var others = Others(counts);
        return others.Length == 0 ? TextCount(counts.Text) : $"{TextCount(counts.Text)}, daarnaast {others}";
    }

    /// <summary>"3 passages lopende tekst en 1 kop": the passages carrying one label.</summary>
    public static string LabelPassages(PassageCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var others = Others(counts);
        return others.Length == 0 ? TextCount(counts.Text) : counts.Text == 0 ? others : $"{TextCount(counts.Text)}, {others}";
    }

    /// <summary>"kop" or "tabelregel" for passages that are not running text; null for running text.</summary>
    public static string? KindName(Passages.PassageKind kind) => kind switch
    {
        Passages.PassageKind.Heading => "kop",
        Passages.PassageKind.TableRow => "tabelregel",
        _ => null,
    };

    /// <summary>This build's version (informational version without the source hash).</summary>
    public static string ToolVersion { get; } =
        (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(ReportText).Assembly)
            ?.InformationalVersion ?? "?").Split('+')[0];

    /// <summary>The version details that belong at the end of a report, not in its header.</summary>
    public static IReadOnlyList<string> Colophon(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            $"Bestand: {report.Plan.FileName}" + (report.Plan.DocumentId is { } id ? $" (document {id} in PolicyLens)" : ""),
            $"Regelset: {report.Plan.RuleSetVersion}",
            $"Gemaakt met PolicyLens {ToolVersion}: de labels zijn door regels en een getraind model toegekend en geven aan waar het plan over gaat, niet hoe goed het beleid is. " +
                "Lees het bewijs voordat u een conclusie trekt.",
        };
        return lines;
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

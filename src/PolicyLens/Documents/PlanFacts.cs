using System.Text.RegularExpressions;

namespace PolicyLens.Documents;

/// <summary>
/// What a consultant filters plans by: the municipality's NIS code (and so its province), the
/// plan's first year and its type ("meerjarenplan", "beleidsplan", …). The structured import
/// knows them from the data and its mapping; for an uploaded document they are guessed from
/// the title (<see cref="Guess"/>) and may stay unknown.
/// </summary>
public sealed partial record PlanFacts
{
    public static PlanFacts None { get; } = new();

    public PlanFacts(string? nisCode = null, int? year = null, string? planType = null)
    {
        if (nisCode is not null && !BelgianProvinces.IsNisCode(nisCode))
            throw new ArgumentException($"'{nisCode}' is no NIS code (five digits).", nameof(nisCode));
        if (year is < 1900 or > 2200) throw new ArgumentOutOfRangeException(nameof(year), year, "A plan year lies between 1900 and 2200.");
        NisCode = nisCode;
        Year = year;
        PlanType = string.IsNullOrWhiteSpace(planType) ? null : planType.Trim().ToLowerInvariant();
    }

    /// <summary>The Belgian municipality code (five digits), if known.</summary>
    public string? NisCode { get; }

    /// <summary>The province the NIS code belongs to, in Dutch; null when the code is unknown.</summary>
    public string? Province => BelgianProvinces.FromNisCode(NisCode);

    /// <summary>The plan's first year (2026 for a meerjarenplan 2026–2031).</summary>
    public int? Year { get; }

    /// <summary>Lower-case plan type ("meerjarenplan"), if known.</summary>
    public string? PlanType { get; }

    /// <summary>Plan types recognised in titles, in the order they are tried (longest wording first).</summary>
    public static IReadOnlyList<(string Type, string[] Words)> KnownTypes { get; } =
    [
        ("lokaal sociaal beleidsplan", ["lokaal sociaal beleidsplan"]),
        ("meerjarenplan", ["meerjarenplan", "meerjarenplanning", "meerjarenraming"]),
        ("begroting", ["programmabegroting", "begroting"]),
        ("coalitieakkoord", ["coalitieakkoord", "bestuursakkoord", "bestuursprogramma"]),
        ("beleidsplan", ["beleidsplan", "beleidsnota", "beleidskader"]),
        ("jaarverslag", ["jaarverslag", "jaarrekening", "jaarstukken"]),
    ];

    /// <summary>The year and type a title or file name announces ("Meerjarenplan 2026-2031" → 2026, meerjarenplan); no NIS code.</summary>
    public static PlanFacts Guess(params string?[] texts)
    {
        int? year = null;
        string? type = null;
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var lower = text.ToLowerInvariant();
            type ??= KnownTypes.FirstOrDefault(t => t.Words.Any(w => lower.Contains(w, StringComparison.Ordinal))).Type;
            if (year is null && YearPattern().Match(text) is { Success: true } m) year = int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return new PlanFacts(null, year, type);
    }

    // A plausible plan year, standing alone or as the start of a period ("2026-2031", "2026_2031").
    [GeneratedRegex(@"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}

/// <summary>
/// The province of a Belgian municipality from its NIS code: the first digit names the province
/// (1 Antwerpen, 3 West-Vlaanderen, 4 Oost-Vlaanderen, 5 Henegouwen, 6 Luik, 7 Limburg,
/// 8 Luxemburg, 9 Namen); under 2, the former Brabant, the second digit tells the Brussels
/// region (21), Vlaams-Brabant (23, 24) and Waals-Brabant (25) apart.
/// </summary>
public static class BelgianProvinces
{
    public const string Antwerpen = "Antwerpen";
    public const string VlaamsBrabant = "Vlaams-Brabant";
    public const string WestVlaanderen = "West-Vlaanderen";
    public const string OostVlaanderen = "Oost-Vlaanderen";
    public const string Limburg = "Limburg";

    /// <summary>Every province (and the Brussels region), Flemish ones first as the data are mostly Flemish.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Antwerpen, Limburg, OostVlaanderen, VlaamsBrabant, WestVlaanderen, "Brussels Hoofdstedelijk Gewest", "Waals-Brabant", "Henegouwen", "Luik", "Luxemburg", "Namen"];

    public static bool IsNisCode(string? code) => code is { Length: 5 } && code.All(char.IsAsciiDigit);

    /// <summary>The province in Dutch, or null when <paramref name="nisCode"/> is no NIS code.</summary>
    public static string? FromNisCode(string? nisCode)
    {
        if (!IsNisCode(nisCode)) return null;
        return nisCode![0] switch
        {
            '1' => Antwerpen,
            '2' => nisCode[1] switch
            {
                '1' => "Brussels Hoofdstedelijk Gewest",
                '3' or '4' => VlaamsBrabant,
                '5' => "Waals-Brabant",
                _ => null,
            },
            '3' => WestVlaanderen,
            '4' => OostVlaanderen,
            '5' => "Henegouwen",
            '6' => "Luik",
            '7' => Limburg,
            '8' => "Luxemburg",
            '9' => "Namen",
            _ => null,
        };
    }
}

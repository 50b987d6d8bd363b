using System.Collections.Frozen;

namespace PolicyLens.Tagging;

/// <summary>
/// The valid label ids per dimension, exactly as framework.md fixes them. Rule files, storage,
/// reports and gold files must use these ids; anything else is a typo that would silently
/// produce an empty column, so the rule set refuses it.
/// </summary>
public static class LabelCatalog
{
    /// <summary>Dimensions in display order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } =
        ["element", "type", "level", "age", "risk", "frame", "domain", "approach", "focus", "interventions-7"];

    private static readonly FrozenDictionary<string, IReadOnlyList<string>> IdsByDimension =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["element"] =
            [
                "maatschappelijk-vertrouwen", "gemeenschapszin", "bestaanszekerheid", "toegankelijkheid",
                "acceptatie-verschillen", "sociaal-emotionele-competenties", "realistische-verwachtingen",
                "herhaalde-ontmoetingen", "bezig-zijn", "betekenisvol-contact", "praktische-ondersteuning",
            ],
            ["type"] = ["sociaal", "emotioneel", "existentieel"],
            ["level"] = ["universeel", "selectief", "geindiceerd"],
            ["age"] = ["jongeren", "jongvolwassenen", "volwassenen", "ouderen"],
            ["risk"] =
            [
                "armoede", "migratie", "alleenstaanden", "gezondheid", "beperking", "lgbtiqa", "werkloosheid",
                "mantelzorgers", "verlies", "dakloosheid", "mobiliteit",
            ],
            ["frame"] = ["deficit", "community"],
            ["domain"] =
            [
                "onderwijs", "werk", "zorg-ondersteuning", "wonen", "ruimte", "mobiliteit", "cultuur", "sport",
                "vrije-tijd", "armoede-inkomen", "jeugd", "senioren", "veiligheid", "digitaal", "bestuur",
            ],
            ["approach"] = ["structureel", "samenwerking", "monitoring", "onderzoek", "vrijwilligers"],
            ["focus"] = ["onderwijs", "werk", "zorg-ondersteuning"],
            ["interventions-7"] =
            [
                "ontmoeten", "zinvol-bezig-zijn", "praktisch-ondersteunen", "betekenisvol-contact",
                "sociale-vaardigheden", "realistische-verwachtingen", "betekenisvolle-rol",
            ],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Where each label of the seven-element intervention framework lands among the eleven
    /// working elements (framework.md, "Alternative framework").
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> InterventionsToElements { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["ontmoeten"] = ["herhaalde-ontmoetingen"],
            ["zinvol-bezig-zijn"] = ["bezig-zijn"],
            ["praktisch-ondersteunen"] = ["praktische-ondersteuning"],
            ["betekenisvol-contact"] = ["betekenisvol-contact"],
            ["sociale-vaardigheden"] = ["sociaal-emotionele-competenties"],
            ["realistische-verwachtingen"] = ["realistische-verwachtingen"],
            ["betekenisvolle-rol"] = ["bezig-zijn", "gemeenschapszin"],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsDimension(string dimension) => IdsByDimension.ContainsKey(dimension);

    /// <summary>The valid ids of a dimension, in framework order; empty for an unknown dimension.</summary>
    public static IReadOnlyList<string> IdsOf(string dimension) =>
        IdsByDimension.TryGetValue(dimension, out var ids) ? ids : [];

    public static bool IsKnown(string dimension, string id) => IdsOf(dimension).Contains(id, StringComparer.Ordinal);
}

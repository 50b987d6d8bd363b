using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// The framework checks of <see cref="PlanFlags"/>, each motivated by the source documents
/// (framework.md). Every check yields one flag, Ok when it passes, so a report shows what was checked.
/// </summary>
internal sealed partial class FlagChecks(
    CoverageOptions options,
    IReadOnlyList<TaggedPassage> passages,
    IReadOnlyDictionary<string, LabelCoverage> labels,
    IReadOnlyList<LabelInfo> labelInfos,
    IReadOnlyList<ChapterContribution> chapters)
{
    private static readonly string[] OtherAges = ["jongeren", "jongvolwassenen", "volwassenen"];
    private static readonly string[] FocusFields = ["onderwijs", "werk", "zorg-ondersteuning"];

    // On folded text (lowercase, no diacritics). "eenzaam" also matches eenzaamheid(sgevoel), not vereenzaming.
    [GeneratedRegex(@"eenzaam", RegexOptions.CultureInvariant)]
    private static partial Regex FeelingWord();

    [GeneratedRegex(@"isolement|geisoleerd|vereenzam|contactarm", RegexOptions.CultureInvariant)]
    private static partial Regex IsolationWord();

    // What shows the feeling is meant: how one feels or experiences it, or an explicit contrast with contacts.
    [GeneratedRegex(@"\bvoel|gevoel|\bervaren|\bbeleef|\bbeleving|subjectie|objectie|onderscheid|niet hetzelfde|verschil tussen|aantal contacten", RegexOptions.CultureInvariant)]
    private static partial Regex DistinctionCue();

    /// <summary>
    /// True when the text may hold a feeling or isolation word: every such word contains "eenza",
    /// "isol"/"solee" (geïsoleerd) or "contactarm" in any case. False negatives are impossible
    /// for the patterns below, so the folded check stays the judge.
    /// </summary>
    private static bool MayMention(string text) =>
        text.Contains("eenza", StringComparison.OrdinalIgnoreCase)
        || text.Contains("isol", StringComparison.OrdinalIgnoreCase)
        || text.Contains("solee", StringComparison.OrdinalIgnoreCase)
        || text.Contains("contactarm", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<PlanFlag> All() => [AgeGap(), LonelinessVsIsolation(), DeficitFraming(), NeglectedFields(), ConnectionInAllPolicies()];

    private string Name(string dimension, string id) =>
        labels.TryGetValue(LabelKeys.Of(dimension, id), out var c) ? c.Label.Name
            : labelInfos.FirstOrDefault(l => l.Dimension == dimension && l.Id == id)?.Name ?? id;

    /// <summary>
    /// seeds/002: 98.3% of municipalities aim loneliness policy at the elderly, about 40% at other
    /// ages. Looks at the passages about loneliness or its working elements (a type or element tag)
    /// and the age groups they name.
    /// </summary>
    private PlanFlag AgeGap()
    {
        const string title = "Leeftijdsgroepen in de aanpak van eenzaamheid";
        var relevant = passages.Where(p => p.Tags.Any(t => t.Dimension is "type" or "element")).ToArray();
        if (relevant.Length == 0)
            return new PlanFlag(PlanFlags.AgeGap, title, FlagSeverity.Info,
                "Het plan bevat geen passages over eenzaamheid of de werkzame elementen; de leeftijdscheck is niet van toepassing.", []);
        var older = relevant.Where(p => p.Has("age", "ouderen")).Select(p => p.Passage.Ordinal).ToArray();
        var others = OtherAges.Where(a => relevant.Any(p => p.Has("age", a))).ToArray();
        if (older.Length > 0 && others.Length == 0)
            return new PlanFlag(PlanFlags.AgeGap, "Leeftijdskloof: alleen ouderen genoemd", FlagSeverity.Warning,
                $"De maatregelen rond eenzaamheid noemen alleen ouderen ({older.Length} passages), geen jongeren, jongvolwassenen of volwassenen. " +
                "Eenzaamheid komt op elke leeftijd voor; bijna alle gemeenten richten zich op ouderen, slechts een minderheid op de andere leeftijdsgroepen.",
                older);
        if (older.Length == 0 && others.Length == 0)
            return new PlanFlag(PlanFlags.AgeGap, title, FlagSeverity.Info,
                "De maatregelen rond eenzaamheid noemen geen specifieke leeftijdsgroep. Overweeg of jongeren, jongvolwassenen en ouderen elk bereikt worden.", []);
        var named = (older.Length > 0 ? ["ouderen"] : Array.Empty<string>()).Concat(others).Select(a => Name("age", a));
        var ordinals = relevant.Where(p => p.Tags.Any(t => t.Dimension == "age")).Select(p => p.Passage.Ordinal).ToArray();
        return new PlanFlag(PlanFlags.AgeGap, title, FlagSeverity.Ok,
            $"De maatregelen rond eenzaamheid noemen: {string.Join(", ", named)}." +
            (older.Length == 0 ? " Ouderen worden niet apart genoemd." : " Ze richten zich dus niet alleen op ouderen."), ordinals);
    }

    /// <summary>
    /// seeds/002 table 2: 71% of local governments do not tell loneliness (a subjective feeling) from
    /// social isolation (few contacts). A lexical check on the passage text, independent of the rules:
    /// warns when the plan speaks only of isolation words; Ok when some passage names the feeling
    /// explicitly (feel/experience/subjective, or an explicit contrast).
    /// </summary>
    private PlanFlag LonelinessVsIsolation()
    {
        const string title = "Eenzaamheid en sociaal isolement";
        var feeling = new List<int>();
        var isolation = new List<int>();
        var distinguished = new List<int>();
        // Fold into one reused buffer: a plan has a thousand passages and this runs for every plan of a comparison.
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            foreach (var p in passages)
            {
                var text = p.Passage.Text;
                // Cheap vectorised pre-check on the raw text; most passages mention neither and skip folding.
                if (!MayMention(text)) continue;
                if (buffer.Length < text.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(text.Length);
                }
                var folded = buffer.AsSpan(0, text.Length);
                DutchText.Fold(text, folded);
                var f = FeelingWord().IsMatch(folded);
                if (f) feeling.Add(p.Passage.Ordinal);
                if (IsolationWord().IsMatch(folded)) isolation.Add(p.Passage.Ordinal);
                if (f && DistinctionCue().IsMatch(folded)) distinguished.Add(p.Passage.Ordinal);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        if (feeling.Count == 0 && isolation.Count == 0)
            return new PlanFlag(PlanFlags.LonelinessVsIsolation, title, FlagSeverity.Info,
                "Het plan spreekt niet over eenzaamheid of sociaal isolement.", []);
        if (feeling.Count == 0)
            return new PlanFlag(PlanFlags.LonelinessVsIsolation, "Alleen isolement, geen eenzaamheid als gevoel", FlagSeverity.Warning,
                "Het plan spreekt over isolement, vereenzaming of contactarmoede, maar nergens over eenzaamheid als gevoel. " +
                "Eenzaamheid is een subjectieve ervaring: iemand met veel contacten kan zich eenzaam voelen en iemand met weinig contacten niet. " +
                "Maatregelen die alleen het aantal contacten verhogen, missen zo een deel van de eenzame inwoners.",
                isolation);
        if (distinguished.Count == 0)
            return new PlanFlag(PlanFlags.LonelinessVsIsolation, "Eenzaamheid niet onderscheiden van isolement", FlagSeverity.Info,
                "Het plan noemt eenzaamheid, maar beschrijft het nergens als gevoel of ervaring en maakt geen onderscheid met sociaal isolement (het aantal contacten). " +
                "De meeste lokale besturen maken dat onderscheid niet; het helpt om de juiste maatregelen te kiezen.",
                [.. feeling.Union(isolation).Order()]);
        return new PlanFlag(PlanFlags.LonelinessVsIsolation, title, FlagSeverity.Ok,
            "Het plan beschrijft eenzaamheid als gevoel of ervaring" + (isolation.Count > 0 ? " en spreekt daarnaast over isolement." : "."),
            distinguished);
    }

    /// <summary>
    /// seeds/001: the "zieligheidsframe" (lonely people as objects of help, temporary projects)
    /// versus the community frame. Warns when deficit framing outweighs community framing.
    /// </summary>
    private PlanFlag DeficitFraming()
    {
        const string title = "Tekortframe tegenover gemeenschapsframe";
        var deficit = passages.Where(p => p.Has("frame", "deficit")).Select(p => p.Passage.Ordinal).ToArray();
        var community = passages.Where(p => p.Has("frame", "community")).Select(p => p.Passage.Ordinal).ToArray();
        var framed = deficit.Length + community.Length;
        if (framed == 0)
            return new PlanFlag(PlanFlags.DeficitFraming, title, FlagSeverity.Info,
                "In het plan is geen uitgesproken tekort- of gemeenschapsframe herkend.", []);
        var share = (double)deficit.Length / framed;
        var counts = $"{deficit.Length} passages met een tekortframe tegenover {community.Length} met een gemeenschapsframe ({CoverageAnalyzer.Percent(share)} tekort).";
        if (share > options.DeficitShareWarning)
            return new PlanFlag(PlanFlags.DeficitFraming, "Overwegend tekortframe", FlagSeverity.Warning,
                counts + " Het plan spreekt vooral over eenzame mensen als doelgroep van hulp en over tijdelijke projecten. " +
                "Een gemeenschapsframe ziet inwoners als mensen die iets te bieden hebben en bouwt aan blijvende buurtnetwerken.",
                deficit);
        return new PlanFlag(PlanFlags.DeficitFraming, title, FlagSeverity.Ok, counts, [.. deficit.Concat(community).Order()]);
    }

    /// <summary>
    /// seeds/004: the advisory committee names education, work and care as fields that deserve more
    /// attention. Warns for each that the plan leaves out (focus dimension).
    /// </summary>
    private PlanFlag NeglectedFields()
    {
        const string title = "Onderwijs, werk en zorg";
        var present = FocusFields.Where(f => labels.TryGetValue(LabelKeys.Of("focus", f), out var c) && c.Passages > 0).ToArray();
        var missing = FocusFields.Except(present).ToArray();
        var ordinals = present.SelectMany(f => labels[LabelKeys.Of("focus", f)].PassageOrdinals).Distinct().Order().ToArray();
        if (missing.Length == 0)
            return new PlanFlag(PlanFlags.NeglectedFields, title, FlagSeverity.Ok,
                "Het plan besteedt aandacht aan sociale verbondenheid in het onderwijs, op het werk en in zorg en ondersteuning.", ordinals);
        var missingNames = string.Join(", ", missing.Select(f => Name("focus", f)));
        var presentText = present.Length == 0 ? "Geen van de drie komt voor." : $"Wel aanwezig: {string.Join(", ", present.Select(f => Name("focus", f)))}.";
        return new PlanFlag(PlanFlags.NeglectedFields,
            missing.Length == FocusFields.Length ? "Onderwijs, werk en zorg ontbreken" : "Aandachtsvelden ontbreken: " + missingNames,
            FlagSeverity.Warning,
            $"Ontbreekt: {missingNames}. {presentText} De wetenschappelijke adviescommissie noemt deze drie velden als plekken waar eenzaamheid te weinig aandacht krijgt.",
            ordinals);
    }

    /// <summary>
    /// seeds/004 "sociale verbinding in alle beleid": every policy domain can serve social connection.
    /// Warns for policy-domain chapters (chapters with domain tags) that contribute to no working element.
    /// </summary>
    private PlanFlag ConnectionInAllPolicies()
    {
        const string title = "Sociale verbinding in alle beleidsdomeinen";
        var domainChapters = chapters.Where(c => c.Domains.Count > 0).ToArray();
        if (domainChapters.Length == 0)
            return new PlanFlag(PlanFlags.ConnectionInAllPolicies, title, FlagSeverity.Info,
                "Er zijn geen hoofdstukken per beleidsdomein herkend; de check is niet van toepassing.", []);
        var silent = domainChapters.Where(c => !c.Contributes).ToArray();
        if (silent.Length == 0)
            return new PlanFlag(PlanFlags.ConnectionInAllPolicies, title, FlagSeverity.Ok,
                $"Alle {domainChapters.Length} hoofdstukken over een beleidsdomein dragen bij aan minstens één werkzaam element.", []);
        var list = string.Join("; ", silent.Select(c => $"{c.Heading} ({string.Join(", ", c.Domains.Select(d => Name("domain", d)))})"));
        var ordinals = passages
            .Where(p => p.Passage.Kind == PassageKind.Heading && silent.Any(c => c.Heading == p.Passage.Text))
            .Select(p => p.Passage.Ordinal).ToArray();
        return new PlanFlag(PlanFlags.ConnectionInAllPolicies,
            string.Create(CultureInfo.InvariantCulture, $"{silent.Length} van {domainChapters.Length} beleidshoofdstukken zonder werkzaam element"),
            FlagSeverity.Warning,
            $"Deze hoofdstukken dragen aan geen enkel werkzaam element bij: {list}. Ook beleid over wonen, ruimte, mobiliteit of werk kan ontmoeting en verbondenheid versterken.",
            ordinals);
    }
}

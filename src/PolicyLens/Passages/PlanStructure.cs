using System.Text.RegularExpressions;

namespace PolicyLens.Passages;

/// <summary>What kind of structural unit of a plan a heading or code line announces.</summary>
public enum PlanMarkerKind
{
    /// <summary>Dutch programme ("Programma 2", "Programma Sociale samenhang").</summary>
    Programme,

    /// <summary>Flemish BBC beleidsdoelstelling ("Beleidsdoelstelling 2", "BD 2", "BD000005").</summary>
    PolicyGoal,

    /// <summary>Flemish BBC actieplan ("Actieplan 2.3", "AP 2.3", "AP000015").</summary>
    ActionPlan,

    /// <summary>Flemish BBC actie ("Actie 2.3.1", "A 2.3.1", "AC000048").</summary>
    Action,

    /// <summary>A plainly numbered heading ("2.3.1 Titel"); its depth is the count of numbers.</summary>
    Numbered,

    /// <summary>
    /// One of the questions that structure Dutch programme plans ("Wat willen we bereiken?",
    /// "Wat gaan we daarvoor doen?", "Wat mag het kosten?"). They are siblings of each other,
    /// below whatever section they appear in.
    /// </summary>
    Question,
}

/// <summary>
/// A recognised structural heading. <see cref="Rank"/> orders the hierarchy: a marker nests
/// under the nearest earlier marker with a smaller rank (programme 10, BD 20, AP 30, action 40;
/// a numbered heading 10 + 10 × depth, so "2" sits with BD, "2.3" with AP, "2.3.1" with actions).
/// Questions have no fixed rank (0): they nest under the current section.
/// </summary>
public sealed record PlanMarker
{
    public PlanMarker(PlanMarkerKind kind, int rank, string? code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        if (kind != PlanMarkerKind.Question && rank == 0) throw new ArgumentOutOfRangeException(nameof(rank), "Only questions have no rank.");
        Kind = kind;
        Rank = rank;
        Code = code;
    }

    public PlanMarkerKind Kind { get; }
    public int Rank { get; }

    /// <summary>The code or number as written ("BD000005", "2.3", "AC000048"), if any.</summary>
    public string? Code { get; }
}

/// <summary>
/// Recognises the structure of Flemish multi-year plans (BBC: beleidsdoelstelling → actieplan →
/// actie) and Dutch programme plans from the text of a line, in the spellings real plans use.
/// Works on headings from any reader, and on plain paragraphs that are really code lines
/// (documents without heading styles, text exports, PDF), so all formats share one notion of
/// structure. Pure and thread-safe.
/// </summary>
public static partial class PlanStructure
{
    public const int ProgrammeRank = 10;
    public const int PolicyGoalRank = 20;
    public const int ActionPlanRank = 30;
    public const int ActionRank = 40;

    /// <summary>Longest paragraph that can still be a code line promoted to a heading.</summary>
    public const int MaxCodeLineLength = 250;

    /// <summary>Longest paragraph that can be promoted on a plain number or keyword alone.</summary>
    public const int MaxTitleLineLength = 100;

    // After the code: end, a separator, or a title starting with a capital/digit/quote.
    private const string AfterCode = @"(?=\s*$|\s*[:.\-–—)]|\s+[\p{Lu}\p{Lt}\d‘“'""(])";

    [GeneratedRegex(@"^(?i:(?:(?:prioritaire|niet-prioritaire|overige|strategische)\s+)?(?:beleidsdoelstelling|beleidsdoel))\b\s*(?:nr\.?\s*)?(?<code>(?:BD\s*)?\d+(?:\.\d+)*)" + AfterCode, RegexOptions.CultureInvariant)]
    private static partial Regex PolicyGoalWord();

    [GeneratedRegex(@"^(?<code>BD\s*\d+(?:\.\d+)*)" + AfterCode, RegexOptions.CultureInvariant)]
    private static partial Regex PolicyGoalCode();

    [GeneratedRegex(@"^(?i:actieplan)\b\s*(?:nr\.?\s*)?(?<code>(?:AP\s*)?\d+(?:\.\d+)*)" + AfterCode, RegexOptions.CultureInvariant)]
    private static partial Regex ActionPlanWord();

    [GeneratedRegex(@"^(?<code>AP\s*\d+(?:\.\d+)*)" + AfterCode, RegexOptions.CultureInvariant)]
    private static partial Regex ActionPlanCode();

    [GeneratedRegex(@"^(?i:actie)\b\s*(?:nr\.?\s*)?(?<code>(?:AC\s*|A\s*)?\d+(?:\.\d+)*)" + AfterCode, RegexOptions.CultureInvariant)]
    private static partial Regex ActionWord();

    // "A" alone is too common a letter: require a dotted number ("A 2.3.1", "A2.3.1") or the AC prefix.
    [GeneratedRegex(@"^(?<code>AC\s*\d+(?:\.\d+)*|A\s?\d+(?:\.\d+)+)" + AfterCode, RegexOptions.CultureInvariant)]
    private static partial Regex ActionCode();

    // Headings as data exports and BBC tools write them: the level word, any code (codes vary per
    // municipality: "BD-1", "ACT-2.3", "GBB-A&F", "overigBeleid"), a colon, the title. Only for
    // headings: in running text "Actie ondernemen: …" is a sentence.
    [GeneratedRegex(@"^(?<word>(?i:beleidsdoelstelling|actieplan|actie))(?:\s+(?<code>[^\s:]{1,40}))?\s*:\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex LevelWordHeading();

    [GeneratedRegex(@"^(?i:programma)\b\s*(?:nr\.?\s*)?(?<code>\d+(?:\.\d+)*)?(?=\s*$|\s*[:.\-–—)]|\s+[\p{Lu}\p{Lt}\d‘“'""(])", RegexOptions.CultureInvariant)]
    private static partial Regex Programme();

    [GeneratedRegex(@"^(?<code>\d{1,3}(?:\.\d{1,3}){0,5})\.?\s+(?=[\p{Lu}\p{Lt}‘“'""(])", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?i:wat)\s.{3,120}\?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Question();

    // Year-like numbers and amounts are not section numbers ("2026 Begroting", "1.250 euro").
    [GeneratedRegex(@"^(?:19|20)\d\d\b|^\d+\.\d{3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearOrAmount();

    /// <summary>
    /// Recognises a heading's text. Returns null when the heading announces no plan structure
    /// (it then keeps the level its source gives it).
    /// </summary>
    public static PlanMarker? Recognise(string headingText)
    {
        ArgumentNullException.ThrowIfNull(headingText);
        var text = headingText.Trim();
        if (text.Length == 0) return null;
        return RecogniseCode(text) ?? RecogniseLevelWord(text) ?? RecogniseLoose(text, heading: true);
    }

    private static PlanMarker? RecogniseLevelWord(string text)
    {
        var m = LevelWordHeading().Match(text);
        if (!m.Success) return null;
        var code = m.Groups["code"].Success ? m.Groups["code"].Value : null;
        return m.Groups["word"].Value.ToLowerInvariant() switch
        {
            "beleidsdoelstelling" => new PlanMarker(PlanMarkerKind.PolicyGoal, PolicyGoalRank, code),
            "actieplan" => new PlanMarker(PlanMarkerKind.ActionPlan, ActionPlanRank, code),
            _ => new PlanMarker(PlanMarkerKind.Action, ActionRank, code),
        };
    }

    /// <summary>
    /// Recognises a paragraph that is really a heading written as a plain line: a BBC code line
    /// ("Actieplan AP000015: Investeren in …", "BD 2 Een zorgzame gemeente"), a programme line,
    /// one of the programme questions, or a short multi-level numbered title ("3.1 Sociale basis").
    /// Stricter than <see cref="Recognise"/>: long lines and ordinary sentences are never promoted.
    /// </summary>
    public static PlanMarker? RecogniseCodeLine(string paragraphText)
    {
        ArgumentNullException.ThrowIfNull(paragraphText);
        var text = paragraphText.Trim();
        if (text.Length == 0 || text.Length > MaxCodeLineLength) return null;
        var coded = RecogniseCode(text);
        if (coded is not null)
        {
            // "Actie 2 wordt uitgevoerd …" is a sentence; codes written as words need a title-like tail.
            return coded;
        }
        if (text.Length > MaxTitleLineLength) return null;
        var loose = RecogniseLoose(text, heading: false);
        return loose;
    }

    /// <summary>The heading rank for a numbered code: depth 1 → BD level, 2 → AP, 3 → action.</summary>
    public static int RankForDepth(int depth) => 10 + 10 * Math.Clamp(depth, 1, 8);

    private static PlanMarker? RecogniseCode(string text)
    {
        Match m;
        if ((m = PolicyGoalWord().Match(text)).Success || (m = PolicyGoalCode().Match(text)).Success)
            return new PlanMarker(PlanMarkerKind.PolicyGoal, PolicyGoalRank, Compact(m.Groups["code"].Value));
        if ((m = ActionPlanWord().Match(text)).Success || (m = ActionPlanCode().Match(text)).Success)
            return new PlanMarker(PlanMarkerKind.ActionPlan, ActionPlanRank, Compact(m.Groups["code"].Value));
        if ((m = ActionWord().Match(text)).Success || (m = ActionCode().Match(text)).Success)
            return new PlanMarker(PlanMarkerKind.Action, ActionRank, Compact(m.Groups["code"].Value));
        return null;
    }

    private static PlanMarker? RecogniseLoose(string text, bool heading)
    {
        var endsLikeSentence = text[^1] is '.' or ',' or ';' or ':' && !heading;
        var m = Programme().Match(text);
        if (m.Success && !endsLikeSentence && text.Length <= MaxTitleLineLength)
            return new PlanMarker(PlanMarkerKind.Programme, ProgrammeRank, m.Groups["code"].Success ? m.Groups["code"].Value : null);
        if (Question().IsMatch(text))
            return new PlanMarker(PlanMarkerKind.Question, 0, null);
        m = Numbered().Match(text);
        if (m.Success && !YearOrAmount().IsMatch(text))
        {
            var code = m.Groups["code"].Value;
            var depth = code.Count(c => c == '.') + 1;
            // In running text "3 De partijen …" or "1. Een beter beeld …" are list items or page
            // numbers; only multi-level numbers with a title-like tail are headings there.
            if (!heading && (depth < 2 || endsLikeSentence || text.Length > MaxTitleLineLength)) return null;
            // A number followed by a whole sentence is not a title either ("2.1 De stad zal … .").
            return new PlanMarker(PlanMarkerKind.Numbered, RankForDepth(depth), code);
        }
        return null;
    }

    private static string Compact(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c)));
}

using System.Globalization;
using System.Text;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// What the compare page and its exports show: which plans (ids, or filters on municipality,
/// province, year, type and a failed check), whether older versions are listed, the dimension,
/// the order and the plan to benchmark. Every field is a query-string parameter, so every view
/// is a link and an export of a view holds exactly its plans.
/// </summary>
public sealed record ComparisonQuery
{
    public IReadOnlyList<long> Ids { get; init; } = [];

    /// <summary>Part of a municipality's name or of a plan title (accents and case ignored).</summary>
    public string? Municipality { get; init; }
    public string? Province { get; init; }
    public int? Year { get; init; }
    public string? PlanType { get; init; }

    /// <summary>Only plans that fail this check (an id of <see cref="CheckTable"/>).</summary>
    public string? FailsCheck { get; init; }

    /// <summary>List older versions under their newest one (they never count in shares and benchmarks).</summary>
    public bool AllVersions { get; init; }

    public string Dimension { get; init; } = "element";

    /// <summary>gemeente (default), titel, provincie, jaar, dekking or a label key.</summary>
    public string Sort { get; init; } = "gemeente";
    public bool Descending { get; init; }

    /// <summary>Document id of the plan benchmarked against the others.</summary>
    public long? Benchmark { get; init; }

    /// <summary>Any filter besides plain ids.</summary>
    public bool Filtered => Municipality is not null || Province is not null || Year is not null || PlanType is not null || FailsCheck is not null;

    /// <summary>The query string of this view (without "?"); parameters at their default are left out.</summary>
    public string ToQueryString(bool withView = true)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        foreach (var id in Ids) Add("ids", id.ToString(CultureInfo.InvariantCulture));
        Add("gemeente", Municipality);
        Add("provincie", Province);
        Add("jaar", Year?.ToString(CultureInfo.InvariantCulture));
        Add("type", PlanType);
        Add("faalt", FailsCheck);
        if (AllVersions) Add("versies", "alle");
        if (withView)
        {
            if (Dimension != "element") Add("dimensie", Dimension);
            if (Sort != "gemeente" || Descending)
            {
                Add("sort", Sort);
                Add("richting", Descending ? "af" : "op");
            }
            Add("ijk", Benchmark?.ToString(CultureInfo.InvariantCulture));
        }
        return string.Join("&", parts);
    }

    /// <summary>Reads the parameters of <see cref="ToQueryString"/>; unknown or malformed values fall back to their default.</summary>
    public static ComparisonQuery From(IQueryCollection query)
    {
        string? Text(string name) => query[name].FirstOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        long? Long(string name) => long.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var ids = query["ids"].Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToArray();
        var municipality = Text("gemeente");
        return new ComparisonQuery
        {
            Ids = ids,
            Municipality = municipality is { Length: > 100 } ? municipality[..100] : municipality,
            Province = Text("provincie"),
            Year = int.TryParse(Text("jaar"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? year : null,
            PlanType = Text("type"),
            FailsCheck = Text("faalt"),
            AllVersions = Text("versies") == "alle",
            Dimension = Text("dimensie") is { } d && LabelCatalog.IsDimension(d) ? d : "element",
            Sort = Text("sort") ?? "gemeente",
            Descending = Text("richting") == "af",
            Benchmark = Long("ijk"),
        };
    }
}

/// <summary>
/// One row of the comparison: a plan version. <see cref="Extra"/> marks an older version listed
/// under its plan's newest ("alle versies"): shown, never counted in shares and benchmarks.
/// </summary>
public sealed record ComparisonRow(AnalyzedPlan Plan, long PlanId, int Version, int VersionCount, bool Latest, bool Extra = false)
{
    public DocumentSummary Document => Plan.Document;
    public PlanInfo Info => Plan.Coverage.Plan;
}

/// <summary>The plans of a <see cref="ComparisonQuery"/>, compared, with what the filters can offer.</summary>
public sealed record ComparisonView(
    ComparisonQuery Query,
    IReadOnlyList<ComparisonRow> Rows,
    PlanComparison? Comparison,
    ComparisonStatistics? Statistics,
    CheckTable? Checks,
    IReadOnlyList<int> Order,
    int StoredPlans,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Provinces,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> PlanTypes,
    IReadOnlyList<CheckColumn> CheckColumns)
{
    /// <summary>Row indexes of the newest versions: what shares, charts and benchmarks count.</summary>
    public IReadOnlyList<int> Counted => Statistics?.Plans ?? [];

    /// <summary>The coverages in row order, for the exports.</summary>
    public IReadOnlyList<PlanCoverage> Coverages => [.. Rows.Select(r => r.Plan.Coverage)];
}

/// <summary>
/// Chooses, loads and compares the plans of a query, for the compare page and its exports alike.
/// Filters on facts run on the document list before any plan is loaded; only the "fails check"
/// filter needs the analyses. By default each plan is its newest version.
/// </summary>
public sealed class ComparisonSelection(CoverageService coverage)
{
    public static readonly StringComparer Dutch = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), CompareOptions.IgnoreCase | CompareOptions.NumericOrdering);

    public ComparisonView Select(ComparisonQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var store = coverage.Store;
        var latest = store.LatestVersions();
        var all = latest.Select(v => (Version: v, Facts: FactsOf(v.Document), Municipality: MunicipalityOf(v.Document))).ToList();

        // Explicit ids are exact documents, also older versions; otherwise every plan's newest version.
        IEnumerable<(PlanVersion Version, PlanFacts Facts, string? Municipality)> chosen;
        if (query.Ids.Count > 0)
        {
            var byId = all.ToDictionary(x => x.Version.Document.Id);
            var found = new List<(PlanVersion Version, PlanFacts Facts, string? Municipality)>();
            foreach (var id in query.Ids)
            {
                if (byId.TryGetValue(id, out var known)) found.Add(known);
                else if (store.ListVersions(id).FirstOrDefault(v => v.Document.Id == id) is { } older) found.Add((older, FactsOf(older.Document), MunicipalityOf(older.Document)));
            }
            chosen = found;
        }
        else chosen = all;

        var needle = query.Municipality is { } m ? Fold(m) : null;
        var filtered = chosen.Where(x =>
            (needle is null || Fold(x.Municipality ?? "").Contains(needle, StringComparison.Ordinal) || Fold(x.Version.Document.Title).Contains(needle, StringComparison.Ordinal))
            && (query.Province is null || string.Equals(x.Facts.Province, query.Province, StringComparison.OrdinalIgnoreCase))
            && (query.Year is null || x.Facts.Year == query.Year)
            && (query.PlanType is null || string.Equals(x.Facts.PlanType, query.PlanType, StringComparison.OrdinalIgnoreCase))).ToList();

        var plans = coverage.GetMany(filtered.Select(x => x.Version.Document));
        var versions = filtered.ToDictionary(x => x.Version.Document.Id, x => x.Version);
        var rows = plans.Select(p =>
        {
            var v = versions[p.Document.Id];
            return new ComparisonRow(p, v.PlanId, v.Version, v.VersionCount, v.IsLatest);
        }).ToList();

        var checkColumns = rows.Count > 0 ? CheckTable.From([.. rows.Select(r => r.Plan.Coverage)]).Checks : [];
        if (query.FailsCheck is { } failing && rows.Count > 0)
        {
            var table = CheckTable.From([.. rows.Select(r => r.Plan.Coverage)]);
            var index = table.IndexOf(failing);
            rows = [.. rows.Where((_, i) => index >= 0 && table.Failed(i, index))];
        }

        if (query.AllVersions)
        {
            var shown = rows.Select(r => r.Document.Id).ToHashSet();
            var older = rows.Where(r => r.VersionCount > 1 && r.Latest)
                .SelectMany(r => store.ListVersions(r.Document.Id).Where(v => !v.IsLatest && !shown.Contains(v.Document.Id)))
                .ToList();
            var olderPlans = coverage.GetMany(older.Select(v => v.Document)).ToDictionary(p => p.Document.Id);
            rows.AddRange(older.Where(v => olderPlans.ContainsKey(v.Document.Id))
                .Select(v => new ComparisonRow(olderPlans[v.Document.Id], v.PlanId, v.Version, v.VersionCount, false, Extra: true)));
        }

        var municipalities = all.Select(x => x.Municipality).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(Dutch).ToList();
        var provinces = all.Select(x => x.Facts.Province).OfType<string>().Distinct().OrderBy(p => BelgianProvinces.All.ToList().IndexOf(p)).ToList();
        var years = all.Select(x => x.Facts.Year).OfType<int>().Distinct().Order().ToList();
        var types = all.Select(x => x.Facts.PlanType).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(Dutch).ToList();
        if (rows.Count == 0)
            return new ComparisonView(query, rows, null, null, null, [], latest.Count, municipalities, provinces, years, types, checkColumns);

        var comparison = coverage.Compare([.. rows.Select(r => r.Plan)]);
        var counted = Enumerable.Range(0, rows.Count).Where(i => !rows[i].Extra).ToList();
        var statistics = new ComparisonStatistics(comparison, counted);
        var checks = CheckTable.From([.. rows.Select(r => r.Plan.Coverage)]);
        var order = Order(rows, comparison, statistics, query);
        return new ComparisonView(query, rows, comparison, statistics, checks, order, latest.Count, municipalities, provinces, years, types, checkColumns);
    }

    private static PlanFacts FactsOf(DocumentSummary d) => d.Facts == PlanFacts.None ? PlanFacts.Guess(d.Title, d.FileName) : d.Facts;

    private static string? MunicipalityOf(DocumentSummary d) => d.Municipality ?? PolicyLens.Web.Infrastructure.Municipality.Guess(d);

    /// <summary>Lower case without accents, for "contains" filters ("leuven" finds "Leuven", "ieper" finds "Ieper").</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>
    /// Display order: the newest versions sorted by the chosen column (ties by municipality, then
    /// title), each followed by its older versions, newest first.
    /// </summary>
    private static IReadOnlyList<int> Order(List<ComparisonRow> rows, PlanComparison comparison, ComparisonStatistics statistics, ComparisonQuery query)
    {
        var heads = Enumerable.Range(0, rows.Count).Where(i => !rows[i].Extra).ToList();
        var label = comparison.LabelIndex(query.Sort);
        IOrderedEnumerable<int> sorted = query.Sort switch
        {
            "titel" => By(heads, i => rows[i].Info.Title, Dutch, query.Descending),
            "provincie" => By(heads, i => rows[i].Info.Facts.Province ?? "\uffff", Dutch, query.Descending),
            "jaar" => By(heads, i => rows[i].Info.Facts.Year ?? 0, Comparer<int>.Default, query.Descending),
            "dekking" => By(heads, i => statistics.Score(i, query.Dimension), Comparer<DimensionScore>.Default, query.Descending),
            _ when label >= 0 => By(heads, i => (comparison.Cell(i, label).Passages, comparison.Cell(i, label).Strength), Comparer<(int, double)>.Default, query.Descending),
            _ => By(heads, i => rows[i].Info.Municipality ?? rows[i].Info.Title, Dutch, query.Descending),
        };
        var ordered = sorted.ThenBy(i => rows[i].Info.Municipality ?? rows[i].Info.Title, Dutch).ThenBy(i => rows[i].Info.Title, Dutch).ToList();
        var result = new List<int>(rows.Count);
        foreach (var head in ordered)
        {
            result.Add(head);
            result.AddRange(Enumerable.Range(0, rows.Count).Where(i => rows[i].Extra && rows[i].PlanId == rows[head].PlanId).OrderByDescending(i => rows[i].Version));
        }
        return result;
    }

    private static IOrderedEnumerable<int> By<T>(IEnumerable<int> items, Func<int, T> key, IComparer<T> comparer, bool descending) =>
        descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
}

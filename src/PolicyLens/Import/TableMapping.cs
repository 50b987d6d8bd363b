using System.Text;

namespace PolicyLens.Import;

/// <summary>
/// One level of a plan's structure in a table (BBC: beleidsdoelstelling, actieplan, actie): the
/// word its headings start with and the columns holding its code, short title and long text.
/// The last level of a mapping is the row itself (one action per row); the levels above it are
/// shared by the rows that name the same code (or, without a code, the same title).
/// </summary>
public sealed record MappingLevel
{
    public MappingLevel(string name, string? codeColumn, string? titleColumn, string? textColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (codeColumn is null && titleColumn is null) throw new ArgumentException($"The level '{name}' needs a code or a title column.");
        Name = name.Trim();
        CodeColumn = Blank(codeColumn);
        TitleColumn = Blank(titleColumn);
        TextColumn = Blank(textColumn);
    }

    /// <summary>The word headings of this level start with ("Actieplan"), so plan structure recognises them.</summary>
    public string Name { get; }
    public string? CodeColumn { get; }
    public string? TitleColumn { get; }
    public string? TextColumn { get; }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>How a column of the amounts row is written.</summary>
public enum ColumnFormat
{
    /// <summary>As it stands in the file.</summary>
    Text,

    /// <summary>A euro amount in Dutch notation ("€ 1.250.000"); zero and empty amounts are left out.</summary>
    Euro,
}

/// <summary>A column written into the row's table line (amounts), with the header it gets there.</summary>
public sealed record MappingTableColumn
{
    public MappingTableColumn(string column, string header, ColumnFormat format = ColumnFormat.Text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        Column = column.Trim();
        Header = header.Trim();
        Format = format;
    }

    public string Column { get; }
    public string Header { get; }
    public ColumnFormat Format { get; }
}

/// <summary>
/// A fix for known errors in a data source: in rows whose columns hold all the values of
/// <see cref="When"/>, the columns of <see cref="Set"/> get the given values (the BBC export
/// resolved three NIS codes by name to the wrong municipality).
/// </summary>
public sealed record MappingCorrection
{
    public MappingCorrection(IReadOnlyDictionary<string, string> when, IReadOnlyDictionary<string, string> set, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(set);
        if (when.Count == 0) throw new ArgumentException("A correction says when it applies.", nameof(when));
        if (set.Count == 0) throw new ArgumentException("A correction sets at least one column.", nameof(set));
        When = when;
        Set = set;
        Reason = MappingLevel.Blank(reason);
    }

    public IReadOnlyDictionary<string, string> When { get; }
    public IReadOnlyDictionary<string, string> Set { get; }
    public string? Reason { get; }
}

/// <summary>
/// How the columns of a table of actions make plans (a mapping file, see <c>mappings/README.md</c>):
/// which column says which plan a row belongs to, the levels of the structure, the amounts row,
/// the prefixes to strip from long texts, columns to ignore and corrections of known data errors.
/// Column names compare case-insensitively; nested JSON fields are named with dots
/// (<c>yearly_amounts.2026</c>).
/// </summary>
public sealed record TableMapping
{
    public TableMapping(string id, string planKeyColumn, IReadOnlyList<MappingLevel> levels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(planKeyColumn);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count is < 1 or > 6) throw new ArgumentException("A mapping has one to six levels.", nameof(levels));
        if (levels[^1].TitleColumn is null && levels[^1].TextColumn is null)
            throw new ArgumentException("The last level (one per row) needs a title or a text column.", nameof(levels));
        Id = id.Trim();
        PlanKeyColumn = planKeyColumn.Trim();
        Levels = levels;
    }

    /// <summary>Stable name of the mapping; part of every imported plan's content hash.</summary>
    public string Id { get; }

    /// <summary>Human name ("Vlaams meerjarenplan, BBC-datastroom").</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Bump when the mapping reads the same data differently, so a re-import makes new versions;
    /// also part of the content hash. Default "1".
    /// </summary>
    public string Version { get; init; } = "1";

    /// <summary>The column whose value makes one plan (the municipality, or any column chosen).</summary>
    public string PlanKeyColumn { get; init; }

    public string? MunicipalityColumn { get; init; }

    /// <summary>Column with the municipality's NIS code (province, joins with other data).</summary>
    public string? NisCodeColumn { get; init; }

    /// <summary>Plan title with <c>{column}</c> placeholders; default <c>{key}</c>: the plan key's value.</summary>
    public string TitleTemplate { get; init; } = "{key}";

    /// <summary>Plan type of every imported plan ("meerjarenplan"), if the source has one type.</summary>
    public string? PlanType { get; init; }

    /// <summary>First year of every imported plan (2026), if the source covers one period.</summary>
    public int? Year { get; init; }

    /// <summary>The structure, outermost first; the last level is one per row.</summary>
    public IReadOnlyList<MappingLevel> Levels { get; init; }

    /// <summary>Columns of the row's table line, in order (amounts per year).</summary>
    public IReadOnlyList<MappingTableColumn> TableColumns { get; init; } = [];

    /// <summary>Labels that start long texts without meaning ("Publieke info:"); removed, case-insensitively, wherever a text starts with one.</summary>
    public IReadOnlyList<string> StripPrefixes { get; init; } = [];

    /// <summary>Columns the mapping knowingly does not use (no warning about them).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public IReadOnlyList<MappingCorrection> Corrections { get; init; } = [];

    /// <summary>The worksheet to read from a workbook; null: the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Field separator of CSV files; null: detected from the header line (; , or tab).</summary>
    public char? CsvSeparator { get; init; }

    /// <summary>Every column the mapping reads, each once, in a fixed order (key, facts, levels, table).</summary>
    public IReadOnlyList<string> UsedColumns
    {
        get
        {
            var list = new List<string>();
            void Add(string? c)
            {
                if (c is not null && !list.Contains(c, StringComparer.OrdinalIgnoreCase)) list.Add(c);
            }
            Add(PlanKeyColumn);
            Add(MunicipalityColumn);
            Add(NisCodeColumn);
            foreach (var level in Levels)
            {
                Add(level.CodeColumn);
                Add(level.TitleColumn);
                Add(level.TextColumn);
            }
            foreach (var column in TableColumns) Add(column.Column);
            foreach (var placeholder in Placeholders(TitleTemplate)) if (placeholder != "key") Add(placeholder);
            return list;
        }
    }

    /// <summary>The columns a file must have: the plan key and at least the last level's title or text.</summary>
    public IReadOnlyList<string> RequiredColumns =>
        [PlanKeyColumn, .. new[] { Levels[^1].TitleColumn, Levels[^1].TextColumn }.OfType<string>()];

    /// <summary>What of the mapping changes how data become plans, for the content hash.</summary>
    public string Fingerprint() => $"{Id}\u001f{Version}\u001f{PlanKeyColumn}";

    /// <summary>The <c>{name}</c> placeholders of a template, in order.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var names = new List<string>();
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i + 1);
            if (end < 0) break;
            var name = template[(i + 1)..end].Trim();
            if (name.Length > 0) names.Add(name);
        }
        return names;
    }

    /// <summary>Fills a template's placeholders with a lookup; unknown or empty values leave nothing.</summary>
    public static string Fill(string template, Func<string, string?> value)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            sb.Append(value(template[(open + 1)..close].Trim()) ?? "");
            i = close + 1;
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

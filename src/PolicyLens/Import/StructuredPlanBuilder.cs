using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PolicyLens.Documents;
using PolicyLens.Passages;

namespace PolicyLens.Import;

/// <summary>One plan made from the rows of a table that share a plan key.</summary>
public sealed record ImportedPlan
{
    public ImportedPlan(string key, string? municipality, PlanFacts facts, IngestionResult ingestion, IReadOnlyList<int> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(rows);
        if (!ingestion.Succeeded) throw new ArgumentException("An imported plan is a succeeded ingestion.", nameof(ingestion));
        Key = key;
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim();
        Facts = facts;
        Ingestion = ingestion;
        Rows = rows;
    }

    /// <summary>The plan key's value (a NIS code, a municipality name, …): the same key in a later import is the same plan.</summary>
    public string Key { get; }
    public string? Municipality { get; }
    public PlanFacts Facts { get; }

    /// <summary>The plan as a document with passages, as a document reader would have produced it.</summary>
    public IngestionResult Ingestion { get; }

    /// <summary>The rows (<see cref="TableRow.Number"/>) the plan was made from.</summary>
    public IReadOnlyList<int> Rows { get; }

    public PlanDocument Document => Ingestion.Document!;
}

/// <summary>What became of one table: the plans, and every problem with the file or its rows.</summary>
public sealed record TableImport
{
    public TableImport(TableData table, IReadOnlyList<ImportedPlan> plans, IReadOnlyList<TableIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(issues);
        Table = table;
        Plans = plans;
        Issues = issues;
    }

    public TableData Table { get; }
    public string FileName => Table.FileName;
    public IReadOnlyList<ImportedPlan> Plans { get; }
    public IReadOnlyList<TableIssue> Issues { get; }

    /// <summary>True when nothing of the file could be used.</summary>
    public bool Failed => Plans.Count == 0;

    /// <summary>Rows left out because of a problem.</summary>
    public int SkippedRows => Issues.Where(i => i.Row is not null && i.Severity == IssueSeverity.Error).Select(i => i.Row).Distinct().Count();

    /// <summary>"plannen.csv: regel 12: …" — the issue with the file and the row it is about.</summary>
    public string Describe(TableIssue issue) => Describe(Table, issue);

    public static string Describe(TableData table, TableIssue issue)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Row is { } row ? $"{table.FileName}: {table.RowWord} {row}: {issue.Message}" : $"{table.FileName}: {issue.Message}";
    }
}

/// <summary>Turns a table of actions into plans, as a mapping describes them.</summary>
public interface IStructuredPlanBuilder
{
    /// <summary>Never throws for bad data: a missing column fails the file, a bad row is skipped and named.</summary>
    TableImport Build(TableData table, TableMapping mapping, CancellationToken cancellationToken = default);
}

/// <summary>
/// The default builder. Rows are grouped into plans by the plan key; within a plan the levels
/// become a heading tree in the order they first appear (beleidsdoelstelling › actieplan), each
/// heading "Actieplan AP-3: title" so <see cref="PlanStructure"/> recognises the level as in a
/// plan document, its long text (prefixes stripped) once as paragraphs under it, and each row's
/// action as a heading with its text and its amounts as a table row. The passages then go
/// through the same <see cref="PassageBuilder"/> as every document, so the tagger inherits the
/// headings' evidence and the coverage sees concrete actions, exactly as in a plan read from PDF.
/// The content hash covers the mapping's id and version, the key and every value the mapping
/// reads: the same data imported again is the same plan version.
/// </summary>
public sealed class StructuredPlanBuilder : IStructuredPlanBuilder
{
    /// <summary>Longest heading text; a longer title is cut at a word and given in full as the first paragraph.</summary>
    public const int MaxHeadingTitle = 200;

    private static readonly CultureInfo Flemish = CultureInfo.GetCultureInfo("nl-BE");
    private readonly IPassageBuilder _passages;

    /// <param name="passages">Default: a <see cref="PassageBuilder"/> that takes structure from the columns only (no promotion of code-like lines).</param>
    public StructuredPlanBuilder(IPassageBuilder? passages = null) =>
        _passages = passages ?? new PassageBuilder(new PassageOptions { PromoteCodeLines = false });

    public TableImport Build(TableData table, TableMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        var issues = new List<TableIssue>(table.Issues);
        if (table.Rows.Count == 0)
        {
            if (!issues.Any(i => i.Severity == IssueSeverity.Error)) issues.Add(TableIssue.Error("het bestand bevat geen rijen met gegevens."));
            return new TableImport(table, [], issues);
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Columns.Count; i++) columns.TryAdd(table.Columns[i].Trim(), i);
        var missingRequired = mapping.RequiredColumns.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missingRequired.Length > 0)
        {
            issues.Add(TableIssue.Error(
                $"de mapping '{mapping.Id}' verwacht {Quoted(missingRequired)}, maar het bestand heeft {(missingRequired.Length == 1 ? "die kolom" : "die kolommen")} niet. " +
                $"Kolommen in het bestand: {Quoted(table.Columns.Take(30))}. Kies een andere mapping (--mapping) of pas de kolomnamen aan."));
            return new TableImport(table, [], issues);
        }
        var missingOptional = mapping.UsedColumns.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missingOptional.Length > 0)
            issues.Add(TableIssue.Warning($"de kolom{(missingOptional.Length == 1 ? "" : "men")} {Quoted(missingOptional)} uit de mapping ontbre{(missingOptional.Length == 1 ? "ekt" : "ken")}; die gegevens blijven leeg."));
        var known = new HashSet<string>(mapping.UsedColumns.Concat(mapping.IgnoredColumns)
            .Concat(mapping.Corrections.SelectMany(c => c.When.Keys.Concat(c.Set.Keys))), StringComparer.OrdinalIgnoreCase);
        var unknown = table.Columns.Where(c => !known.Contains(c.Trim())).ToArray();
        if (unknown.Length > 0)
            issues.Add(TableIssue.Warning($"de mapping gebruikt de kolom{(unknown.Length == 1 ? "" : "men")} {Quoted(unknown.Take(20))} niet; zet ze onder 'ignore' in de mapping als dat zo hoort."));

        var reader = new RowReader(columns, mapping);
        var groups = new List<PlanRows>();
        var byKey = new Dictionary<string, PlanRows>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = reader.Corrected(row);
            var key = values.Get(mapping.PlanKeyColumn);
            if (key is null)
            {
                issues.Add(TableIssue.Error($"geen waarde in de kolom '{mapping.PlanKeyColumn}', dus bij geen enkel plan te plaatsen; rij overgeslagen.", row.Number));
                continue;
            }
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = new PlanRows(key);
                groups.Add(group);
            }
            var last = mapping.Levels[^1];
            if (values.Get(last.TitleColumn) is null && Strip(values.Get(last.TextColumn), mapping) is null)
            {
                var skipped = TableIssue.Error($"{last.Name.ToLowerInvariant()} zonder titel en tekst ({Quoted(new[] { last.TitleColumn, last.TextColumn }.OfType<string>())} leeg); rij overgeslagen.", row.Number);
                issues.Add(skipped);
                group.Skipped.Add(skipped);
                continue;
            }
            group.Rows.Add(values);
        }

        var plans = new List<ImportedPlan>(groups.Count);
        foreach (var group in groups.Where(g => g.Rows.Count > 0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans.Add(BuildPlan(table, mapping, group, issues, cancellationToken));
        }
        if (plans.Count == 0 && !issues.Any(i => i.Severity == IssueSeverity.Error && i.Row is null))
            issues.Add(TableIssue.Error("geen enkele rij kon worden gebruikt; zie de meldingen per rij."));
        return new TableImport(table, plans, issues);
    }

    private ImportedPlan BuildPlan(TableData table, TableMapping mapping, PlanRows group, List<TableIssue> issues, CancellationToken cancellationToken)
    {
        var first = group.Rows[0];
        var municipality = group.Rows.Select(r => r.Get(mapping.MunicipalityColumn)).FirstOrDefault(m => m is not null);
        string? nis = null;
        foreach (var row in group.Rows)
        {
            if (row.Get(mapping.NisCodeColumn) is not { } code) continue;
            if (BelgianProvinces.IsNisCode(code)) { nis = code; break; }
            issues.Add(TableIssue.Warning($"'{code}' in de kolom '{mapping.NisCodeColumn}' is geen NIS-code (vijf cijfers); de provincie blijft onbekend.", row.Number));
            break;
        }
        var title = mapping.TitleTemplate == "{key}" ? group.Key : TableMapping.Fill(mapping.TitleTemplate, name => name == "key" ? group.Key : first.Get(name));
        if (string.IsNullOrWhiteSpace(title)) title = group.Key;
        if (title.Length > 300) title = title[..299].TrimEnd() + "…";

        var blocks = Blocks(mapping, group);
        var set = _passages.Build(blocks, cancellationToken);
        var rowNumbers = group.Rows.Select(r => r.Number).ToArray();
        var rowSet = new HashSet<int>(rowNumbers);
        // What the plan's report should mention: file-wide warnings, its rows' warnings and its skipped rows.
        var planIssues = issues.Where(i => i.Row is null ? i.Severity == IssueSeverity.Warning : rowSet.Contains(i.Row.Value))
            .Concat(group.Skipped)
            .OrderBy(i => i.Row ?? 0)
            .Select(i => TableImport.Describe(table, i))
            .Select(text => IngestionIssue.Warning(IssueCode.ImportRow, text).With("detail", text.TrimEnd('.')))
            .ToList();
        var (hash, size) = ContentHash(mapping, group);
        var document = new PlanDocument(title, table.FileName, FormatOf(table.Format), null, hash, size);
        var ingestion = new IngestionResult(table.FileName, document, set.Passages, planIssues, set.PlainText);
        var facts = new PlanFacts(nis, mapping.Year, mapping.PlanType);
        return new ImportedPlan(group.Key, municipality, facts, ingestion, rowNumbers);
    }

    private static DocumentFormat FormatOf(TableFormat format) => format switch
    {
        TableFormat.Csv => DocumentFormat.Csv,
        TableFormat.Xlsx => DocumentFormat.Xlsx,
        _ => DocumentFormat.Json,
    };

    /// <summary>The heading tree: upper levels grouped in order of first appearance, one action per row beneath.</summary>
    private static List<Block> Blocks(TableMapping mapping, PlanRows group)
    {
        var root = new Node(null, null);
        var upper = mapping.Levels.Count - 1;
        foreach (var row in group.Rows)
        {
            var node = root;
            for (var level = 0; level < upper; level++)
            {
                var spec = mapping.Levels[level];
                var code = row.Get(spec.CodeColumn);
                var title = row.Get(spec.TitleColumn);
                if (code is null && title is null) continue; // this row has no such level: it hangs one level higher
                var id = code ?? "\u0001" + title;
                if (!node.ChildIndex.TryGetValue(id, out var child))
                {
                    child = new Node(level, row);
                    node.ChildIndex[id] = child;
                    node.Children.Add(child);
                }
                node = child;
            }
            node.Children.Add(new Node(upper, row));
        }
        var blocks = new List<Block>();
        Emit(root, mapping, blocks);
        return blocks;
    }

    private static void Emit(Node node, TableMapping mapping, List<Block> blocks)
    {
        if (node.Level is { } level && node.Row is { } row)
        {
            var spec = mapping.Levels[level];
            var code = row.Get(spec.CodeColumn);
            var title = row.Get(spec.TitleColumn);
            var shortTitle = title is { Length: > MaxHeadingTitle } ? Cut(title, MaxHeadingTitle) : title;
            blocks.Add(new Block(BlockKind.Heading, HeadingText(spec.Name, code, shortTitle), headingLevel: Math.Min(level + 1, 9)));
            if (!ReferenceEquals(shortTitle, title)) blocks.Add(new Block(BlockKind.Paragraph, title!));
            if (Strip(row.Get(spec.TextColumn), mapping) is { } text && !SameText(text, title))
                AddText(blocks, text);
            if (level == mapping.Levels.Count - 1 && AmountsRow(mapping, row) is { } amounts) blocks.Add(amounts);
        }
        foreach (var child in node.Children) Emit(child, mapping, blocks);
    }

    /// <summary>"Actieplan AP-3: title", "Beleidsdoelstelling: title" (no code), "Actie AC12" (no title).</summary>
    public static string HeadingText(string level, string? code, string? title) =>
        (code, title) switch
        {
            ({ } c, { } t) => $"{level} {c}: {t}",
            (null, { } t) => $"{level}: {t}",
            ({ } c, null) => $"{level} {c}",
            _ => level,
        };

    private static string Cut(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>Long text as paragraphs (one per line) and bullet lines as list items.</summary>
    private static void AddText(List<Block> blocks, string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.Length > 2 && line[0] is '-' or '•' or '*' or '–' or '·' && line[1] == ' ')
                blocks.Add(new Block(BlockKind.ListItem, line[2..].Trim(), listLabel: "•"));
            else
                blocks.Add(new Block(BlockKind.Paragraph, line));
        }
    }

    private static Block? AmountsRow(TableMapping mapping, RowValues row)
    {
        if (mapping.TableColumns.Count == 0) return null;
        var cells = new string[mapping.TableColumns.Count];
        var any = false;
        for (var i = 0; i < cells.Length; i++)
        {
            var column = mapping.TableColumns[i];
            var value = row.Get(column.Column);
            cells[i] = column.Format == ColumnFormat.Euro ? Euro(value) : (value ?? "").Replace('\t', ' ');
            any |= cells[i].Length > 0;
        }
        return any ? new Block(BlockKind.TableRow, string.Join('\t', cells), tableHeaders: [.. mapping.TableColumns.Select(c => c.Header)]) : null;
    }

    /// <summary>"€ 1.250.000" (cents only when there are any); empty for zero, empty or unreadable amounts.</summary>
    public static string Euro(string? value)
    {
        if (ParseAmount(value) is not { } amount || amount == 0) return "";
        var format = amount == Math.Round(amount) ? "#,0" : "#,0.00";
        return "€ " + amount.ToString(format, Flemish);
    }

    /// <summary>
    /// Reads 1250000, 1250000.5, 1.250.000,50, 1,250,000.50 or "€ 12.000": with both marks the
    /// later one is the decimal mark; a single mark is a thousands separator when three digits
    /// follow it or when it occurs more than once.
    /// </summary>
    public static decimal? ParseAmount(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        var dot = text.LastIndexOf('.');
        var comma = text.LastIndexOf(',');
        char? decimalMark = null;
        if (dot >= 0 && comma >= 0) decimalMark = dot > comma ? '.' : ',';
        else if (dot >= 0 || comma >= 0)
        {
            var mark = dot >= 0 ? '.' : ',';
            var at = Math.Max(dot, comma);
            if (text.Count(c => c == mark) == 1 && text.Length - at - 1 != 3) decimalMark = mark;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || c == '-' && sb.Length == 0) sb.Append(c);
            else if (c == decimalMark) sb.Append('.');
            else if (c is '.' or ',' or ' ' or '\u00A0' or '\u202F' or '€' or '\'') continue;
            else return null;
        }
        return decimal.TryParse(sb.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>The text without the mapping's meaningless prefixes; null when nothing is left.</summary>
    public static string? Strip(string? text, TableMapping mapping)
    {
        if (text is null) return null;
        var result = text.Trim();
        var again = true;
        while (again && result.Length > 0)
        {
            again = false;
            foreach (var prefix in mapping.StripPrefixes)
                if (result.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    result = result[prefix.Length..].TrimStart();
                    again = true;
                }
        }
        return result.Length == 0 ? null : result;
    }

    private static bool SameText(string a, string? b) =>
        b is not null && string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');

    private static (string Hash, long Size) ContentHash(TableMapping mapping, PlanRows group)
    {
        var columns = mapping.UsedColumns;
        var sb = new StringBuilder();
        sb.Append("policylens-table\u001f").Append(mapping.Fingerprint()).Append('\u001f').Append(group.Key).Append('\u001e');
        foreach (var row in group.Rows)
        {
            foreach (var column in columns) sb.Append(row.Get(column)).Append('\u001f');
            sb.Append('\u001e');
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return (Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private sealed class PlanRows(string key)
    {
        public string Key { get; } = key;
        public List<RowValues> Rows { get; } = [];
        public List<TableIssue> Skipped { get; } = [];
    }

    private sealed class Node(int? level, RowValues? row)
    {
        public int? Level { get; } = level;
        public RowValues? Row { get; } = row;
        public List<Node> Children { get; } = [];
        public Dictionary<string, Node> ChildIndex { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A row's values by column name after the mapping's corrections.</summary>
    private sealed class RowValues(int number, Dictionary<string, int> columns, TableRow row, Dictionary<string, string>? overrides)
    {
        public int Number { get; } = number;

        public string? Get(string? column)
        {
            if (column is null) return null;
            if (overrides is not null && overrides.TryGetValue(column, out var fixedValue)) return fixedValue;
            return columns.TryGetValue(column, out var index) ? row[index] : null;
        }
    }

    private sealed class RowReader(Dictionary<string, int> columns, TableMapping mapping)
    {
        public RowValues Corrected(TableRow row)
        {
            Dictionary<string, string>? overrides = null;
            foreach (var correction in mapping.Corrections)
            {
                var applies = correction.When.All(w => columns.TryGetValue(w.Key, out var i) && string.Equals(row[i], w.Value.Trim(), StringComparison.OrdinalIgnoreCase));
                if (!applies) continue;
                overrides ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (column, value) in correction.Set) overrides[column] = value;
            }
            return new RowValues(row.Number, columns, row, overrides);
        }
    }
}

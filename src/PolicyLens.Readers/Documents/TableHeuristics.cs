namespace PolicyLens.Readers.Documents;

/// <summary>Shared guesses about tables whose format does not mark a header row.</summary>
internal static class TableHeuristics
{
    /// <summary>
    /// A first row reads as column headers when the table has more rows, every cell is filled,
    /// short, and not just a number or amount.
    /// </summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells, int rowCount)
    {
        if (rowCount < 2 || cells.Count < 2) return false;
        foreach (var raw in cells)
        {
            var cell = raw.Trim();
            if (cell.Length == 0 || cell.Length > 60) return false;
            if (cell.All(c => char.IsDigit(c) || c is '.' or ',' or '€' or '%' or ' ' or '-')) return false;
        }
        return true;
    }

    /// <summary>Cells are joined by tabs in a table-row block; a tab inside a cell would split it.</summary>
    public static string Cell(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Trim();
}

namespace ParticipantBot.Reporting;

/// <summary>How a cell of a published table is shown.</summary>
public enum CellState
{
    Shown,
    /// <summary>1 to 4 people: shown as "&lt;5" (primary suppression).</summary>
    Small,
    /// <summary>Hidden so that no small cell can be worked out from the totals (secondary suppression).</summary>
    Hidden,
}

/// <summary>
/// Small-cell suppression of a two-way table with its row and column totals, a pure function.
/// <list type="number">
/// <item>Primary: every cell, totals included, of 1 to 4 people is hidden ("&lt;5").</item>
/// <item>Secondary, to a fixed point: a row or column (its cells and its total: one equation) with exactly one
/// hidden cell would give it away by subtraction, so the smallest cell still shown in it is hidden too
/// (a non-zero one first, since a zero protects nothing a reader cannot guess; cells the caller asks to keep,
/// such as the totals a share of women is made of, last).</item>
/// <item>Audit: a reader who knows that every "&lt;5" holds 1 to 4 and every other hidden cell at least 0 may still
/// pin a small cell down with the equations of several rows and columns together. Each small cell is checked:
/// it is safe when another table, equal on every shown cell and total and within those bounds, gives it another
/// value. The table's equations are totally unimodular, so such a table exists exactly when a cycle of hidden
/// cells can move by one person (a circuit of the table's equations) with every cell staying in its bounds;
/// the audit searches for that cycle. When there is none, the smallest cell shown in the cell's row (else
/// column) is hidden and the whole procedure runs again.</item>
/// </list>
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    /// <summary>The table with its margins: cells [r, c] for r &lt; rows, c &lt; columns; row totals in the last column, column totals in the last row.</summary>
    public static int[,] WithTotals(int[,] cells)
    {
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        var full = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                full[r, c] = cells[r, c];
                full[r, columns] += cells[r, c];
                full[rows, c] += cells[r, c];
                full[rows, columns] += cells[r, c];
            }
        return full;
    }

    /// <summary>How each cell of the table with its totals (<see cref="WithTotals"/>) is shown.</summary>
    /// <param name="forcedHidden">Cells hidden from the start (a total another table sharing it hides).</param>
    /// <param name="keep">Cells to hide last when a line needs one more hidden (the figures a report's shares are made of).</param>
    public static CellState[,] Apply(int[,] cells, bool[,]? forcedHidden = null, bool[,]? keep = null)
    {
        var full = WithTotals(cells);
        int rows = full.GetLength(0), columns = full.GetLength(1);
        var states = new CellState[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                states[r, c] = full[r, c] is > 0 and < Threshold ? CellState.Small
                    : forcedHidden is not null && forcedHidden[r, c] ? CellState.Hidden : CellState.Shown;
        while (true)
        {
            if (LinesWithOneHidden(full, states, keep)) continue;
            var pinned = FirstPinnedSmallCell(full, states);
            if (pinned is null) return states;
            var (pr, pc) = pinned.Value;
            if (!HideSmallestShown(full, states, Line(rows, columns, row: pr), keep) && !HideSmallestShown(full, states, Line(rows, columns, column: pc), keep)
                && !HideSmallestShown(full, states, All(rows, columns), keep))
                return states; // everything is hidden already
        }
    }

    /// <summary>Hides one more cell in every line with exactly one hidden; true when something changed.</summary>
    private static bool LinesWithOneHidden(int[,] full, CellState[,] states, bool[,]? keep)
    {
        int rows = full.GetLength(0), columns = full.GetLength(1);
        var changed = false;
        foreach (var line in Lines(rows, columns))
        {
            if (line.Count(p => states[p.R, p.C] != CellState.Shown) != 1) continue;
            changed |= HideSmallestShown(full, states, line, keep);
        }
        return changed;
    }

    private static bool HideSmallestShown(int[,] full, CellState[,] states, IEnumerable<(int R, int C)> line, bool[,]? keep)
    {
        var candidates = line.Where(p => states[p.R, p.C] == CellState.Shown).ToList();
        if (candidates.Count == 0) return false;
        var chosen = candidates.OrderBy(p => keep is not null && keep[p.R, p.C] ? 1 : 0)
            .ThenBy(p => full[p.R, p.C] == 0 ? 1 : 0).ThenBy(p => full[p.R, p.C]).First();
        states[chosen.R, chosen.C] = CellState.Hidden;
        return true;
    }

    private static IEnumerable<List<(int R, int C)>> Lines(int rows, int columns)
    {
        for (var r = 0; r < rows; r++) yield return Line(rows, columns, row: r);
        for (var c = 0; c < columns; c++) yield return Line(rows, columns, column: c);
    }

    private static List<(int R, int C)> Line(int rows, int columns, int? row = null, int? column = null) =>
        row is { } r ? Enumerable.Range(0, columns).Select(c => (r, c)).ToList()
        : Enumerable.Range(0, rows).Select(x => (x, column!.Value)).ToList();

    private static IEnumerable<(int R, int C)> All(int rows, int columns) =>
        from r in Enumerable.Range(0, rows) from c in Enumerable.Range(0, columns) select (r, c);

    /// <summary>A small cell that a reader could work out exactly, or null when there is none.</summary>
    internal static (int R, int C)? FirstPinnedSmallCell(int[,] full, CellState[,] states, bool bounded = true)
    {
        int rows = full.GetLength(0), columns = full.GetLength(1);
        foreach (var (r, c) in All(rows, columns))
            if (states[r, c] == CellState.Small && !CanMove(full, states, r, c, +1, bounded: bounded) && !CanMove(full, states, r, c, -1, bounded: bounded))
                return (r, c);
        return null;
    }

    /// <summary>
    /// Whether the hidden cells can change by one person along a cycle through (r0, c0), cell (r0, c0) changing by
    /// <paramref name="delta"/>, every shown cell and total staying as it is and every hidden cell within what a reader knows of it.
    /// Rows and columns are the vertices, hidden cells the edges; each line's equation is its cells minus its total.
    /// </summary>
    internal static bool CanMove(int[,] full, CellState[,] states, int r0, int c0, int delta, int budget = 200_000, bool bounded = true)
    {
        int rows = full.GetLength(0), columns = full.GetLength(1);
        int lastRow = rows - 1, lastColumn = columns - 1;
        // Coefficient of cell (r, c) in its row's equation and in its column's.
        int InRow(int c) => c == lastColumn ? -1 : 1;
        int InColumn(int r) => r == lastRow ? -1 : 1;
        bool Within(int r, int c, int d)
        {
            if (!bounded) return true;
            var v = full[r, c] + d;
            return states[r, c] == CellState.Small ? v is >= 1 and < Threshold : v >= 0;
        }
        if (!Within(r0, c0, delta)) return false;
        var usedRows = new bool[rows];
        var usedColumns = new bool[columns];
        usedRows[r0] = true;
        usedColumns[c0] = true;
        var steps = 0;

        // At column vertex c, entered through cell (r, c) with change d: leave through another hidden cell (r2, c) of the column.
        bool FromColumn(int r, int c, int d)
        {
            if (++steps > budget) return false;
            for (var r2 = 0; r2 < rows; r2++)
            {
                if (r2 == r || states[r2, c] == CellState.Shown) continue;
                var d2 = -InColumn(r) * InColumn(r2) * d;
                if (!Within(r2, c, d2)) continue;
                if (r2 == r0)
                {
                    // Back at the starting row: its equation must balance with the first cell's change.
                    if (c != c0 && InRow(c) * d2 + InRow(c0) * delta == 0) return true;
                    continue;
                }
                if (usedRows[r2]) continue;
                usedRows[r2] = true;
                if (FromRow(r2, c, d2)) return true;
                usedRows[r2] = false;
            }
            return false;
        }

        // At row vertex r, entered through cell (r, c) with change d: leave through another hidden cell (r, c2) of the row.
        bool FromRow(int r, int c, int d)
        {
            if (++steps > budget) return false;
            for (var c2 = 0; c2 < columns; c2++)
            {
                if (c2 == c || usedColumns[c2] || states[r, c2] == CellState.Shown) continue;
                var d2 = -InRow(c) * InRow(c2) * d;
                if (!Within(r, c2, d2)) continue;
                usedColumns[c2] = true;
                if (FromColumn(r, c2, d2)) return true;
                usedColumns[c2] = false;
            }
            return false;
        }

        return FromColumn(r0, c0, delta);
    }
}

using ParticipantBot.Reporting;

namespace ParticipantBot.Tests.Reporting;

/// <summary>
/// Small-cell suppression as a pure function, checked by an attacker of the tests' own: it knows every shown
/// cell and total, that each "&lt;5" holds 1 to 4 and each other hidden cell at least 0, and enumerates every
/// table that fits; a small cell is recovered when only one value fits.
/// </summary>
public sealed class SuppressionTests
{
    [Fact]
    public void CellsOfOneToFour_AreSmall_AndZerosAndFivesAreShown()
    {
        var states = Suppression.Apply(new[,] { { 0, 5, 12 }, { 7, 9, 30 }, { 6, 8, 20 } });
        Assert.All(Flatten(states), s => Assert.Equal(CellState.Shown, s));
        states = Suppression.Apply(new[,] { { 1, 5, 12 }, { 7, 4, 30 }, { 6, 8, 20 } });
        Assert.Equal(CellState.Small, states[0, 0]);
        Assert.Equal(CellState.Small, states[1, 1]);
    }

    [Fact]
    public void ARowWithOneSmallCell_HidesItsNextSmallestCell()
    {
        // Row 0: 3 women, 12 men, 20 not stated: with the row total shown, 3 = 35 - 12 - 20 unless one more goes.
        var cells = new[,] { { 3, 12, 20 }, { 10, 15, 25 }, { 11, 14, 30 } };
        var states = Suppression.Apply(cells);
        Assert.Equal(CellState.Small, states[0, 0]);
        Assert.Equal(CellState.Hidden, states[0, 1]); // 12 is the smallest other cell of the row
        Assert.Equal(CellState.Shown, states[0, 2]);
        // And column 0 then has one hidden cell: 10 goes too; column 1 has 12 hidden: its next smallest, 14.
        Assert.Equal(CellState.Hidden, states[1, 0]);
        Assert.Equal(CellState.Hidden, states[2, 1]);
        AssertNoLineHasExactlyOneHidden(states);
    }

    [Fact]
    public void ASmallTotal_IsHidden_AndSoIsAnotherTotalOfItsLine()
    {
        // A band of 3 people in all (1 woman, 2 men): the row total is small too; the totals row must not give it.
        var cells = new[,] { { 1, 2, 0 }, { 20, 25, 6 }, { 18, 30, 7 } };
        var states = Suppression.Apply(cells);
        Assert.Equal(CellState.Small, states[0, 3]);
        AssertNoLineHasExactlyOneHidden(states);
        AssertNothingRecoverable(cells, states);
    }

    public static TheoryData<int[,]> Tables => new()
    {
        { new[,] { { 3, 12, 20 }, { 10, 15, 25 }, { 11, 14, 30 } } },
        { new[,] { { 1, 2, 0 }, { 20, 25, 6 }, { 18, 30, 7 } } },
        { new[,] { { 4, 0, 0 }, { 0, 1, 0 }, { 9, 9, 2 }, { 5, 6, 0 } } },
        { new[,] { { 2, 9 }, { 7, 3 }, { 12, 11 }, { 0, 1 } } },
        // The case a line-by-line rule alone leaves open: 4 and 1 in a cycle with two larger hidden cells.
        { new[,] { { 4, 6, 8 }, { 9, 1, 7 }, { 10, 12, 15 } } },
        { new[,] { { 3 }, { 8 }, { 1 } } },
        { new[,] { { 0, 0, 2 }, { 0, 0, 0 } } },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NoSmallCell_CanBeRecoveredFromTheTotals(int[,] cells)
    {
        var states = Suppression.Apply(cells);
        AssertNoLineHasExactlyOneHidden(states);
        AssertNothingRecoverable(cells, states);
    }

    [Fact]
    public void TheAttacker_RecoversSmallCells_WhenOnlyPrimarySuppressionIsApplied()
    {
        // Without secondary suppression, a small cell is its row total minus the others: the attacker must find it,
        // or its failure on suppressed tables proves nothing.
        var cells = new[,] { { 3, 12, 20 }, { 10, 15, 25 }, { 11, 14, 30 } };
        var full = Suppression.WithTotals(cells);
        var states = new CellState[4, 4];
        for (var r = 0; r < 4; r++) for (var c = 0; c < 4; c++) states[r, c] = full[r, c] is > 0 and < 5 ? CellState.Small : CellState.Shown;
        var recovered = Attacker.Recover(full, states);
        Assert.Equal(3, recovered[(0, 0)]);
    }

    [Fact]
    public void TheAttacker_UsesTheBoundsOfSmallCells_ThatLineByLineSuppressionDoesNotSee()
    {
        // 4 and 1 on a diagonal with 6 and 9 hidden beside them: every line holds two hidden cells, so no line gives
        // a cell by subtraction, yet the bounds of the small cells pin both down.
        var cells = new[,] { { 4, 6, 8 }, { 9, 1, 7 }, { 10, 12, 15 } };
        var full = Suppression.WithTotals(cells);
        var states = new CellState[4, 4];
        for (var r = 0; r < 4; r++) for (var c = 0; c < 4; c++) states[r, c] = full[r, c] is > 0 and < 5 ? CellState.Small : CellState.Shown;
        states[0, 1] = CellState.Hidden; // 6: row 0 now has two hidden
        states[1, 0] = CellState.Hidden; // 9: row 1 and column 0 have two hidden
        // Row 0: a + b = 10, column 0: a + c = 13, row 1: c + d = 10, column 1: b + d = 7, with a and d in 1..4:
        // every solution is a = 4 - k, b = 6 + k, c = 9 + k, d = 1 - k, and a <= 4 with d >= 1 forces k = 0.
        var recovered = Attacker.Recover(full, states);
        Assert.Equal(4, recovered[(0, 0)]);
        Assert.Equal(1, recovered[(1, 1)]);
        // The audit sees it too, and the real procedure leaves nothing recoverable.
        Assert.NotNull(Suppression.FirstPinnedSmallCell(full, states));
        AssertNothingRecoverable(cells, Suppression.Apply(cells));
    }

    [Fact]
    public void ACellForcedHidden_StaysHidden_AndItsLinesAreProtected()
    {
        var cells = new[,] { { 10, 12, 20 }, { 10, 15, 25 } };
        var forced = new bool[3, 4];
        forced[2, 0] = true; // the women's total, hidden in another table sharing it
        var states = Suppression.Apply(cells, forced);
        Assert.Equal(CellState.Hidden, states[2, 0]);
        AssertNoLineHasExactlyOneHidden(states);
    }

    private static void AssertNoLineHasExactlyOneHidden(CellState[,] states)
    {
        int rows = states.GetLength(0), columns = states.GetLength(1);
        for (var r = 0; r < rows; r++)
            Assert.NotEqual(1, Enumerable.Range(0, columns).Count(c => states[r, c] != CellState.Shown));
        for (var c = 0; c < columns; c++)
            Assert.NotEqual(1, Enumerable.Range(0, rows).Count(r => states[r, c] != CellState.Shown));
    }

    private static void AssertNothingRecoverable(int[,] cells, CellState[,] states)
    {
        var full = Suppression.WithTotals(cells);
        var recovered = Attacker.Recover(full, states);
        var small = Enumerable.Range(0, full.GetLength(0)).SelectMany(r => Enumerable.Range(0, full.GetLength(1)).Select(c => (r, c)))
            .Where(p => states[p.r, p.c] == CellState.Small).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, p => Assert.False(recovered.ContainsKey(p), $"cell {p} = {full[p.r, p.c]} can be worked out"));
    }

    private static IEnumerable<CellState> Flatten(CellState[,] states) => states.Cast<CellState>();

    /// <summary>
    /// Enumerates every table consistent with what is published (shown cells, every line's equation, 1..4 for
    /// "&lt;5", 0..grand total for other hidden cells) by propagation and branching; returns the small cells that
    /// hold the same value in every one of them.
    /// </summary>
    internal static class Attacker
    {
        public static Dictionary<(int, int), int> Recover(int[,] full, CellState[,] states)
        {
            int rows = full.GetLength(0), columns = full.GetLength(1);
            var hidden = new List<(int R, int C)>();
            for (var r = 0; r < rows; r++) for (var c = 0; c < columns; c++) if (states[r, c] != CellState.Shown) hidden.Add((r, c));
            var max = states[rows - 1, columns - 1] == CellState.Shown ? full[rows - 1, columns - 1] : 4 * rows * columns + 100;
            var seen = hidden.ToDictionary(h => h, _ => new HashSet<int>());
            var value = new int?[rows, columns];
            for (var r = 0; r < rows; r++) for (var c = 0; c < columns; c++) if (states[r, c] == CellState.Shown) value[r, c] = full[r, c];
            (int Lo, int Hi) Bounds((int R, int C) p) => states[p.R, p.C] == CellState.Small ? (1, 4) : (0, max);

            var lines = new List<List<(int R, int C, int Sign)>>();
            for (var r = 0; r < rows; r++) lines.Add(Enumerable.Range(0, columns).Select(c => (r, c, c == columns - 1 ? -1 : 1)).ToList());
            for (var c = 0; c < columns; c++) lines.Add(Enumerable.Range(0, rows).Select(r => (r, c, r == rows - 1 ? -1 : 1)).ToList());
            var solutions = 0;

            void Search(int depth)
            {
                if (solutions > 200_000) throw new InvalidOperationException("Too many tables to enumerate.");
                var assignedHere = new List<(int R, int C)>();
                try
                {
                    // Propagate: a line with one unknown determines it.
                    var progress = true;
                    while (progress)
                    {
                        progress = false;
                        foreach (var line in lines)
                        {
                            var unknown = line.Where(p => value[p.R, p.C] is null).ToList();
                            var sum = line.Where(p => value[p.R, p.C] is not null).Sum(p => p.Sign * value[p.R, p.C]!.Value);
                            if (unknown.Count == 0) { if (sum != 0) return; continue; }
                            if (unknown.Count != 1) continue;
                            var u = unknown[0];
                            var v = -sum * u.Sign;
                            var (lo, hi) = Bounds((u.R, u.C));
                            if (v < lo || v > hi) return;
                            value[u.R, u.C] = v;
                            assignedHere.Add((u.R, u.C));
                            progress = true;
                        }
                    }
                    var open = hidden.FirstOrDefault(h => value[h.R, h.C] is null);
                    if (value[open.R, open.C] is not null || !hidden.Any(h => value[h.R, h.C] is null))
                    {
                        solutions++;
                        foreach (var h in hidden) seen[h].Add(value[h.R, h.C]!.Value);
                        return;
                    }
                    var (l, u2) = Bounds(open);
                    for (var x = l; x <= u2; x++)
                    {
                        value[open.R, open.C] = x;
                        Search(depth + 1);
                        value[open.R, open.C] = null;
                    }
                }
                finally
                {
                    foreach (var a in assignedHere) value[a.R, a.C] = null;
                }
            }

            Search(0);
            Assert.True(solutions > 0, "the published table must be consistent with itself");
            return hidden.Where(h => states[h.R, h.C] == CellState.Small && seen[h].Count == 1).ToDictionary(h => h, h => seen[h].Single());
        }
    }
}

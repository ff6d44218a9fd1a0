namespace Bedflow.Reports.Charts;

/// <summary>A rectangle in pixels (y grows downwards, as on the page).</summary>
internal readonly record struct Box(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Inside(Box outer) => Left >= outer.Left && Top >= outer.Top && Right <= outer.Right && Bottom <= outer.Bottom;

    /// <summary>The area this box shares with another (0 when apart).</summary>
    public double Shared(Box other) =>
        Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left)) * Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    /// <summary>The point of this box nearest to (x, y): where a leader line from that point meets it.</summary>
    public (double X, double Y) Nearest(double x, double y) => (Math.Clamp(x, Left, Right), Math.Clamp(y, Top, Bottom));
}

/// <summary>A point's name to place: the point (pixels) and the size of its text.</summary>
internal readonly record struct PointLabel(double X, double Y, double Width, double Height);

/// <summary>Where a name went: its box, and whether it sits far enough from its point to need a leader line back to it.</summary>
internal readonly record struct PlacedLabel(Box Box, bool Leader);

/// <summary>
/// Names beside points without collisions, greedily: each name in turn (from the top of the plot
/// down) takes the first place, nearest first, that stays inside the plot, clears every point's
/// marker and every name already placed — beside its point at one of the four corners, then
/// nudged further up or down in steps of its own height. A name that had to move away from its
/// point gets a leader line. When nothing is clear (a plot too crowded) it takes the place that
/// overlaps least. Pure geometry, so that the rule is tested on points built to collide.
/// </summary>
internal static class LabelPlacement
{
    /// <summary>The gap between a point and its name, in pixels.</summary>
    public const double Gap = 6;

    // How far a name may be nudged, in steps of its own height, before the least-bad place is taken.
    private const int MaxSteps = 12;

    /// <param name="labels">The names, each at its point.</param>
    /// <param name="area">The plot's data area: names stay inside it (outside, the plot clips them).</param>
    /// <param name="markerRadius">The half-size of each point's marker, which names must not cover.</param>
    public static IReadOnlyList<PlacedLabel> Place(IReadOnlyList<PointLabel> labels, Box area, double markerRadius)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var markers = labels.Select(l => new Box(l.X - markerRadius, l.Y - markerRadius, 2 * markerRadius, 2 * markerRadius)).ToList();
        var placed = new PlacedLabel[labels.Count];
        var taken = new List<Box>();
        foreach (int i in Enumerable.Range(0, labels.Count).OrderBy(i => labels[i].Y).ThenBy(i => labels[i].X))
        {
            var best = (Box: default(Box), Leader: false, Cost: double.PositiveInfinity);
            foreach (var (box, leader) in Candidates(labels[i], area))
            {
                double cost = Clash(box, area, taken, markers);
                if (cost < best.Cost)
                {
                    best = (box, leader, cost);
                    if (cost == 0)
                    {
                        break;
                    }
                }
            }
            placed[i] = new PlacedLabel(best.Box, best.Leader);
            taken.Add(best.Box);
        }
        return placed;
    }

    // Beside the point first (right and above, right and below, then the left side, so that a name
    // near the right edge goes left), then nudged away in steps of its height, nearest first.
    private static IEnumerable<(Box Box, bool Leader)> Candidates(PointLabel l, Box area)
    {
        double right = l.X + Gap, left = l.X - Gap - l.Width;
        double above = l.Y - Gap / 2 - l.Height, below = l.Y + Gap / 2;
        double[] sides = l.X + Gap + l.Width <= area.Right ? [right, left] : [left, right];
        for (int step = 0; step <= MaxSteps; step++)
        {
            double nudge = step * (l.Height + 1);
            foreach (double x in sides)
            {
                yield return (new Box(x, above - nudge, l.Width, l.Height), step > 0);
                yield return (new Box(x, below + nudge, l.Width, l.Height), step > 0);
            }
        }
    }

    // 0 when the box is clear; otherwise how badly it clashes (leaving the plot counts most).
    private static double Clash(Box box, Box area, List<Box> taken, List<Box> markers)
    {
        double cost = box.Inside(area) ? 0 : 1e9 + (box.Width * box.Height) - box.Shared(area);
        foreach (var other in taken)
        {
            cost += box.Shared(other);
        }
        foreach (var marker in markers)
        {
            cost += box.Shared(marker);
        }
        return cost;
    }
}

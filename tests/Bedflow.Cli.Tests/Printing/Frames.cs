namespace Bedflow.Cli.Tests.Printing;

/// <summary>A frame found on a page: its bounding box (pixels) and the share of each side that is drawn.</summary>
internal sealed record Frame(int Page, int Left, int Top, int Right, int Bottom, double TopDrawn, double BottomDrawn, double LeftDrawn, double RightDrawn)
{
    public int Width => Right - Left + 1;

    public int Height => Bottom - Top + 1;

    /// <summary>All four sides drawn along (nearly) their whole length: nothing of the chart is cut off.</summary>
    public bool IsWhole => Math.Min(Math.Min(TopDrawn, BottomDrawn), Math.Min(LeftDrawn, RightDrawn)) >= 0.97;

    public override string ToString() =>
        FormattableString.Invariant($"page {Page}: ({Left},{Top})–({Right},{Bottom}) {Width}×{Height} px; sides drawn: top {TopDrawn:P0}, bottom {BottomDrawn:P0}, left {LeftDrawn:P0}, right {RightDrawn:P0}");
}

/// <summary>
/// Finds the charts' frames (thin lines in one known colour, <see cref="Reports.Charts.SvgRenderer.FrameColour"/>)
/// on a rasterised page: every connected patch of that colour at least <c>minWidth</c> × <c>minHeight</c>
/// pixels, with how much of each side of its bounding box is drawn. A whole chart gives a closed
/// rectangle; a chart cropped by its box or by the page's edge gives an open one.
/// </summary>
internal static class Frames
{
    // Fully covered pixels of the line are the colour itself; antialiased edges are paler and left out.
    private const int Tolerance = 24;

    public static IReadOnlyList<Frame> Find(Raster page, int pageNumber, string colour, int minWidth, int minHeight)
    {
        var (r, g, b) = (Convert.ToByte(colour[1..3], 16), Convert.ToByte(colour[3..5], 16), Convert.ToByte(colour[5..7], 16));
        int w = page.Width, h = page.Height;
        var mask = new bool[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                var p = page[x, y];
                mask[(y * w) + x] = Math.Abs(p.R - r) <= Tolerance && Math.Abs(p.G - g) <= Tolerance && Math.Abs(p.B - b) <= Tolerance;
            }
        }
        var seen = new bool[w * h];
        var frames = new List<Frame>();
        var stack = new Stack<int>();
        for (int start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || seen[start])
            {
                continue;
            }
            int left = w, right = -1, top = h, bottom = -1;
            seen[start] = true;
            stack.Push(start);
            while (stack.TryPop(out int i))
            {
                int x = i % w, y = i / w;
                (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && nx < w && ny >= 0 && ny < h && mask[(ny * w) + nx] && !seen[(ny * w) + nx])
                        {
                            seen[(ny * w) + nx] = true;
                            stack.Push((ny * w) + nx);
                        }
                    }
                }
            }
            if (right - left + 1 < minWidth || bottom - top + 1 < minHeight)
            {
                continue;
            }
            // A side is drawn where some pixel within 3 of the box's edge has the colour.
            double Row(int y0, int y1) => Enumerable.Range(left, right - left + 1).Count(x => Enumerable.Range(y0, y1 - y0 + 1).Any(y => mask[(y * w) + x])) / (double)(right - left + 1);
            double Column(int x0, int x1) => Enumerable.Range(top, bottom - top + 1).Count(y => Enumerable.Range(x0, x1 - x0 + 1).Any(x => mask[(y * w) + x])) / (double)(bottom - top + 1);
            frames.Add(new Frame(pageNumber, left, top, right, bottom,
                Row(top, Math.Min(top + 3, bottom)), Row(Math.Max(bottom - 3, top), bottom), Column(left, Math.Min(left + 3, right)), Column(Math.Max(right - 3, left), right)));
        }
        return frames;
    }
}

using System.Diagnostics;

namespace Bedflow.Cli.Tests.Printing;

/// <summary>
/// A PDF's pages as pixels and text, by poppler's <c>pdftoppm</c> and <c>pdftotext</c> (Debian's
/// poppler-utils; .ci/run installs it). Tests install nothing: without the tools they fail and say how.
/// </summary>
internal static class PrintedPages
{
    /// <summary>Rasterises every page at <paramref name="dpi"/> dots an inch, in page order.</summary>
    public static IReadOnlyList<Raster> Rasterise(string pdf, int dpi)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"bedflow-pages-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Run(Tool("pdftoppm"), "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, Path.Combine(folder, "page"));
            // page-1.ppm … page-N.ppm, zero-padded to the width of N: ordinal order is page order.
            return [.. Directory.GetFiles(folder, "page-*.ppm").Order(StringComparer.Ordinal).Select(f => Raster.ReadPpm(File.ReadAllBytes(f)))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The text of one page (1-based), as pdftotext reads it.</summary>
    public static string Text(string pdf, int page)
    {
        string p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Run(Tool("pdftotext"), "-f", p, "-l", p, pdf, "-");
    }

    private static string Tool(string name)
    {
        string path = $"/usr/bin/{name}";
        Assert.True(File.Exists(path), $"the print layout test needs {path}: install Debian's poppler-utils (sudo apt-get install poppler-utils); .ci/run installs it before the tests.");
        return path;
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {stderr}");
        return stdout.Result;
    }
}

/// <summary>One page as RGB pixels.</summary>
internal sealed class Raster(int width, int height, byte[] rgb)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public (byte R, byte G, byte B) this[int x, int y] => (rgb[3 * ((y * Width) + x)], rgb[(3 * ((y * Width) + x)) + 1], rgb[(3 * ((y * Width) + x)) + 2]);

    /// <summary>A binary PPM (P6, maxval 255), as pdftoppm writes it.</summary>
    public static Raster ReadPpm(byte[] data)
    {
        int pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[pos]) || data[pos] == '#')
            {
                if (data[pos] == '#')
                {
                    while (data[pos] != '\n')
                    {
                        pos++;
                    }
                }
                pos++;
            }
            int start = pos;
            while (!char.IsWhiteSpace((char)data[pos]))
            {
                pos++;
            }
            return System.Text.Encoding.ASCII.GetString(data, start, pos - start);
        }
        Assert.Equal("P6", Token());
        int w = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        int h = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        pos++; // the single whitespace before the pixels
        Assert.Equal(3 * w * h, data.Length - pos);
        return new Raster(w, h, data[pos..]);
    }
}

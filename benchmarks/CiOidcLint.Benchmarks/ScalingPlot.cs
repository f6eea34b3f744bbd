using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CiOidcLint.Benchmarks;

/// <summary>
/// Draws <see cref="NativeComparison"/>'s scaling run as one SVG: check wall time (left) and peak
/// RSS (right) against pipeline lines, both axes logarithmic, cioidclint and yamllint as two
/// lines. Plain SVG text, so the plot needs no plotting library and diffs as text.
/// </summary>
public static class ScalingPlot
{
    private const double PanelWidth = 360;
    private const double PanelHeight = 240;
    private const double Left = 64;
    private const double Top = 44;
    private const double Gap = 96;

    public static string Svg(IReadOnlyList<ScalingPoint> points)
    {
        var width = Left + PanelWidth + Gap + PanelWidth + 24;
        var height = Top + PanelHeight + 78;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        Panel(svg, Left, "check wall time (ms)", points, p => p.OurTime, p => p.TheirTime);
        Panel(svg, Left + PanelWidth + Gap, "peak RSS (MiB)", points, p => p.OurRss / 1024, p => p.TheirRss / 1024);

        // Legend, under both panels.
        var legendY = Top + PanelHeight + 56;
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{legendY - 4}\" x2=\"{Left + 24}\" y2=\"{legendY - 4}\" stroke=\"#1f77b4\" stroke-width=\"2.5\"/>"));
        svg.Append(Invariant($"<text x=\"{Left + 30}\" y=\"{legendY}\">cioidclint check (native)</text>\n"));
        svg.Append(Invariant($"<line x1=\"{Left + 210}\" y1=\"{legendY - 4}\" x2=\"{Left + 234}\" y2=\"{legendY - 4}\" stroke=\"#d62728\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>"));
        svg.Append(Invariant($"<text x=\"{Left + 240}\" y=\"{legendY}\">yamllint</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, double x0, string title, IReadOnlyList<ScalingPoint> points, Func<ScalingPoint, double> ours, Func<ScalingPoint, double> theirs)
    {
        var xs = points.Select(p => (double)p.Lines).ToArray();
        var ys = points.Select(ours).Concat(points.Select(theirs)).ToArray();
        var (xMin, xMax) = (Math.Log10(xs.Min()) - 0.1, Math.Log10(xs.Max()) + 0.1);
        var (yMin, yMax) = (Math.Floor(Math.Log10(ys.Min())), Math.Ceiling(Math.Log10(ys.Max())));
        if (yMax - yMin < 1)
        {
            yMax = yMin + 1;
        }

        double X(double v) => x0 + ((Math.Log10(v) - xMin) / (xMax - xMin) * PanelWidth);
        double Y(double v) => Top + PanelHeight - ((Math.Log10(v) - yMin) / (yMax - yMin) * PanelHeight);

        svg.Append(Invariant($"<text x=\"{x0 + (PanelWidth / 2)}\" y=\"{Top - 18}\" text-anchor=\"middle\" font-weight=\"bold\">{title}</text>\n"));
        svg.Append(Invariant($"<rect x=\"{x0}\" y=\"{Top}\" width=\"{PanelWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#888\"/>\n"));

        // Decades (and 2x, 5x) on the y axis, each size on the x axis.
        for (var decade = yMin; decade <= yMax; decade++)
        {
            foreach (var step in new[] { 1.0, 2.0, 5.0 })
            {
                var value = step * Math.Pow(10, decade);
                if (Math.Log10(value) > yMax + 1e-9)
                {
                    continue;
                }

                var y = Y(value);
                svg.Append(Invariant($"<line x1=\"{x0}\" y1=\"{y:0.0}\" x2=\"{x0 + PanelWidth}\" y2=\"{y:0.0}\" stroke=\"#e5e5e5\"/>"));
                svg.Append(Invariant($"<text x=\"{x0 - 6}\" y=\"{y + 4:0.0}\" text-anchor=\"end\">{Label(value)}</text>\n"));
            }
        }

        foreach (var lines in xs)
        {
            var x = X(lines);
            svg.Append(Invariant($"<line x1=\"{x:0.0}\" y1=\"{Top}\" x2=\"{x:0.0}\" y2=\"{Top + PanelHeight}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(Invariant($"<text x=\"{x:0.0}\" y=\"{Top + PanelHeight + 16}\" text-anchor=\"middle\">{Label(lines)}</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"{x0 + (PanelWidth / 2)}\" y=\"{Top + PanelHeight + 34}\" text-anchor=\"middle\">pipeline lines</text>\n"));
        Series(svg, points.Select(p => (X(p.Lines), Y(ours(p)))).ToList(), "#1f77b4", dashed: false);
        Series(svg, points.Select(p => (X(p.Lines), Y(theirs(p)))).ToList(), "#d62728", dashed: true);
    }

    private static void Series(StringBuilder svg, IReadOnlyList<(double X, double Y)> points, string colour, bool dashed)
    {
        var path = string.Join(" ", points.Select(p => Invariant($"{p.X:0.0},{p.Y:0.0}")));
        svg.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{(dashed ? " stroke-dasharray=\"6 3\"" : string.Empty)}/>\n"));
        foreach (var (x, y) in points)
        {
            svg.Append(Invariant($"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"3.5\" fill=\"{colour}\"/>"));
        }

        svg.Append('\n');
    }

    private static string Label(double value)
        => value >= 1000 ? Invariant($"{value / 1000:0.#}k") : value >= 1 ? Invariant($"{value:0.#}") : Invariant($"{value:0.##}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

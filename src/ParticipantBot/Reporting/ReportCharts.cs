using System.Globalization;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;
using ScottPlot;

namespace ParticipantBot.Reporting;

/// <summary>
/// The report's charts, drawn by ScottPlot on SkiaSharp; ScottPlot shapes text with HarfBuzz, so Arabic labels join
/// and read right to left. Fonts are files, not the system's (SkiaSharp's native library here has no fontconfig):
/// Noto Sans and Noto Sans Arabic from <c>Report:FontDirectory</c> (Debian's fonts-noto-core by default). Without
/// them the report has no charts (the tables stay) and the log says so once. Charts draw only figures the tables show.
/// </summary>
public sealed class ReportCharts(IConfiguration configuration, ILogger<ReportCharts> logger)
{
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/noto";
    public const int Width = 900, Height = 480;
    private static readonly object Gate = new();
    private static bool? _fontsLoaded;

    private static readonly Color Women = Color.FromHex("#6B2C91"), Men = Color.FromHex("#0B6A7A"), NotStated = Color.FromHex("#9E9E9E");
    private static readonly Color[] StageColours = [Color.FromHex("#A6CEE3"), Color.FromHex("#1F78B4"), Color.FromHex("#0B3C5D")];

    private bool FontsReady()
    {
        lock (Gate)
        {
            if (_fontsLoaded is { } loaded) return loaded;
            var directory = configuration["Report:FontDirectory"] ?? DefaultFontDirectory;
            var latin = Path.Combine(directory, "NotoSans-Regular.ttf");
            var arabic = Path.Combine(directory, "NotoSansArabic-Regular.ttf");
            if (!File.Exists(latin) || !File.Exists(arabic))
            {
                logger.LogWarning("Report charts are left out: the fonts {Latin} and {Arabic} are missing (set Report:FontDirectory, or install Debian's fonts-noto-core).", latin, arabic);
                return (_fontsLoaded = false).Value;
            }
            Fonts.AddFontFile("Noto Sans", latin);
            Fonts.AddFontFile("Noto Sans Arabic", arabic);
            return (_fontsLoaded = true).Value;
        }
    }

    private static string FontFor(Language lang) => lang == Language.Ar ? "Noto Sans Arabic" : "Noto Sans";

    /// <summary>Shares of women, young people and persons with disabilities at each stage, in %: only those the table shows.</summary>
    public ReportChart? Shares(ReportTable shares, Language lang)
    {
        if (!FontsReady()) return null;
        var plot = NewPlot(Texts.Get("Report.Chart.Shares", lang), lang);
        var rows = shares.Rows.ToList();
        if (lang == Language.Ar) rows.Reverse(); // read from the right
        var stageCount = shares.Columns.Count - 1;
        var bars = new List<Bar>();
        for (var g = 0; g < rows.Count; g++)
            for (var s = 0; s < stageCount; s++)
                if (ParsePercent(rows[g].Cells[s].Text) is { } value)
                    bars.Add(new Bar
                    {
                        Position = g * (stageCount + 1) + s, Value = value, FillColor = StageColours[s % StageColours.Length],
                        Label = $"{value:0}%", LineWidth = 0,
                    });
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(rows.Select((_, g) => g * (stageCount + 1) + (stageCount - 1) / 2.0).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.SetLimitsY(0, 100);
        for (var s = 0; s < stageCount; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = shares.Columns[s + 1], FillColor = StageColours[s % StageColours.Length] });
        plot.Legend.FontName = FontFor(lang);
        plot.ShowLegend(Alignment.UpperRight);
        return Render("shares", Texts.Get("Report.Chart.Shares", lang), plot);
    }

    /// <summary>Women, men and not stated by stakeholder group: the cells the table shows (hidden cells have no bar).</summary>
    public ReportChart? Groups(ReportTable groups, Language lang)
    {
        if (!FontsReady()) return null;
        var plot = NewPlot(Texts.Get("Report.Chart.Groups", lang), lang);
        var rows = groups.Rows.Where(r => !r.IsTotal).ToList();
        if (lang == Language.Ar) rows.Reverse();
        Color[] colours = [Women, Men, NotStated];
        var bars = new List<Bar>();
        for (var g = 0; g < rows.Count; g++)
            for (var s = 0; s < 3; s++)
                if (rows[g].Cells[s].Value is { } value)
                    bars.Add(new Bar { Position = g * 4 + s, Value = value, FillColor = colours[s], Label = value.ToString(CultureInfo.InvariantCulture), LineWidth = 0 });
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(rows.Select((_, g) => g * 4 + 1.0).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        for (var s = 0; s < 3; s++) plot.Legend.ManualItems.Add(new LegendItem { LabelText = groups.Columns[s + 1], FillColor = colours[s] });
        plot.Legend.FontName = FontFor(lang);
        plot.ShowLegend(Alignment.UpperRight);
        return Render("groups", Texts.Get("Report.Chart.Groups", lang), plot);
    }

    private static Plot NewPlot(string title, Language lang)
    {
        var plot = new Plot();
        plot.Font.Set(FontFor(lang));
        plot.Title(title);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }

    private static ReportChart Render(string id, string title, Plot plot) =>
        new(id, title, plot.GetImageBytes(Width, Height, ImageFormat.Png), Width, Height);

    private static double? ParsePercent(string text)
    {
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && int.TryParse(digits, out var v) ? v : null;
    }
}

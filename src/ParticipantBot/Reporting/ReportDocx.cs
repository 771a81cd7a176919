using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace ParticipantBot.Reporting;

/// <summary>
/// The report as an editable Word document (Open XML SDK): real headings (Title, Heading 1), tables with a header
/// row that repeats across pages, charts as pictures with their alt text, A4 portrait. An Arabic report is right to
/// left throughout: the section, every paragraph (bidi), every run (rtl) and every table (bidiVisual).
/// </summary>
public static class ReportDocx
{
    private const string Latin = "Noto Sans", Arabic = "Noto Naskh Arabic";

    public static byte[] Write(ConsultationReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, report);
            var body = new Body();
            var rtl = report.RightToLeft;
            body.Append(Paragraph(report.Title, rtl, style: "Title"));
            body.Append(Paragraph(report.Subtitle, rtl, style: "Subtitle"));
            body.Append(Paragraph(report.Generated, rtl, italic: true));
            uint pictureId = 1;
            foreach (var section in report.Sections)
            {
                body.Append(Paragraph(section.Heading, rtl, style: "Heading1", keepNext: true));
                foreach (var text in section.Paragraphs) body.Append(Paragraph(text, rtl));
                foreach (var table in section.Tables)
                {
                    if (table.Title != section.Heading) body.Append(Paragraph(table.Title, rtl, style: "Heading2", keepNext: true));
                    body.Append(Table(table, rtl));
                    body.Append(Paragraph("", rtl));
                }
                foreach (var chart in section.Charts)
                {
                    var image = main.AddImagePart(ImagePartType.Png);
                    using (var png = new MemoryStream(chart.Png)) image.FeedData(png);
                    body.Append(new Paragraph(ParagraphProps(rtl, center: true), new Run(Picture(main.GetIdOfPart(image), chart, pictureId++))));
                    body.Append(Paragraph(chart.Title, rtl, style: "Caption"));
                }
            }
            var sectionProps = new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });
            if (rtl) sectionProps.Append(new BiDi());
            body.Append(sectionProps);
            main.Document = new Document(body);
            main.Document.Save();
            doc.PackageProperties.Title = report.Title;
            doc.PackageProperties.Subject = report.Subtitle;
            doc.PackageProperties.Creator = "ParticipantBot";
            doc.PackageProperties.Language = report.Language switch
            {
                Domain.Common.Language.Ar => "ar-MA",
                Domain.Common.Language.Fr => "fr-MA",
                _ => "en-GB",
            };
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main, ConsultationReport report)
    {
        var lang = report.Language switch { Domain.Common.Language.Ar => "ar-MA", Domain.Common.Language.Fr => "fr-FR", _ => "en-GB" };
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Latin, HighAnsi = Latin, ComplexScript = Arabic, EastAsia = Latin },
                    new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "23" },
                    new Languages { Val = lang == "ar-MA" ? "fr-FR" : lang, Bidi = "ar-MA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, null, isDefault: true),
            Style("Title", "Title", 40, "0B3C5D", bold: true),
            Style("Subtitle", "Subtitle", 28, "0B6A7A"),
            Style("Heading1", "heading 1", 30, "0B3C5D", bold: true, outline: 0, before: "360"),
            Style("Heading2", "heading 2", 24, "0B6A7A", bold: true, outline: 1, before: "200"),
            Style("Caption", "caption", 18, "555555", italic: true));
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style Style(string id, string name, int? halfPoints, string? colour, bool isDefault = false, bool bold = false, bool italic = false,
        int? outline = null, string? before = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (!isDefault) style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        var p = new StyleParagraphProperties();
        if (outline is not null) p.Append(new KeepNext());
        if (before is not null) p.Append(new SpacingBetweenLines { Before = before, After = "120" });
        if (outline is { } level) p.Append(new OutlineLevel { Val = level });
        if (p.HasChildren) style.Append(p);
        var r = new StyleRunProperties();
        if (bold) r.Append(new Bold(), new BoldComplexScript());
        if (italic) r.Append(new Italic(), new ItalicComplexScript());
        if (colour is not null) r.Append(new Color { Val = colour });
        if (halfPoints is { } size) r.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = (size + 2).ToString(CultureInfo.InvariantCulture) });
        if (r.HasChildren) style.Append(r);
        return style;
    }

    private static ParagraphProperties ParagraphProps(bool rtl, string? style = null, bool keepNext = false, bool center = false, bool compact = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (rtl) props.Append(new BiDi());
        if (compact) props.Append(new SpacingBetweenLines { Before = "40", After = "40" });
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        return props;
    }

    private static Run Text(string text, bool rtl, bool bold = false, bool italic = false)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold(), new BoldComplexScript());
        if (italic) props.Append(new Italic(), new ItalicComplexScript());
        if (rtl) props.Append(new RightToLeftText());
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        // "<5" in a right-to-left line would read "5>": a left-to-right mark keeps it as written.
        if (rtl && text.StartsWith('<')) text = "\u200E" + text;
        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>XML 1.0 cannot carry C0 control characters other than tab and line breaks: people's texts may hold none here, but a document must never fail to open.</summary>
    private static string Clean(string text) => string.Concat(text.Where(c => c >= ' ' || c is '\t'));

    private static Paragraph Paragraph(string text, bool rtl, string? style = null, bool keepNext = false, bool italic = false)
    {
        var paragraph = new Paragraph(ParagraphProps(rtl, style, keepNext));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) paragraph.Append(new Run(new Break()));
            if (lines[i].Length > 0 || lines.Length == 1) paragraph.Append(Text(lines[i], rtl, italic: italic));
        }
        return paragraph;
    }

    private static Table Table(ReportTable table, bool rtl)
    {
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4U; b.Color = "8A8A8A"; return b; });
        var props = new TableProperties();
        if (rtl) props.Append(new BiDiVisual());
        props.Append(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            new TableLayout { Type = TableLayoutValues.Autofit },
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }),
            new TableLook { Val = "04A0", FirstRow = true, FirstColumn = true, NoVerticalBand = true });
        var result = new Table(props);
        var grid = new TableGrid();
        foreach (var _ in table.Columns) grid.Append(new GridColumn());
        result.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var column in table.Columns) header.Append(Cell(column, rtl, bold: true, shade: "DCEBEF"));
        result.Append(header);
        foreach (var row in table.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            tr.Append(Cell(row.Label, rtl, bold: row.IsTotal, shade: row.IsTotal ? "F2F2F2" : null));
            foreach (var cell in row.Cells) tr.Append(Cell(cell.Text, rtl, bold: row.IsTotal, shade: row.IsTotal ? "F2F2F2" : null, number: true));
            result.Append(tr);
        }
        return result;
    }

    private static TableCell Cell(string text, bool rtl, bool bold = false, string? shade = null, bool number = false)
    {
        var props = new TableCellProperties();
        if (shade is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shade });
        var paragraph = new Paragraph(ParagraphProps(rtl, compact: true, center: number));
        if (text.Length > 0) paragraph.Append(Text(text, rtl, bold));
        return props.HasChildren ? new TableCell(props, paragraph) : new TableCell(paragraph);
    }

    private static Drawing Picture(string relationshipId, ReportChart chart, uint id)
    {
        // 16 cm wide, the chart's proportions.
        const long width = 16L * 360000;
        var height = width * chart.Height / chart.Width;
        var name = $"{chart.Id}.png";
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name, Description = chart.Title },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }
}

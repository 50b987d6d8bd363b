using System.Globalization;
using PolicyLens.Coverage;
using PolicyLens.Report;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// The comparison as a table for a terminal (the default of <c>compare</c>). Up to
/// <see cref="MatrixPlans"/> plans: every label with each plan's status and how many plans cover
/// it, like the web app's heatmap. More plans: one row per plan with the labels covered per
/// dimension. The full matrix with strengths is CSV, JSON or XLSX.
/// </summary>
internal static class CompareTable
{
    public const int MatrixPlans = 8;

    /// <summary>The dimensions the summary counts: those whose gaps a plan is asked to close.</summary>
    private static readonly (string Dimension, string Header)[] SummaryDimensions =
        [("element", "Elementen"), ("type", "Soorten"), ("level", "Niveaus"), ("approach", "Aanpak"), ("focus", "Velden")];

    public static void Write(IAnsiConsole console, PlanComparison comparison)
    {
        if (comparison.Plans.Count <= MatrixPlans) Matrix(console, comparison);
        else Summary(console, comparison);
        console.WriteLine("De volledige matrix met sterktes en rangen: --format csv of json, of --out vergelijking.xlsx.");
    }

    private static void Matrix(IAnsiConsole console, PlanComparison c)
    {
        for (var p = 0; p < c.Plans.Count; p++)
            console.WriteLine($"{p + 1}  {c.Plans[p].Title} ({c.Plans[p].FileName}{(c.Plans[p].DocumentId is { } id ? $", nr {id}" : "")})");
        console.WriteLine();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Label");
        for (var p = 0; p < c.Plans.Count; p++) table.AddColumn(new TableColumn((p + 1).ToString(CultureInfo.InvariantCulture)).Centered());
        table.AddColumn(new TableColumn("Plannen").RightAligned());
        foreach (var dimension in c.Labels.Select(l => l.Dimension).Distinct())
        {
            table.AddRow([new Markup($"[bold]{Markup.Escape(ReportText.Dimension(dimension))}[/]"), .. c.Plans.Select(_ => Text.Empty), Text.Empty]);
            foreach (var (label, index) in c.For(dimension))
            {
                var cells = new List<Spectre.Console.Rendering.IRenderable> { new Text("  " + label.Name) };
                for (var p = 0; p < c.Plans.Count; p++) cells.Add(Status(c.Cell(p, index).Status));
                var benchmark = c.Benchmarks[index];
                cells.Add(new Text($"{benchmark.PlansCovering}/{benchmark.PlanCount}"));
                table.AddRow(cells);
            }
        }
        console.Write(table);
        console.WriteLine("U = uitgewerkt, g = genoemd, - = afwezig; Plannen: hoeveel plannen het label minstens noemen.");
    }

    private static Markup Status(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => new Markup("[green]U[/]"),
        CoverageStatus.Genoemd => new Markup("[yellow]g[/]"),
        _ => new Markup("[grey]-[/]"),
    };

    private static void Summary(IAnsiConsole console, PlanComparison c)
    {
        var dimensions = SummaryDimensions.Where(d => c.For(d.Dimension).Any()).ToArray();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Nr").RightAligned()).AddColumn("Plan").AddColumn("Gemeente");
        foreach (var (_, header) in dimensions) table.AddColumn(new TableColumn(header).RightAligned());
        for (var p = 0; p < c.Plans.Count; p++)
        {
            var plan = c.Plans[p];
            var cells = new List<string> { plan.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(plan.Title), Markup.Escape(plan.Municipality ?? "") };
            foreach (var (dimension, _) in dimensions)
            {
                var labels = c.For(dimension).ToList();
                cells.Add($"{labels.Count(l => c.Cell(p, l.Index).Covered)}/{labels.Count}");
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.WriteLine($"{c.Plans.Count} plannen; per dimensie: het aantal labels dat het plan minstens noemt.");
    }
}

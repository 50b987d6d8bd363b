using System.CommandLine;
using PolicyLens.Storage;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// Opens the database for the store commands. Which file: <c>--db FILE</c> (relative to the
/// current folder), else the setting <c>PolicyLens:DatabasePath</c> (see <see cref="CliSettings"/>),
/// else <c>data/policylens.db</c>; a configured relative path is taken from the checkout's root
/// when the CLI runs inside one, else from the program's folder, as the web app does, so the
/// two share one database. The database's folder is created when missing.
/// </summary>
internal static class StoreAccess
{
    public const string EnvironmentVariable = "PolicyLens__DatabasePath";
    public const string DefaultPath = "data/policylens.db";

    public static Option<string?> DbOption() =>
        new("--db") { Description = $"Database file (default: ${EnvironmentVariable}, else PolicyLens:DatabasePath in appsettings.json, else {DefaultPath} in the checkout or beside the program)." };

    public static string ResolvePath(string? option) => CliSettings.Current.DatabasePath(option);

    /// <summary>Opens the store, or writes why it cannot be opened to <paramref name="stderr"/> and returns null.</summary>
    public static SqlitePlanStore? Open(string? option, TextWriter stderr)
    {
        var path = ResolvePath(option);
        try
        {
            return SqlitePlanStore.Open(new SqliteStoreOptions(path));
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine(DatabaseProblem(ex));
            return null;
        }
    }

    /// <summary>Runs a store command; a database fault becomes a message on stderr and exit code 1.</summary>
    public static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine(DatabaseProblem(ex));
            return 1;
        }
    }

    /// <summary>
    /// A database fault in Dutch words around the store's own (English) sentence, which names the
    /// file and what to do; the store has no codes of its own.
    /// </summary>
    public static string DatabaseProblem(PlanStoreException ex) => $"policylens: probleem met de database: {ex.Message}";

    /// <summary>
    /// A Spectre console writing to <paramref name="stdout"/>: with colours and live widgets on a
    /// terminal, plain text (no ANSI codes, 120 columns) when output is redirected or captured.
    /// </summary>
    public static IAnsiConsole Console(TextWriter stdout, out bool interactive)
    {
        interactive = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = 120;
        return console;
    }
}

using System.CommandLine;
using System.Text.Json;
using PolicyLens.Storage;
using Spectre.Console;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// The one place that decides which database the store commands use:
/// <c>--db FILE</c>, else the environment variable <c>PolicyLens__DatabasePath</c>, else
/// <c>PolicyLens:DatabasePath</c> in appsettings.json (next to the executable, else in the
/// repository root), else <c>data/policylens.db</c>. A relative <c>--db</c> is taken from the current
/// directory; a configured relative path from the repository root when the current directory is
/// inside the checkout (else the current directory). The database's folder is created when missing.
/// </summary>
internal static class StoreAccess
{
    public const string EnvironmentVariable = "PolicyLens__DatabasePath";
    public const string DefaultPath = "data/policylens.db";

    public static Option<string?> DbOption() =>
        new("--db") { Description = $"Database file (default: ${EnvironmentVariable}, else PolicyLens:DatabasePath in appsettings.json, else ./{DefaultPath})." };

    public static string ResolvePath(string? option) =>
        ResolvePath(option, Environment.GetEnvironmentVariable, FindAppSettings(), Directory.GetCurrentDirectory());

    /// <summary>The resolution itself, with its inputs passed in so tests can check the precedence.</summary>
    internal static string ResolvePath(string? option, Func<string, string?> environment, string? appSettingsPath, string currentDirectory)
    {
        // A path typed on the command line is the user's, relative to where they are; a configured
        // one is relative to the checkout (like the web app's), so CLI and web share one database.
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option, currentDirectory);
        var chosen = environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : ReadAppSettings(appSettingsPath) ?? DefaultPath;
        return Path.GetFullPath(chosen, Checkout.FindRoot(currentDirectory) ?? currentDirectory);
    }


    internal static string? FindAppSettings()
    {
        var besideExe = Path.Join(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(besideExe)) return besideExe;
        var inCheckout = Checkout.FindRoot(Directory.GetCurrentDirectory()) is { } root ? Path.Join(root, "appsettings.json") : null;
        return inCheckout is not null && File.Exists(inCheckout) ? inCheckout : null;
    }

    /// <summary>PolicyLens:DatabasePath from an appsettings.json, or null when absent or unreadable.</summary>
    internal static string? ReadAppSettings(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("PolicyLens", out var section) && section.ValueKind == JsonValueKind.Object
                && section.TryGetProperty("DatabasePath", out var value) && value.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString() : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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
            stderr.WriteLine($"policylens: {ex.Message}");
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
            stderr.WriteLine($"policylens: {ex.Message}");
            return 1;
        }
    }

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

using System.Text.Json;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// Where the CLI takes its settings, database and rules from, by the rule the web app follows:
/// a setting is the environment variable <c>PolicyLens__Key</c>, else <c>PolicyLens:Key</c> in
/// appsettings.json (the checkout's own when the CLI runs inside a checkout, else the copy beside
/// the program). A configured relative path is taken from the checkout's root when the current
/// folder or the program is inside a checkout (<c>dotnet run</c>, a build under <c>bin/</c>), else
/// from the program's folder. So after editing <c>rules/</c> in the checkout the CLI reads the
/// edit, not the copy the build made, and CLI and web share one database.
/// </summary>
internal sealed record CliSettings(Func<string, string?> Environment, string CurrentDirectory, string ProgramFolder)
{
    public static CliSettings Current => new(System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The checkout the CLI runs in (the current folder's, else the program's), or null.</summary>
    public string? CheckoutRoot => Checkout.FindRoot(CurrentDirectory) ?? Checkout.FindRoot(ProgramFolder);

    /// <summary>The folder configured relative paths start from.</summary>
    public string BaseFolder => CheckoutRoot ?? ProgramFolder;

    /// <summary>The appsettings.json in use: the checkout's, else the one beside the program; null when neither exists.</summary>
    public string? AppSettingsPath =>
        new[] { CheckoutRoot, ProgramFolder }.OfType<string>().Select(f => Path.Join(f, "appsettings.json")).FirstOrDefault(File.Exists);

    /// <summary>PolicyLens:<paramref name="key"/> from the environment, else from appsettings.json, else null.</summary>
    public string? Setting(string key) =>
        Environment($"PolicyLens__{key}") is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : ReadAppSettings(AppSettingsPath, key);

    /// <summary><c>--db</c> relative to the current folder, else the configured path from <see cref="BaseFolder"/>.</summary>
    public string DatabasePath(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? Path.GetFullPath(option, CurrentDirectory)
            : Path.GetFullPath(Setting("DatabasePath") ?? StoreAccess.DefaultPath, BaseFolder);

    /// <summary>
    /// <c>--rules</c> relative to the current folder, else the configured folder (default <c>rules</c>):
    /// the checkout's when there is one holding it, else the copy beside the program.
    /// </summary>
    public string RulesPath(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option, CurrentDirectory);
        var configured = Setting("RulesPath") ?? "rules";
        if (Path.IsPathRooted(configured)) return Path.GetFullPath(configured);
        if (CheckoutRoot is { } root && Directory.Exists(Path.Join(root, configured))) return Path.GetFullPath(configured, root);
        return Path.GetFullPath(configured, ProgramFolder);
    }

    /// <summary>PolicyLens:<paramref name="key"/> from an appsettings.json, or null when absent, empty or unreadable.</summary>
    internal static string? ReadAppSettings(string? path, string key)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("PolicyLens", out var section) && section.ValueKind == JsonValueKind.Object
                && section.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString() : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

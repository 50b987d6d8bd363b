namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The options' paths made absolute once at start-up. Everything the app writes stays under
/// <see cref="DataFolder"/>; request handlers only ever pass ids, never paths.
/// </summary>
public sealed class AppPaths
{
    public AppPaths(PolicyLensOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        // The content root is the program's folder (under bin/ for a build); inside the checkout,
        // relative paths are taken from the repository root instead, where the CLI looks too, so
        // both use the same database, rules and seeds, and an edit to rules/ needs no rebuild.
        var baseFolder = Checkout.FindRoot(contentRoot) ?? contentRoot;
        DatabasePath = Path.GetFullPath(options.DatabasePath, baseFolder);
        DataFolder = Path.GetDirectoryName(DatabasePath)!;
        UploadFolder = Path.Join(DataFolder, "uploads");
        RulesPath = ResolveShipped(options.RulesPath, baseFolder);
        SeedsPath = ResolveShipped(options.SeedsPath, baseFolder);
        MappingsPath = ResolveShipped("mappings", baseFolder);
        ModelPath = string.IsNullOrWhiteSpace(options.ModelPath)
            ? PolicyLens.Learning.Model.ModelFile.DefaultPath(RulesPath)
            : Path.GetFullPath(options.ModelPath, baseFolder);
    }

    public string DatabasePath { get; }

    /// <summary>The folder of the database; the only folder the app writes to.</summary>
    public string DataFolder { get; }

    /// <summary>Uploaded files wait here (under random names) until the worker has read them.</summary>
    public string UploadFolder { get; }
    public string RulesPath { get; }
    public string SeedsPath { get; }

    /// <summary>The mapping files of the structured import (mappings/*.yaml), shipped like the rules.</summary>
    public string MappingsPath { get; }

    /// <summary>The learned model file (see <c>PolicyLens:ModelPath</c>).</summary>
    public string ModelPath { get; }

    /// <summary>
    /// A folder that ships with the app (rules, seeds): relative to the content root when it exists
    /// there, else the copy the build puts next to the executable, so the app also starts from
    /// another working directory.
    /// </summary>
    private static string ResolveShipped(string path, string contentRoot)
    {
        var fromRoot = Path.GetFullPath(path, contentRoot);
        if (Directory.Exists(fromRoot) || Path.IsPathRooted(path)) return fromRoot;
        var besideExe = Path.GetFullPath(path, AppContext.BaseDirectory);
        return Directory.Exists(besideExe) ? besideExe : fromRoot;
    }
}

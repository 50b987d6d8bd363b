namespace PolicyLens;

/// <summary>
/// Where the PolicyLens checkout is, for programs started inside it (`dotnet run`): the CLI and
/// the web app take configured relative paths from its root so both find the same database.
/// </summary>
public static class Checkout
{
    /// <summary>The folder holding PolicyLens.sln at or above <paramref name="start"/>, or null outside a checkout.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        return null;
    }
}

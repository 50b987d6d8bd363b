namespace PolicyLens.Readers.Tests.Rules;

/// <summary>Finds the repository root (the folder holding PolicyLens.sln) from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Join(Root, "rules");

    /// <summary>The shared development gold set, next to the repository.</summary>
    public static string DevGold => Path.GetFullPath(Path.Join(Root, "..", "shared", "corpus", "dev", "gold.jsonl"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No PolicyLens.sln above {AppContext.BaseDirectory}.");
    }
}

namespace PolicyLens.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, and finds the repository's fixtures.</summary>
internal static class CliHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PolicyLens.sln not found above the test output folder.");
    }

    /// <summary>A file of tests/fixtures/documents.</summary>
    public static string Fixture(string name) => Path.Combine(RepositoryRoot(), "tests", "fixtures", "documents", name);
}

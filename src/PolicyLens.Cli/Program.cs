using System.CommandLine;
using PolicyLens.Cli.Commands;

namespace PolicyLens.Cli;

public static class Program
{
    /// <summary>Exit code for a command line that could not be parsed.</summary>
    public const int UsageError = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the CLI with the given writers, so tests can drive it in-process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"policylens: {error.Message}");
            stderr.WriteLine("Run 'policylens --help' for usage.");
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("PolicyLens: how municipal plans address loneliness and social connection.");
        foreach (var command in CommandCatalog.All(stdout, stderr)) root.Subcommands.Add(command);
        return root;
    }
}

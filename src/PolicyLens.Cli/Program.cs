using System.CommandLine;
using PolicyLens.Cli.Commands;

namespace PolicyLens.Cli;

/// <summary>
/// The <c>policylens</c> command. Results, progress, warnings and errors are Dutch; <c>--help</c>
/// stays English like the option names and the help of the tools around it (System.CommandLine
/// has no Dutch texts for its own headings, so Dutch descriptions would read half and half).
/// </summary>
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
            // The parser's own sentences are English; the frame around them says what to do.
            foreach (var error in parse.Errors) stderr.WriteLine($"policylens: ongeldige opdracht: {error.Message}");
            stderr.WriteLine("Typ 'policylens --help' voor de opdrachten, of 'policylens <opdracht> --help' voor hun opties.");
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("PolicyLens: how municipal plans address loneliness and social connection. Output is in Dutch.");
        root.Options.Add(CliOptions.Verbose);
        foreach (var command in CommandCatalog.All(stdout, stderr)) root.Subcommands.Add(command);
        return root;
    }
}

using System.CommandLine;

namespace PolicyLens.Cli.Commands;

/// <summary>Every subcommand of the CLI, one factory per file in this folder.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(TextWriter stdout, TextWriter stderr)
    {
        yield return VersionCommand.Create(stdout);
        yield return ExtractCommand.Create(stdout, stderr);
        yield return DoctorCommand.Create(stdout, stderr);
        yield return RulesCheckCommand.Create(stdout, stderr);
        yield return EvalCommand.Create(stdout, stderr);
        yield return TrainCommand.Create(stdout, stderr);
        yield return TagCommand.Create(stdout, stderr);
        yield return IngestCommand.Create(stdout, stderr);
        yield return ImportCommand.Create(stdout, stderr);
        yield return ListCommand.Create(stdout, stderr);
        yield return SearchCommand.Create(stdout, stderr);
        yield return RetagCommand.Create(stdout, stderr);
        yield return ReportCommand.Create(stdout, stderr);
        yield return CompareCommand.Create(stdout, stderr);
        yield return DiffCommand.Create(stdout, stderr);
        yield return EditCommand.Create(stdout, stderr);
        yield return ReviewCommand.Create(stdout, stderr);
    }
}

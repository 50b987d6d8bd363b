using System.CommandLine;
using System.Reflection;

namespace PolicyLens.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("about", "Show the PolicyLens version.");
        command.SetAction(_ =>
        {
            var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            stdout.WriteLine($"PolicyLens {version}");
            return 0;
        });
        return command;
    }
}

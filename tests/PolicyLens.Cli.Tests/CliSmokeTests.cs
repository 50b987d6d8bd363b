using PolicyLens.Cli;

namespace PolicyLens.Cli.Tests;

public class CliUsage
{
    [Fact]
    public void An_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(["no-such-command"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("no-such-command", stderr.ToString());
    }
}

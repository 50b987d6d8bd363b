using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The console as someone who started PolicyLens reads it: "12:00:01  message" for information,
/// with the level and the source only for warnings and errors (and the exception under them).
/// Log files and journald get the same text; structured values stay in the message.
/// </summary>
public sealed class ConsoleLines() : ConsoleFormatter(Name)
{
    public new const string Name = "policylens";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        var time = DateTime.Now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var level = logEntry.LogLevel switch
        {
            LogLevel.Warning => "waarschuwing",
            LogLevel.Error => "fout",
            LogLevel.Critical => "kritiek",
            _ => null,
        };
        textWriter.Write(time);
        textWriter.Write("  ");
        if (level is not null) textWriter.Write($"{level} ({logEntry.Category}): ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is not null) textWriter.WriteLine(logEntry.Exception.ToString());
    }
}

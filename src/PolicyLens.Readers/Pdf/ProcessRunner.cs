using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PolicyLens.Readers.Pdf;

/// <summary>How one external process ended.</summary>
internal sealed record ProcessOutcome(bool Started, int ExitCode, bool TimedOut, string StandardError)
{
    public static ProcessOutcome NotStarted(string reason) => new(false, -1, false, reason);
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;
}

/// <summary>
/// Runs an external tool with an argument list (never a shell string, so file names with spaces
/// or quotes are safe), a deadline after which the whole process tree is killed, a bounded copy
/// of stderr, and a fresh working directory that is deleted afterwards (pdftohtml may drop files
/// next to itself).
/// </summary>
internal static class ProcessRunner
{
    /// <param name="readStandardOutput">Consumes stdout while the process runs (streaming, so large
    /// outputs are never held in memory). When it returns early, the process is killed.</param>
    /// <param name="environment">Variables set for the child only (e.g. a GC heap limit).</param>
    public static ProcessOutcome Run(string executable, IReadOnlyList<string> arguments, DateTime deadlineUtc,
        Action<Stream> readStandardOutput, int maxErrorChars, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var workDir = Path.Combine(Path.GetTempPath(), "policylens-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        var stderr = new StringBuilder();
        using var process = new Process();
        try
        {
            process.StartInfo = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = false,
                CreateNoWindow = true,
                WorkingDirectory = workDir,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments) process.StartInfo.ArgumentList.Add(argument);
            if (environment is not null)
                foreach (var (key, value) in environment) process.StartInfo.Environment[key] = value;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (stderr)
                {
                    if (stderr.Length < maxErrorChars) stderr.AppendLine(e.Data.Length > maxErrorChars ? e.Data[..maxErrorChars] : e.Data);
                }
            };

            try
            {
                if (!process.Start()) return ProcessOutcome.NotStarted($"{executable} did not start.");
            }
            catch (Win32Exception ex)
            {
                return ProcessOutcome.NotStarted($"{executable}: {ex.Message}");
            }
            process.BeginErrorReadLine();

            var remaining = deadlineUtc - DateTime.UtcNow;
            if (remaining < TimeSpan.Zero) remaining = TimeSpan.Zero;
            var timedOut = 0;
            using var timer = new CancellationTokenSource(remaining);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            // Killing closes stdout, which ends the reader below with end-of-file or an I/O error.
            using var registration = linked.Token.Register(() =>
            {
                if (timer.IsCancellationRequested) Interlocked.Exchange(ref timedOut, 1);
                KillTree(process);
            });

            var stdout = process.StandardOutput.BaseStream;
            try
            {
                readStandardOutput(stdout);
                // Whatever the reader left (e.g. after the XML root) must not block poppler on a full pipe.
                stdout.CopyTo(Stream.Null);
            }
            catch (Exception) when (linked.IsCancellationRequested)
            {
                // Killed on time-out or cancellation: the output was cut short; reported below.
            }
            catch (Exception)
            {
                KillTree(process);
                throw;
            }
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            if (Volatile.Read(ref timedOut) == 1) return new ProcessOutcome(true, -1, true, Snapshot(stderr));
            return new ProcessOutcome(true, process.ExitCode, false, Snapshot(stderr));
        }
        finally
        {
            try { Directory.Delete(workDir, recursive: true); }
            catch (IOException) { /* a killed process may still hold a file for a moment; temp is cleaned by the OS */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Runs a tool whose output is small (pdfinfo, version banners) and returns stdout as text.</summary>
    public static (ProcessOutcome Outcome, string Output) RunToString(string executable, IReadOnlyList<string> arguments, DateTime deadlineUtc,
        int maxOutputChars, int maxErrorChars, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringBuilder();
        var outcome = Run(executable, arguments, deadlineUtc, stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            var buffer = new char[4096];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
                if (output.Length < maxOutputChars) output.Append(buffer, 0, Math.Min(read, maxOutputChars - output.Length));
        }, maxErrorChars, cancellationToken, environment);
        return (outcome, output.ToString());
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { /* already gone */ }
        catch (Win32Exception) { /* exited between the check and the kill */ }
    }

    private static string Snapshot(StringBuilder stderr)
    {
        lock (stderr) return stderr.ToString().Trim();
    }
}

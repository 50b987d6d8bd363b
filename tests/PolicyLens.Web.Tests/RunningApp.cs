using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLens.Web.Tests;

/// <summary>
/// A PolicyLens web app as its own process, started as a user starts it: an executable, a working
/// folder, environment variables and arguments. The address comes from the start-up summary it
/// prints (listen on port 0 to get a free one). Shared by the release tests.
/// </summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    [GeneratedRegex(@"draait op (http://[^\s]+) ")]
    private static partial Regex Listening();

    public static async Task<RunningApp> StartAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string?> environment,
        IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key); // as if never set
            else start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var output = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Line(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (Listening().Match(line) is { Success: true } m) address.TrySetResult(new Uri(m.Groups[1].Value));
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("The app stopped before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var uri = await address.Task.WaitAsync(timeout);
            var app = new RunningApp(process, uri);
            lock (output) app._output.Append(output);
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (app._output) app._output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (app._output) app._output.AppendLine(e.Data); };
            return app;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            Stop(process);
            string text;
            lock (output) text = output.ToString();
            throw new InvalidOperationException($"{executable} did not start listening within {timeout.TotalSeconds:0} s: {ex.Message}\n{text}", ex);
        }
    }

    /// <summary>Polls a page until it answers 200 and <paramref name="done"/> holds for its body, or the time is up.</summary>
    public async Task<string> WaitForPageAsync(string path, Func<string, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await Client.GetAsync(path);
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && done(last)) return last;
            await Task.Delay(250);
        }
        throw new TimeoutException($"{path} did not become ready within {timeout.TotalSeconds:0} s. Last body: {last[..Math.Min(last.Length, 500)]}\nOutput:\n{Output}");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Stop(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

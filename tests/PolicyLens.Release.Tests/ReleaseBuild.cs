using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PolicyLens.Release.Tests;

/// <summary>
/// scripts/publish.sh run once per test run for this machine's platform (linux-x64 in CI), its
/// folder then copied to a temporary folder outside the checkout, as a user unpacks the archive.
/// </summary>
public sealed class ReleaseBuild : IDisposable
{
    public ReleaseBuild()
    {
        Root = FindRoot();
        Rid = (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : "linux")
              + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var output = Path.Join(Path.GetTempPath(), "policylens-release-" + Guid.NewGuid().ToString("N"));
        _temp.Add(output);
        var clock = Stopwatch.StartNew();
        var (code, log) = Run("bash", [Path.Join(Root, "scripts", "publish.sh"), "--out", output, Rid], Root, TimeSpan.FromMinutes(25)); // 11 minutes on the busy shared development machine
        PublishTime = clock.Elapsed;
        if (code != 0) throw new InvalidOperationException($"scripts/publish.sh {Rid} failed ({code}):\n{log}");
        var built = Directory.GetDirectories(output, $"policylens-*-{Rid}").Single();
        Folder = Path.Join(Path.GetTempPath(), "policylens-unpacked-" + Guid.NewGuid().ToString("N"), Path.GetFileName(built));
        _temp.Add(Path.GetDirectoryName(Folder)!);
        CopyFolder(built, Folder);
        Assert.Null(FindRootOf(Folder)); // really outside any checkout
    }

    private readonly List<string> _temp = [];

    /// <summary>The checkout the script ran in.</summary>
    public string Root { get; }
    public string Rid { get; }

    /// <summary>The unpacked release, outside the checkout.</summary>
    public string Folder { get; }
    public TimeSpan PublishTime { get; }

    public string Executable(string name) => Path.Join(Folder, Rid.StartsWith("win", StringComparison.Ordinal) ? name + ".exe" : name);

    /// <summary>Runs a program to its end; the exit code and everything it wrote.</summary>
    public static (int Code, string Output) Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout.TotalMinutes:0} minutes.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(file)); // keep the programs executable
        }
    }

    private static string FindRoot() => FindRootOf(AppContext.BaseDirectory) ?? throw new InvalidOperationException("PolicyLens.sln not found above " + AppContext.BaseDirectory);

    private static string? FindRootOf(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        return null;
    }

    public void Dispose()
    {
        foreach (var folder in _temp)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans its temp folder; a file still open must not fail the run.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReleaseCollection : ICollectionFixture<ReleaseBuild>
{
    public const string Name = "release";
}

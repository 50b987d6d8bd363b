using System.Diagnostics;

namespace PolicyLens.Benchmarks;

/// <summary>Samples the process's working set every 50 ms from a clean heap on, for the timed runs' "peak memory".</summary>
internal sealed class PeakWorkingSet : IDisposable
{
    private readonly Timer _sampler;
    private long _peak;

    public PeakWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Baseline = Process.GetCurrentProcess().WorkingSet64;
        _peak = Baseline;
        _sampler = new Timer(_ =>
        {
            var now = Process.GetCurrentProcess().WorkingSet64;
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
        }, null, 0, 50);
    }

    /// <summary>Bytes in use when sampling began.</summary>
    public long Baseline { get; }

    /// <summary>The highest working set seen so far, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Stops sampling; <see cref="Peak"/> keeps its value.</summary>
    public void Stop() => _sampler.Change(Timeout.Infinite, Timeout.Infinite);

    public void Dispose() => _sampler.Dispose();
}

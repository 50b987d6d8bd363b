namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Hands memory back to the system after a burst. Reading a 40 MB upload or analysing a plan too
/// large for the cache needs hundreds of megabytes for a moment, and the garbage collector keeps
/// what it grew to until it next runs, which on an idle server is never: five 40 MB uploads left
/// the process at 1.4 GB with a fraction of that in use. Every few seconds this compares the
/// process's memory with what it was after the last trim; when it has grown by a lot, it collects
/// aggressively, which returns the free memory. Memory that was in use at a trim (a comparison of
/// many large plans) is tried again once a minute while the process stays well above its lowest,
/// so it goes back once the request is over. A busy server pays at most one pause per period.
/// </summary>
public sealed class MemoryTrimmer(ILogger<MemoryTrimmer> log) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    /// <summary>Growth worth a collection; less is left to the collector.</summary>
    private const long Slack = 192L * 1024 * 1024;

    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(1);

    // The working set after the last trim (or the lowest seen since): growth is measured from here.
    private long _floor = long.MaxValue;

    // The lowest working set seen at all; when the last trim ran; how many more tries a trim that
    // met memory still in use gets (it may be free a minute later).
    private long _lowest = long.MaxValue;
    private DateTime _lastTrim = DateTime.MinValue;
    private int _retries;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Trim();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Trim()
    {
        var now = Environment.WorkingSet;
        _floor = Math.Min(_floor, now);
        _lowest = Math.Min(_lowest, now);
        var grown = now >= _floor + Slack;
        var retry = _retries > 0 && DateTime.UtcNow - _lastTrim >= Retry;
        if (!grown && !retry) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _floor = Environment.WorkingSet;
        _lastTrim = DateTime.UtcNow;
        // Still far above the lowest: much was in use (a comparison of many large plans); look again later.
        _retries = _floor >= _lowest + 2 * Slack ? (grown ? 5 : _retries - 1) : 0;
        log.LogInformation("Returned free memory to the system: working set {Before} MB -> {After} MB", now / (1024 * 1024), _floor / (1024 * 1024));
    }
}

using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>One re-analysis of all plans: progress while it runs, the result or the Dutch reason it stopped.</summary>
public sealed class RetagRun(DateTimeOffset started)
{
    private volatile RetagProgress _progress = new(0, 0);
    private volatile RetagResult? _result;
    private volatile string? _error;
    private volatile bool _finished;

    public DateTimeOffset Started { get; } = started;
    public RetagProgress Progress { get => _progress; internal set => _progress = value; }
    public RetagResult? Result { get => _result; internal set => _result = value; }

    /// <summary>Dutch reason the run stopped early; plans done before it keep their new analysis.</summary>
    public string? Error { get => _error; internal set => _error = value; }
    public bool Finished { get => _finished; internal set => _finished = value; }
}

/// <summary>
/// Re-analyses every plan after a rule change in the background, one run at a time: 50 plans
/// took two minutes inside the request, and a browser that went away stopped it part-way. Now
/// the status page starts it, shows its progress and its result; only the server stopping ends
/// it early (and a new run picks up the plans not yet done).
/// </summary>
public sealed class RetagService(IPlanStore store, RulesHolder rules, CoverageService coverage, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<RetagService> log)
{
    private readonly Lock _gate = new();
    private RetagRun? _current;
    private Task _running = Task.CompletedTask;

    /// <summary>The running run, or the last finished one; null before the first.</summary>
    public RetagRun? Current
    {
        get
        {
            lock (_gate) return _current;
        }
    }

    /// <summary>The run in progress, or a new one started now.</summary>
    public RetagRun Start()
    {
        lock (_gate)
        {
            if (_current is { Finished: false } running) return running;
            var run = new RetagRun(time.GetUtcNow());
            _current = run;
            _running = Task.Run(() => Execute(run), CancellationToken.None);
            return run;
        }
    }

    /// <summary>Waits for the current run to end (tests, shutdown).</summary>
    public Task WhenIdle()
    {
        lock (_gate) return _running;
    }

    private void Execute(RetagRun run)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            run.Result = store.Retag(rules.Tagger, stopping, new Progress(run));
            log.LogInformation("Re-analysed {Retagged} plans with rule set {Version}; {Skipped} were up to date",
                run.Result.DocumentsRetagged, run.Result.RuleSetVersion, run.Result.DocumentsSkipped);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            run.Error = "de server werd gestopt. De plannen die al klaar waren, houden hun nieuwe analyse; start het opnieuw analyseren nog eens voor de rest.";
        }
        catch (PlanStoreException ex)
        {
            log.LogError(ex, "Re-analysis stopped: {Message}", ex.Message);
            run.Error = ex.Fault == StoreFault.DiskFull
                ? "de schijf van de server is vol. De plannen die al klaar waren, houden hun nieuwe analyse; maak ruimte vrij en start het opnieuw."
                : "de database meldde een fout. De fout is vastgelegd; probeer het later opnieuw.";
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Re-analysis stopped by an unexpected error");
            run.Error = "er ging onverwacht iets mis. De fout is vastgelegd; probeer het later opnieuw of meld het probleem.";
        }
        finally
        {
            coverage.Clear();
            run.Finished = true;
        }
    }

    private sealed class Progress(RetagRun run) : IProgress<RetagProgress>
    {
        public void Report(RetagProgress value) => run.Progress = value;
    }
}

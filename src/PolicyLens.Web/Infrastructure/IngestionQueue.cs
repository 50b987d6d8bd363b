using Microsoft.Extensions.Options;

namespace PolicyLens.Web.Infrastructure;

/// <summary>One file waiting for a worker, with the client whose turn it uses.</summary>
public sealed record QueuedFile(UploadJob Job, JobFile File, string Client);

/// <summary>Whether an upload of some files may join the queue.</summary>
public enum Admission
{
    Admitted,

    /// <summary>The queue holds <see cref="PolicyLensOptions.MaxQueuedFiles"/> files already.</summary>
    QueueFull,

    /// <summary>This client has <see cref="PolicyLensOptions.MaxQueuedFilesPerClient"/> files waiting or being read.</summary>
    ClientFull,
}

/// <summary>
/// The hand-over from request threads to the ingestion workers: bounded (all files waiting or
/// being read, and per client), and fair — workers take files client by client in turn, so one
/// client's twenty slow files do not stand between another client and the next free worker.
/// An upload first reserves room for its files (<see cref="TryReserve"/>), so parallel uploads
/// cannot overshoot the bounds; the room is given back as each file is done.
/// </summary>
public sealed class IngestionQueue(IOptions<PolicyLensOptions> options)
{
    /// <summary>The client of work the app queues itself (demo plans, jobs resumed after a restart): not limited.</summary>
    public const string SystemClient = "(PolicyLens)";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<QueuedFile>> _waiting = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();
    private readonly Dictionary<string, int> _reserved = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private int _total;

    /// <summary>Files waiting or being read, over all clients.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _total;
        }
    }

    /// <summary>Files this client has waiting or being read.</summary>
    public int PendingFor(string client)
    {
        lock (_gate) return _reserved.GetValueOrDefault(client);
    }

    /// <summary>Reserves room for <paramref name="files"/> files of <paramref name="client"/>, or says which bound is reached.</summary>
    public Admission TryReserve(string client, int files)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(files);
        var o = options.Value;
        lock (_gate)
        {
            if (client != SystemClient)
            {
                if (_total + files > o.MaxQueuedFiles) return Admission.QueueFull;
                if (_reserved.GetValueOrDefault(client) + files > o.MaxQueuedFilesPerClient) return Admission.ClientFull;
            }
            _total += files;
            _reserved[client] = _reserved.GetValueOrDefault(client) + files;
            return Admission.Admitted;
        }
    }

    /// <summary>Gives back reserved room: files refused after all, or done.</summary>
    public void Release(string client, int files)
    {
        lock (_gate)
        {
            _total = Math.Max(0, _total - files);
            var left = _reserved.GetValueOrDefault(client) - files;
            if (left > 0) _reserved[client] = left;
            else _reserved.Remove(client);
        }
    }

    /// <summary>Queues the job's waiting files; room for them was reserved by <see cref="TryReserve"/>.</summary>
    public void Enqueue(UploadJob job, string client)
    {
        var files = job.Files.Where(f => f.State == FileState.Wachtend).ToList();
        lock (_gate)
        {
            if (!_waiting.TryGetValue(client, out var queue))
            {
                _waiting[client] = queue = new Queue<QueuedFile>();
                _turns.AddLast(client);
            }
            foreach (var file in files) queue.Enqueue(new QueuedFile(job, file, client));
        }
        _available.Release(files.Count);
    }

    /// <summary>Queues work of the app itself (demo plans, resumed jobs), reserving its room without limits.</summary>
    public void EnqueueSystem(UploadJob job)
    {
        var waiting = job.Files.Count(f => f.State == FileState.Wachtend);
        if (waiting == 0) return;
        TryReserve(SystemClient, waiting);
        Enqueue(job, SystemClient);
    }

    /// <summary>The next file, taking clients in turn; waits until there is one or the token fires.</summary>
    public QueuedFile Take(CancellationToken cancellationToken)
    {
        _available.Wait(cancellationToken);
        lock (_gate)
        {
            var client = _turns.First!.Value;
            _turns.RemoveFirst();
            var queue = _waiting[client];
            var next = queue.Dequeue();
            if (queue.Count > 0) _turns.AddLast(client);
            else _waiting.Remove(client);
            return next;
        }
    }

    /// <summary>A taken file is done (or was handed back for a restart): its room is free again.</summary>
    public void Done(QueuedFile item) => Release(item.Client, 1);
}

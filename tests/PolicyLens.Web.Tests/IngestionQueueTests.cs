using Microsoft.Extensions.Options;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

/// <summary>The upload queue: bounded in total and per client, and fair between clients.</summary>
public sealed class IngestionQueueTests
{
    private static IngestionQueue Queue(int total = 10, int perClient = 5) =>
        new(Options.Create(new PolicyLensOptions { MaxUploadFiles = 1, MaxQueuedFiles = total, MaxQueuedFilesPerClient = perClient }));

    private static UploadJob Job(params string[] names) => new([.. names.Select(n => new JobFile(n, "/tmp/" + n))], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Workers_take_the_clients_in_turn_so_a_long_upload_does_not_go_first_entirely()
    {
        var queue = Queue();
        Assert.Equal(Admission.Admitted, queue.TryReserve("a", 3));
        queue.Enqueue(Job("a1", "a2", "a3"), "a");
        Assert.Equal(Admission.Admitted, queue.TryReserve("b", 1));
        queue.Enqueue(Job("b1"), "b");
        var order = Enumerable.Range(0, 4).Select(_ => queue.Take(CancellationToken.None).File.DisplayName).ToArray();
        Assert.Equal(["a1", "b1", "a2", "a3"], order);
    }

    [Fact]
    public void Room_is_reserved_per_client_and_in_total_and_given_back_when_files_are_done()
    {
        var queue = Queue(total: 6, perClient: 4);
        Assert.Equal(Admission.Admitted, queue.TryReserve("a", 4));
        Assert.Equal(Admission.ClientFull, queue.TryReserve("a", 1));
        Assert.Equal(Admission.Admitted, queue.TryReserve("b", 2));
        Assert.Equal(Admission.QueueFull, queue.TryReserve("c", 1));
        // The app's own work (demo plans, resumed jobs) is never refused.
        Assert.Equal(Admission.Admitted, queue.TryReserve(IngestionQueue.SystemClient, 3));
        queue.Enqueue(Job("a1"), "a");
        queue.Release("a", 3);
        queue.Done(queue.Take(CancellationToken.None));
        Assert.Equal(0, queue.PendingFor("a"));
        Assert.Equal(Admission.Admitted, queue.TryReserve("c", 1));
    }

    [Fact]
    public void Taking_from_an_empty_queue_ends_when_the_server_stops()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Queue().Take(stop.Token));
    }
}

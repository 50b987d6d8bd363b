using Dapper;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Tagging;
using static PolicyLens.Storage.Tests.TestSupport;

namespace PolicyLens.Storage.Tests;

/// <summary>A full disk (SQLITE_FULL, injected with a page limit) is reported as such and leaves nothing behind (issue 17).</summary>
public sealed class A_full_disk
{
    private static SqliteStoreOptions Tiny(string path) => new(path) { MaxDatabaseBytes = 256 * 1024 };

    /// <summary>A plan of about a megabyte: far more than the tiny database holds.</summary>
    private static string LargePlan(TempFolder folder)
    {
        var path = folder.File("groot-plan.md");
        File.WriteAllLines(path, ["# Groot plan", "", .. Enumerable.Range(0, 8_000).Select(i =>
            $"Paragraaf {i}: in elk buurtpunt ontmoeten ouderen elkaar, zodat eenzaamheid minder kans krijgt.\n")]);
        return path;
    }

    [Fact]
    public void Saving_into_a_full_database_fails_as_disk_full_and_stores_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("vol.db");
        var ingestion = Ingest(LargePlan(folder));
        using (var store = SqlitePlanStore.Open(Tiny(path)))
        {
            var error = Assert.Throws<PlanStoreException>(() => store.Save(ingestion, Tag(ingestion), "Lindeveld", AnalysisRunInfo.For(Tagger)));
            Assert.Equal(StoreFault.DiskFull, error.Fault);
            Assert.Contains("size limit of 0 MB, or the disk holding it is full", error.Message);
            Assert.Equal(0, store.Status().Documents);
        }
        using (var raw = Raw(path))
        {
            Assert.Equal(0, Count(raw, "passages"));
            Assert.Equal(0, Count(raw, "tags"));
        }
        // With room again, the same file stores normally: the failed transaction left no trace.
        using var roomy = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        Assert.False(roomy.Save(ingestion, Tag(ingestion), "Lindeveld", AnalysisRunInfo.For(Tagger)).Duplicate);
    }

    [Fact]
    public void The_library_reports_a_full_disk_as_disk_full_not_as_an_unexpected_error()
    {
        using var folder = new TempFolder();
        using var store = SqlitePlanStore.Open(Tiny(folder.File("vol.db")));
        var outcome = new PlanLibrary(Ingestor, Tagger, store).IngestFile(new DocumentSource(LargePlan(folder)), null);
        Assert.Equal(FileFailure.DiskFull, outcome.Failure);
        Assert.StartsWith("groot-plan.md: The database", outcome.Error);
        Assert.DoesNotContain("please report it", outcome.Error);
        Assert.IsType<PlanStoreException>(outcome.Cause);
    }

    [Fact]
    public void An_unreadable_file_is_a_reading_failure()
    {
        using var folder = new TempFolder();
        using var store = Memory();
        var empty = folder.File("leeg.txt");
        File.WriteAllText(empty, "");
        Assert.Equal(FileFailure.Unreadable, new PlanLibrary(Ingestor, Tagger, store).IngestFile(new DocumentSource(empty), null).Failure);
    }

    [Theory]
    [InlineData(28)] // ENOSPC, as .NET reports it on Linux
    [InlineData(unchecked((int)0x80070070))] // ERROR_DISK_FULL on Windows
    public void An_IO_error_for_a_full_disk_is_recognised_by_its_code(int hresult)
    {
        Assert.True(StoreFaults.IsDiskFull(new IOException("irrelevant text", hresult)));
        Assert.True(StoreFaults.IsDiskFull(new InvalidOperationException("wrapped", new IOException("x", hresult))));
        Assert.Equal(StoreFault.Io, StoreFaults.Classify(new IOException("Input/output error", 5)));
        Assert.Equal(StoreFault.Other, StoreFaults.Classify(new InvalidOperationException("disk full")));
    }
}

public sealed class Document_ids
{
    [Fact]
    public void An_id_is_never_given_out_again_after_its_plan_is_deleted()
    {
        using var store = Memory();
        SaveFixture(store, "lindeveld-plan.docx");
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        Assert.True(store.DeleteDocument(second));
        var third = SaveFixture(store, "lindeveld-plan.odt").DocumentId;
        Assert.Equal(second + 1, third);
        Assert.Null(store.FindDocument(second));
    }
}

public sealed class Pruning_runs
{
    private sealed class NamedTagger(string version) : IPassageTagger
    {
        public string RuleSetVersion => version;
        public IReadOnlyList<LabelInfo> Labels => Tagger.Labels;
        public IReadOnlyList<PassageTag> Tag(TaggingInput input) => [];
    }

    [Fact]
    public void A_retag_keeps_the_configured_number_of_runs_and_reports_progress()
    {
        using var folder = new TempFolder();
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(folder.File("runs.db")) { KeepRuns = 3 });
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        SaveFixture(store, "lindeveld-plan.md");
        var heard = new List<RetagProgress>();
        foreach (var version in new[] { "v2", "v3", "v4" }) store.Retag(new NamedTagger(version), progress: new Collect(heard));
        Assert.Equal(["v2", "v3", "v4"], store.ListRuns(id).Select(r => r.RuleSetVersion));
        Assert.Equal(new RetagProgress(2, 2), heard[^1]);
        Assert.Equal(new RetagProgress(0, 2), heard[0]);
        using var raw = Raw(folder.File("runs.db"));
        // No tag or evidence row of a deleted run is left.
        Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM tags WHERE run_id NOT IN (SELECT id FROM analysis_runs)"));
    }

    [Fact]
    public void The_migration_prunes_what_earlier_versions_kept()
    {
        using var folder = new TempFolder();
        var path = folder.File("alt.db");
        long id;
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(path) { KeepRuns = 10 }))
        {
            id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
            foreach (var version in new[] { "v2", "v3", "v4" }) store.Retag(new NamedTagger(version));
            Assert.Equal(4, store.ListRuns(id).Count);
        }
        // Undo migration 5 and run its SQL again, as on a database that stopped at version 4
        // (later migrations stay applied: re-running them would not be what an upgrade does).
        using (var raw = Raw(path))
        {
            raw.Execute("DROP TRIGGER documents_high_water; DROP TABLE id_high_water;");
            raw.Execute(Migrations.All.Single(m => m.Name.StartsWith("0005_", StringComparison.Ordinal)).Sql);
        }
        using var upgraded = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        Assert.Equal(["v3", "v4"], upgraded.ListRuns(id).Select(r => r.RuleSetVersion));
        Assert.Equal(id + 1, SaveFixture(upgraded, "lindeveld-plan.md").DocumentId);
    }

    private sealed class Collect(List<RetagProgress> sink) : IProgress<RetagProgress>
    {
        public void Report(RetagProgress value) => sink.Add(value);
    }
}

public sealed class Upload_jobs
{
    private static StoredJobFile File(int ordinal, string state) =>
        new(ordinal, $"plan{ordinal}.pdf", $"/data/uploads/{ordinal}.upload", true, null, state, 0, null, null, null, false, []);

    [Fact]
    public void A_job_and_its_file_states_come_back_after_a_restart()
    {
        using var folder = new TempFolder();
        var path = folder.File("jobs.db");
        var created = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(path)))
        {
            store.SaveJob(new StoredJob("job1", "browser-a", "Lindeveld", false, created, ["x.exe: geen document"], [File(0, "Wachtend"), File(1, "Wachtend")]) { VersionOf = 12 });
            store.SaveJobFile("job1", new StoredJobFile(0, "plan0.pdf", "/data/uploads/0.upload", true, null, "Klaar", 1, null, null, 7, false, ["let op"]));
        }
        using var reopened = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        var job = Assert.Single(reopened.LoadJobs(created.AddHours(-1)));
        Assert.Equal(("job1", "browser-a", "Lindeveld", false, created), (job.Id, job.Owner, job.Municipality, job.IsDemo, job.Created));
        Assert.Equal(["x.exe: geen document"], job.Refused);
        Assert.Equal(12, job.VersionOf); // a new version of plan 12 stays one after the restart
        Assert.Equal(("Klaar", 7L, 1), (job.Files[0].State, job.Files[0].DocumentId!.Value, job.Files[0].Attempts));
        Assert.Equal(["let op"], job.Files[0].Warnings);
        Assert.Equal("Wachtend", job.Files[1].State);
    }

    [Fact]
    public void Old_finished_jobs_are_deleted_but_unfinished_ones_are_kept_and_loaded()
    {
        using var store = Memory();
        var old = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        store.SaveJob(new StoredJob("done", null, null, false, old, [], [File(0, "Klaar")]));
        store.SaveJob(new StoredJob("waiting", null, null, false, old, [], [File(0, "Klaar"), File(1, "Bezig")]));
        Assert.Equal(["waiting"], store.LoadJobs(old.AddDays(1)).Select(j => j.Id));
        Assert.Equal(1, store.DeleteFinishedJobs(old.AddDays(1)));
        Assert.Equal(["waiting"], store.LoadJobs(old).Select(j => j.Id));
    }
}

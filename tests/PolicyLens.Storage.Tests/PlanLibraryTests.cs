using PolicyLens.Documents;
using static PolicyLens.Storage.Tests.TestSupport;

namespace PolicyLens.Storage.Tests;

public sealed class Ingesting_a_batch
{
    private static PlanLibrary Library(IPlanStore store, int parallelism = 2) =>
        new(Ingestor, Tagger, store, new PlanLibraryOptions { MaxParallelism = parallelism });

    [Fact]
    public void A_corrupt_file_fails_alone_with_its_name_and_reason()
    {
        using var folder = new TempFolder();
        using var store = Memory();
        var corrupt = folder.File("kapot.docx");
        File.WriteAllBytes(corrupt, [(byte)'P', (byte)'K', 3, 4, .. Enumerable.Range(0, 600).Select(i => (byte)(i * 7))]);
        var sources = new[]
        {
            new DocumentSource(Fixture("lindeveld-plan.docx")),
            new DocumentSource(corrupt),
            new DocumentSource(Fixture("lindeveld-plan.md")),
            new DocumentSource(Fixture("lindeveld-plan.odt")),
        };
        var reported = new List<FileOutcome>();

        var outcomes = Library(store).IngestFiles(sources, "Lindeveld", new SynchronousProgress(reported));

        Assert.Equal(sources.Select(s => s.FileName), outcomes.Select(o => o.FileName));
        var failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("kapot.docx", failed.FileName);
        Assert.Equal(corrupt, failed.Path);
        Assert.StartsWith("kapot.docx: ", failed.Error);
        Assert.Null(failed.DocumentId);
        Assert.Equal(3, store.Status().Documents);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.True(o.Passages > 0));
        Assert.Equal(sources.Length, reported.Count);
        Assert.All(store.ListDocuments(), d => Assert.Equal("Lindeveld", d.Municipality));
    }

    [Fact]
    public void The_same_file_twice_in_a_batch_is_stored_once()
    {
        using var folder = new TempFolder();
        using var store = Memory();
        var copy = folder.File("kopie.docx");
        File.Copy(Fixture("lindeveld-plan.docx"), copy);

        var outcomes = Library(store).IngestFiles([new DocumentSource(Fixture("lindeveld-plan.docx")), new DocumentSource(copy)], null);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(outcomes[0].DocumentId, outcomes[1].DocumentId);
        Assert.Single(outcomes, o => o.Duplicate);
        Assert.Equal(1, store.Status().Documents);
    }

    [Fact]
    public void A_single_file_reports_its_document_passages_and_warnings()
    {
        using var folder = new TempFolder();
        using var store = Memory();
        var mislabelled = folder.File("plan.docx");
        File.Copy(Fixture("lindeveld-plan.html"), mislabelled);

        var outcome = Library(store).IngestFile(new DocumentSource(mislabelled), "Lindeveld");

        Assert.True(outcome.Succeeded);
        Assert.False(outcome.Duplicate);
        Assert.Contains(outcome.Issues, i => i.Severity == IssueSeverity.Warning);
        var plan = store.LoadPlan(outcome.DocumentId!.Value)!;
        Assert.Equal(outcome.Passages, plan.Passages.Count);
        Assert.Contains(plan.Passages, p => p.Tags.Count > 0);
    }

    [Fact]
    public void A_database_fault_while_storing_fails_that_file_not_the_batch()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        using (var raw = Raw(path))
            Dapper.SqlMapper.Execute(raw, "CREATE TRIGGER no_markdown BEFORE INSERT ON documents WHEN new.format = 'Markdown' BEGIN SELECT RAISE(ABORT, 'no room'); END;");

        var outcomes = Library(store).IngestFiles([new DocumentSource(Fixture("lindeveld-plan.md")), new DocumentSource(Fixture("lindeveld-plan.docx"))], null);

        Assert.False(outcomes[0].Succeeded);
        Assert.StartsWith("lindeveld-plan.md: ", outcomes[0].Error);
        Assert.Contains("no room", outcomes[0].Error);
        Assert.Equal(IssueCode.StorageFailed, outcomes[0].ErrorIssue!.Code);
        Assert.True(outcomes[1].Succeeded);
    }

    /// <summary>A tagger with a bug that only shows on Markdown headings.</summary>
    private sealed class FaultyTagger(Tagging.IPassageTagger inner) : Tagging.IPassageTagger
    {
        public string RuleSetVersion => inner.RuleSetVersion;
        public IReadOnlyList<Tagging.LabelInfo> Labels => inner.Labels;
        public IReadOnlyList<Tagging.PassageTag> Tag(Tagging.TaggingInput input) =>
            input.Text.Contains("Lindeveld", StringComparison.Ordinal) && input.Headings.Count == 0
                ? throw new InvalidOperationException("tagger bug")
                : inner.Tag(input);
    }

    [Fact]
    public void A_bug_while_tagging_one_file_fails_that_file_with_its_name_and_the_batch_goes_on()
    {
        using var store = Memory();
        var tagger = new FaultyTagger(Tagger);
        var library = new PlanLibrary(Ingestor, tagger, store, new PlanLibraryOptions { MaxParallelism = 2 });
        var plain = new DocumentSource(Fixture("lindeveld-plan.md"));

        var failing = library.IngestFile(plain, null);

        Assert.False(failing.Succeeded);
        Assert.StartsWith("lindeveld-plan.md: unexpected error", failing.Error);
        Assert.Equal(IssueCode.Unexpected, failing.ErrorIssue!.Code);
        Assert.Contains("tagger bug", failing.Error);
        Assert.Equal(0, store.Status().Documents);
    }

    [Fact]
    public void The_default_parallelism_is_the_processor_count() =>
        Assert.Equal(Environment.ProcessorCount, new PlanLibraryOptions().MaxParallelism);

    [Fact]
    public void An_outcome_has_either_a_document_or_an_error() =>
        Assert.Throws<ArgumentException>(() => new FileOutcome("a.docx", "/tmp/a.docx", null, false, null, [], 0, null));

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records reports as they happen.</summary>
    private sealed class SynchronousProgress(List<FileOutcome> sink) : IProgress<FileOutcome>
    {
        public void Report(FileOutcome value)
        {
            lock (sink) sink.Add(value);
        }
    }
}

using Dapper;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Tagging;
using static PolicyLens.Storage.Tests.TestSupport;

namespace PolicyLens.Storage.Tests;

public sealed class Saving_and_loading
{
    [Fact]
    public void A_saved_plan_loads_back_with_passages_headings_pages_tags_and_evidence_unchanged()
    {
        using var store = Memory();
        var ingestion = Ingest(Fixture("lindeveld-plan.docx"));
        var tagged = Tag(ingestion);
        Assert.Contains(tagged, t => t.Tags.Any(tag => tag.Evidence.Any(e => e.Source == EvidenceSource.Heading)));

        var saved = store.Save(ingestion, tagged, "Lindeveld", AnalysisRunInfo.For(Tagger));
        var plan = store.LoadPlan(saved.DocumentId);

        Assert.NotNull(plan);
        Assert.False(saved.Duplicate);
        var document = ingestion.Document!;
        Assert.Equal(document.Title, plan.Document.Title);
        Assert.Equal(document.FileName, plan.Document.FileName);
        Assert.Equal(document.Format, plan.Document.Format);
        Assert.Equal(document.PageCount, plan.Document.PageCount);
        Assert.Equal(document.ContentHash, plan.Document.ContentHash);
        Assert.Equal(document.SizeBytes, plan.Document.SizeBytes);
        Assert.Equal("Lindeveld", plan.Document.Municipality);
        Assert.Equal(tagged.Count, plan.Document.PassageCount);
        Assert.Equal(Tagger.RuleSetVersion, plan.Run.RuleSetVersion);
        Assert.Equal(Tagger.RuleSetVersion, plan.Document.RuleSetVersion);
        Assert.Equal(AnalysisRunInfo.CurrentToolVersion, plan.Run.ToolVersion);
        AssertSamePassages(tagged, plan.Passages);
    }

    [Fact]
    public void Pages_and_ingestion_warnings_are_kept()
    {
        using var folder = new TempFolder();
        using var store = Memory();
        var path = folder.File("plan.docx");
        File.Copy(Fixture("lindeveld-plan.html"), path);
        var ingestion = Ingest(path);
        Assert.NotEmpty(ingestion.Issues);
        var pagedPassages = ingestion.Passages.Select((p, i) => new TaggedPassage(
            new Passages.Passage(p.Ordinal, p.Kind, p.Text, i / 3 + 1, p.Headings, p.Start), [])).ToList();
        var pagedIngestion = new IngestionResult(ingestion.FileName, ingestion.Document, pagedPassages.Select(p => p.Passage).ToList(), ingestion.Issues, ingestion.PlainText);

        var id = store.Save(pagedIngestion, pagedPassages, null, AnalysisRunInfo.For(Tagger)).DocumentId;
        var plan = store.LoadPlan(id)!;

        Assert.Null(plan.Document.Municipality);
        Assert.Equal(ingestion.Issues, plan.Issues); // with code and facts, so a stored warning reads in Dutch like a fresh one
        Assert.Contains(plan.Issues, i => i.Code == IssueCode.ExtensionDiffers && i.Facts["extension"] == ".docx");
        AssertSamePassages(pagedPassages, plan.Passages);
        Assert.Contains(plan.Passages, p => p.Passage.Page == 2);
    }

    [Fact]
    public void Passages_read_by_ocr_keep_their_mark_after_loading()
    {
        using var store = Memory();
        var ingestion = Ingest(Fixture("lindeveld-plan.docx"));
        var marked = ingestion.Passages.Select((p, i) => new TaggedPassage(
            new Passages.Passage(p.Ordinal, p.Kind, p.Text, p.Page, p.Headings, p.Start, fromOcr: i % 2 == 1), [])).ToList();
        var markedIngestion = new IngestionResult(ingestion.FileName, ingestion.Document, marked.Select(p => p.Passage).ToList(), ingestion.Issues, ingestion.PlainText);

        var plan = store.LoadPlan(store.Save(markedIngestion, marked, null, AnalysisRunInfo.For(Tagger)).DocumentId)!;

        AssertSamePassages(marked, plan.Passages);
        Assert.Contains(plan.Passages, p => p.Passage.FromOcr);
        Assert.Contains(plan.Passages, p => !p.Passage.FromOcr);
    }

    internal static void AssertSamePassages(IReadOnlyList<TaggedPassage> expected, IReadOnlyList<TaggedPassage> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Passage.Ordinal, a.Passage.Ordinal);
            Assert.Equal(e.Passage.Kind, a.Passage.Kind);
            Assert.Equal(e.Passage.Text, a.Passage.Text);
            Assert.Equal(e.Passage.Page, a.Passage.Page);
            Assert.Equal(e.Passage.Headings, a.Passage.Headings);
            Assert.Equal(e.Passage.Start, a.Passage.Start);
            Assert.Equal(e.Passage.End, a.Passage.End);
            Assert.Equal(e.Passage.FromOcr, a.Passage.FromOcr);
            Assert.Equal(e.Tags.Count, a.Tags.Count);
            for (var t = 0; t < e.Tags.Count; t++)
            {
                Assert.Equal((e.Tags[t].Dimension, e.Tags[t].Label, e.Tags[t].Score), (a.Tags[t].Dimension, a.Tags[t].Label, a.Tags[t].Score));
                Assert.Equal(e.Tags[t].Evidence, a.Tags[t].Evidence); // Evidence is a record of scalars: value equality.
            }
        }
    }

    [Fact]
    public void The_same_content_is_stored_once_and_the_second_save_names_the_first()
    {
        using var store = Memory();
        var first = SaveFixture(store, "lindeveld-plan.docx");
        var second = SaveFixture(store, "lindeveld-plan.docx", municipality: "Elders");

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.DocumentId, second.DocumentId);
        var status = store.Status();
        Assert.Equal(1, status.Documents);
        Assert.Equal("Lindeveld", store.FindDocument(first.DocumentId)!.Municipality);
        Assert.Single(store.ListRuns(first.DocumentId));
    }

    [Fact]
    public void Documents_are_found_by_id_and_content_hash_and_listed_newest_first()
    {
        using var store = Memory();
        var docx = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var odt = SaveFixture(store, "lindeveld-plan.odt").DocumentId;
        var hash = store.FindDocument(docx)!.ContentHash;

        Assert.Equal(docx, store.FindByContentHash(hash.ToUpperInvariant())!.Id);
        Assert.Equal([odt, docx], store.ListDocuments().Select(d => d.Id));
        Assert.Null(store.FindDocument(999));
        Assert.Null(store.LoadPlan(999));
        Assert.Null(store.FindByContentHash(new string('0', 64)));
    }

    [Fact]
    public void A_save_that_fails_halfway_leaves_nothing_behind()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        using (var raw = Raw(path))
            raw.Execute("CREATE TRIGGER fail_evidence BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'simulated fault'); END;");

        var error = Assert.Throws<PlanStoreException>(() => SaveFixture(store, "lindeveld-plan.docx"));

        Assert.Contains("simulated fault", error.Message);
        using (var raw = Raw(path))
        {
            foreach (var table in new[] { "documents", "passages", "analysis_runs", "tags", "evidence", "ingestion_issues" })
                Assert.Equal(0, Count(raw, table));
            Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'buurtpunt'"));
            raw.Execute("DROP TRIGGER fail_evidence");
        }
        Assert.False(SaveFixture(store, "lindeveld-plan.docx").Duplicate);
    }

    [Fact]
    public void Saving_a_failed_ingestion_is_refused()
    {
        using var store = Memory();
        var failed = IngestionResult.Failed("kapot.docx", IngestionIssue.Error(IssueCode.Damaged, "kapot.docx: the file is damaged."));
        Assert.Throws<ArgumentException>(() => store.Save(failed, [], null, AnalysisRunInfo.For(Tagger)));
    }

    [Fact]
    public void Title_and_municipality_can_be_corrected_and_a_blank_municipality_clears_it()
    {
        using var store = Memory();
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var before = store.LoadPlan(id)!;

        Assert.True(store.UpdateDetails(id, "  Meerjarenplan Lindeveld 2026  ", " Lindeveld "));
        Assert.Equal(("Meerjarenplan Lindeveld 2026", "Lindeveld"), (store.FindDocument(id)!.Title, store.FindDocument(id)!.Municipality));
        Assert.True(store.UpdateDetails(id, "Meerjarenplan", "   "));
        Assert.Null(store.FindDocument(id)!.Municipality);
        Assert.False(store.UpdateDetails(999, "Titel", null));
        Assert.Throws<ArgumentException>(() => store.UpdateDetails(id, " ", null));
        // Only the details change: passages, tags and the analysis run stay.
        var after = store.LoadPlan(id)!;
        Assert.Equal(before.Run, after.Run);
        Saving_and_loading.AssertSamePassages(before.Passages, after.Passages);
    }

    [Fact]
    public void Deleting_a_document_removes_its_passages_runs_tags_and_index_entries()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var other = SaveFixture(store, "lindeveld-plan.md").DocumentId;

        Assert.True(store.DeleteDocument(id));
        Assert.False(store.DeleteDocument(id));

        Assert.Null(store.LoadPlan(id));
        Assert.All(store.Search("buurtpunt"), hit => Assert.Equal(other, hit.DocumentId));
        using var raw = Raw(path);
        Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM passages WHERE document_id = @id", new { id }));
        Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM analysis_runs WHERE document_id = @id", new { id }));
        Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM tags WHERE passage_id NOT IN (SELECT id FROM passages)"));
        Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM evidence WHERE tag_id NOT IN (SELECT id FROM tags)"));
        // FTS5 checks its index against the content table and raises an error when they differ.
        raw.Execute("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')");
    }
}

public sealed class Searching
{
    [Fact]
    public void Matched_words_are_wrapped_in_highlight_markers_with_the_passage_location()
    {
        using var store = Memory();
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;

        var hits = store.Search("buurtankers");

        var hit = Assert.Single(hits, h => h.Snippet.Contains($"{SearchHit.HighlightStart}Buurtankers{SearchHit.HighlightEnd}"));
        Assert.Equal(id, hit.DocumentId);
        Assert.Equal("Meerjarenplan 2026–2031 gemeente Lindeveld", hit.DocumentTitle);
        Assert.Contains(hit.Headings, h => h.StartsWith("Actie 1.2.1", StringComparison.Ordinal));
        Assert.DoesNotContain(SearchHit.HighlightStart, hit.PlainSnippet);
        Assert.Contains("Buurtankers", store.LoadPlan(id)!.Passages[hit.Ordinal].Passage.Text);
    }

    [Fact]
    public void The_html_form_encodes_the_text_before_marking_the_matches()
    {
        var hit = new SearchHit(1, "Plan", 0, null, [], $"a <b> {SearchHit.HighlightStart}buurt{SearchHit.HighlightEnd} & co");
        Assert.Equal("a &lt;b&gt; <mark>buurt</mark> &amp; co", hit.ToHtml(System.Net.WebUtility.HtmlEncode));
    }

    [Fact]
    public void Case_and_diacritics_are_ignored_and_a_trailing_star_searches_a_prefix()
    {
        using var store = Memory();
        SaveFixture(store, "lindeveld-plan.docx");

        Assert.NotEmpty(store.Search("EENZAAMHEID"));
        Assert.NotEmpty(store.Search("buurtpunt"));
        Assert.NotEmpty(store.Search("buurtpùnt"));
        Assert.Empty(store.Search("verenig"));
        Assert.NotEmpty(store.Search("verenig*"));
    }

    [Fact]
    public void All_words_must_occur_and_the_limit_is_respected()
    {
        using var store = Memory();
        SaveFixture(store, "lindeveld-plan.docx");

        var both = store.Search("buurtpunt Hoeve");
        Assert.NotEmpty(both);
        Assert.All(both, h => Assert.Contains("hoeve", h.PlainSnippet.ToLowerInvariant()));
        Assert.True(store.Search("buurtpunt").Count > both.Count);
        Assert.Single(store.Search("we", limit: 1));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"buurtpunt")]
    [InlineData("*")]
    [InlineData("buurt**")]
    [InlineData("AND OR")]
    [InlineData("buurtpunt AND")]
    [InlineData("-")]
    [InlineData("-buurtpunt")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(buurtpunt hoeve, 2)")]
    [InlineData("text:buurtpunt")]
    [InlineData("(buurtpunt")]
    [InlineData("^buurtpunt")]
    [InlineData("buurtpunt' OR 1=1; DROP TABLE documents; --")]
    [InlineData("{text}: buurtpunt")]
    public void Hostile_queries_never_cause_a_syntax_error(string query)
    {
        using var store = Memory();
        SaveFixture(store, "lindeveld-plan.docx");

        var hits = store.Search(query);

        Assert.NotNull(hits);
        Assert.Equal(1, store.Status().Documents);
    }

    [Fact]
    public void Operator_words_are_searched_as_plain_words()
    {
        using var store = Memory();
        SaveFixture(store, "lindeveld-plan.docx");
        Assert.NotEmpty(store.Search("-buurtpunt"));
        Assert.NotEmpty(store.Search("\"buurtpunt\""));
        Assert.Empty(store.Search("buurtpunt NOT"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\" - * ( )")]
    public void An_empty_or_punctuation_only_query_finds_nothing(string query)
    {
        using var store = Memory();
        SaveFixture(store, "lindeveld-plan.docx");
        Assert.Empty(store.Search(query));
    }

    [Theory]
    [InlineData("buurtpunt", "\"buurtpunt\"")]
    [InlineData("buurt*", "\"buurt\"*")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("NEAR( x", "\"NEAR(\" \"x\"")]
    [InlineData("- *", null)]
    public void The_match_expression_quotes_every_word(string query, string? expected) =>
        Assert.Equal(expected, FtsQuery.Build(query));
}

public sealed class Retagging
{
    /// <summary>A second, deliberately tiny rule set: tags every passage that mentions a buurtpunt.</summary>
    private sealed class BuurtpuntTagger : IPassageTagger
    {
        public string RuleSetVersion => "test:buurtpunt-1";
        public IReadOnlyList<LabelInfo> Labels { get; } = [new("element", "herhaalde-ontmoetingen", "Herhaalde ontmoetingen", "", [])];

        public IReadOnlyList<PassageTag> Tag(TaggingInput input)
        {
            var at = input.Text.IndexOf("buurtpunt", StringComparison.OrdinalIgnoreCase);
            return at < 0 ? [] : [new PassageTag("element", "herhaalde-ontmoetingen", 1.5,
                [new Evidence("element.herhaalde-ontmoetingen.buurtpunt", "buurtpunt*", input.Text.Substring(at, 9), at, 9, 1.5)])];
        }
    }

    [Fact]
    public void Retag_records_a_new_run_and_the_plan_then_says_which_rule_set_tagged_it()
    {
        using var store = Memory();
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var tagger = new BuurtpuntTagger();

        var result = store.Retag(tagger);

        Assert.Equal((1, 0), (result.DocumentsRetagged, result.DocumentsSkipped));
        Assert.Equal(tagger.RuleSetVersion, result.RuleSetVersion);
        var plan = store.LoadPlan(id)!;
        Assert.Equal(tagger.RuleSetVersion, plan.Run.RuleSetVersion);
        Assert.Equal(tagger.RuleSetVersion, plan.Document.RuleSetVersion);
        Assert.Equal([Tagger.RuleSetVersion, tagger.RuleSetVersion], store.ListRuns(id).Select(r => r.RuleSetVersion));
        Assert.Equal(plan.Passages.Count, result.PassagesTagged);
        Assert.All(plan.Passages, p => Assert.Equal(p.Passage.Text.Contains("buurtpunt", StringComparison.OrdinalIgnoreCase), p.Tags.Count == 1));
        Assert.All(plan.Passages.SelectMany(p => p.Tags), t => Assert.Equal("herhaalde-ontmoetingen", t.Label));
    }

    [Fact]
    public void Documents_already_tagged_with_the_rule_set_are_skipped()
    {
        using var store = Memory();
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        SaveFixture(store, "lindeveld-plan.md");

        var same = store.Retag(Tagger);
        Assert.Equal((0, 2), (same.DocumentsRetagged, same.DocumentsSkipped));

        store.Retag(new BuurtpuntTagger());
        var back = store.Retag(Tagger);
        Assert.Equal((2, 0), (back.DocumentsRetagged, back.DocumentsSkipped));
        Assert.Equal(2, store.ListRuns(id).Count); // three runs made, the latest two kept (SqliteStoreOptions.KeepRuns)
        var original = Tag(Ingest(Fixture("lindeveld-plan.docx")));
        Saving_and_loading.AssertSamePassages(original, store.LoadPlan(id)!.Passages);
    }
}

public sealed class Opening
{
    [Fact]
    public void Migrations_are_applied_once_and_reopening_applies_none()
    {
        using var folder = new TempFolder();
        var path = folder.File(Path.Combine("nested", "plans.db"));
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(path)))
            SaveFixture(store, "lindeveld-plan.docx");
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(path)))
        {
            var status = store.Status();
            Assert.Equal(Migrations.Latest, status.SchemaVersion);
            Assert.Equal(1, status.Documents);
            Assert.Equal(Path.GetFullPath(path), status.DatabasePath);
        }
        using var raw = Raw(path);
        Assert.Equal(Enumerable.Range(1, Migrations.Latest).Select(v => (long)v), raw.Query<long>("SELECT version FROM schema_version ORDER BY version"));
        Assert.True(Migrations.Latest >= 2);
    }

    [Fact]
    public void A_file_database_runs_in_wal_mode_with_foreign_keys()
    {
        using var folder = new TempFolder();
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(folder.File("plans.db")));
        Assert.True(store.Status().WalEnabled);
        using var raw = Raw(folder.File("plans.db"));
        Assert.Equal("wal", raw.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_reported_with_its_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.db");
        File.WriteAllText(path, new string('x', 4096));
        var error = Assert.Throws<PlanStoreException>(() => SqlitePlanStore.Open(new SqliteStoreOptions(path)));
        Assert.Contains(path, error.Message);
        Assert.Contains("not a PolicyLens database", error.Message);
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        SqlitePlanStore.Open(new SqliteStoreOptions(path)).Dispose();
        using (var raw = Raw(path))
            raw.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (999, '0999_future', '2030-01-01')");
        var error = Assert.Throws<PlanStoreException>(() => SqlitePlanStore.Open(new SqliteStoreOptions(path)));
        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public void Another_connection_reads_while_a_write_transaction_is_open()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var writer = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        using var reader = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        var first = SaveFixture(writer, "lindeveld-plan.docx").DocumentId;

        using var raw = Raw(path);
        using (var transaction = raw.BeginTransaction())
        {
            raw.Execute("DELETE FROM documents WHERE id = @first", new { first }, transaction);
            // The writer holds the write lock, yet the other store still reads the last committed state.
            Assert.Single(reader.ListDocuments());
            Assert.NotNull(reader.LoadPlan(first));
            Assert.NotEmpty(reader.Search("buurtpunt"));
            transaction.Commit();
        }
        Assert.Empty(reader.ListDocuments());
    }

    [Fact]
    public async Task A_writer_waits_for_another_writer_instead_of_failing()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        using var raw = Raw(path);
        var transaction = raw.BeginTransaction();
        raw.Execute("INSERT INTO documents (title, file_name, format, passage_count, size_bytes, content_hash, ingested_at) VALUES ('x', 'x.txt', 'Text', 0, 1, 'abc', '2026-01-01T00:00:00Z')", transaction: transaction);

        var save = Task.Run(() => SaveFixture(store, "lindeveld-plan.docx"));
        var first = await Task.WhenAny(save, Task.Delay(300));
        Assert.NotSame(save, first); // blocked on the write lock, not failed
        transaction.Rollback();
        transaction.Dispose();

        Assert.False((await save).Duplicate);
        Assert.Equal(1, store.Status().Documents);
    }

    [Fact]
    public void A_busy_timeout_that_runs_out_becomes_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path) { BusyTimeout = TimeSpan.FromSeconds(1) });
        using var raw = Raw(path);
        using var transaction = raw.BeginTransaction();

        var error = Assert.Throws<PlanStoreException>(() => SaveFixture(store, "lindeveld-plan.docx"));
        Assert.Contains("busy", error.Message);
    }
}

using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Tagging;
using static PolicyLens.Storage.Tests.TestSupport;

namespace PolicyLens.Storage.Tests;

public sealed class Compact_evidence
{
    [Fact]
    public void Evidence_whose_matched_text_differs_from_its_span_loads_back_exactly()
    {
        using var store = Memory();
        var ingestion = Ingest(Fixture("lindeveld-plan.md"));
        var tagged = Tag(ingestion).ToList();
        var index = tagged.FindIndex(t => t.Passage.Headings.Count > 0 && t.Passage.Text.Length > 20);
        var passage = tagged[index].Passage;
        var heading = passage.Headings[^1];
        Evidence[] odd =
        [
            // Spelled differently from the text it points at.
            new("element.test.anders", "ontmoet*", "Ontmoeting", 0, 10, 0.5),
            // Points past the end of the text.
            new("element.test.buiten", "ver*", "verder", passage.Text.Length - 2, 6, 0.25),
            // Exactly the span of a heading, and a heading span with other words.
            new("element.test.kop", "kop", heading[..1], 0, 1, 1, EvidenceSource.Heading, passage.Headings.Count - 1),
            new("element.test.kop", "kop", "niet de kop", 0, 1, 1, EvidenceSource.Heading, passage.Headings.Count - 1),
            // Exactly the span of the text.
            new("element.test.tekst", "tekst", passage.Text.Substring(3, 5), 3, 5, 2),
        ];
        tagged[index] = new TaggedPassage(passage, [.. tagged[index].Tags, new PassageTag("element", "test-label", 4, odd)]);

        var saved = store.Save(ingestion, tagged, null, AnalysisRunInfo.For(Tagger));

        Saving_and_loading.AssertSamePassages(tagged, store.LoadPlan(saved.DocumentId)!.Passages);
    }

    [Fact]
    public void Each_rule_id_and_term_pair_is_stored_once_and_spans_are_not_repeated_as_text()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        var plans = new[] { "lindeveld-plan.docx", "lindeveld-plan.md" }.Select(f => Ingest(Fixture(f))).ToList();
        var tagged = plans.Select(p => Tag(p)).ToList();
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(path)))
            for (var i = 0; i < plans.Count; i++)
            {
                var id = store.Save(plans[i], tagged[i], null, AnalysisRunInfo.For(Tagger)).DocumentId;
                Saving_and_loading.AssertSamePassages(tagged[i], store.LoadPlan(id)!.Passages);
            }

        var evidence = tagged.SelectMany(t => t).SelectMany(t => t.Tags).SelectMany(t => t.Evidence).ToList();
        using var raw = Raw(path);
        Assert.Equal(evidence.Select(e => (e.RuleId, e.Term)).Distinct().Count(), Count(raw, "evidence_terms"));
        Assert.Equal(evidence.Count, Count(raw, "evidence"));
        var spelledOut = evidence.Count(e => e.MatchedText != Source(tagged, e));
        Assert.Equal(spelledOut, raw.ExecuteScalar<long>("SELECT count(*) FROM evidence WHERE matched_text IS NOT NULL"));
    }

    /// <summary>The text an evidence span points into, found through the passage that carries it.</summary>
    private static string Source(List<IReadOnlyList<TaggedPassage>> plans, Evidence evidence)
    {
        var passage = plans.SelectMany(p => p).First(t => t.Tags.Any(tag => tag.Evidence.Any(e => ReferenceEquals(e, evidence)))).Passage;
        var text = evidence.Source == EvidenceSource.Heading ? passage.Headings[evidence.HeadingIndex] : passage.Text;
        return evidence.End <= text.Length ? text.Substring(evidence.Start, evidence.Length) : "";
    }

    [Fact]
    public void The_evidence_query_reads_tags_and_evidence_through_their_indexes_without_sorting()
    {
        using var folder = new TempFolder();
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(folder.File("plans.db"))))
            SaveFixture(store, "lindeveld-plan.docx");
        using var raw = Raw(folder.File("plans.db"));
        var plan = string.Join("\n", raw.Query("""
            EXPLAIN QUERY PLAN
            SELECT t.id, t.passage_id, t.dimension, t.label, t.score,
                   e.term_id, e.matched_text, e.start_offset, e.length, e.weight, e.heading_index
            FROM tags t JOIN evidence e ON e.tag_id = t.id
            WHERE t.run_id = 1
            ORDER BY t.passage_id, t.ordinal, e.ordinal
            """).Select(row => (string)row.detail));
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
    }
}

public sealed class Upgrading
{
    [Fact]
    public void A_database_made_with_only_the_first_two_migrations_is_upgraded_in_place_and_keeps_its_plans()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.db");
        var docx = Ingest(Fixture("lindeveld-plan.docx"));
        var docxTags = Tag(docx);
        var md = Ingest(Fixture("lindeveld-plan.md"));
        var mdTags = Tag(md);
        long oldId;
        using (var raw = Raw(path))
        {
            raw.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var migration in Migrations.All.Take(2))
            {
                raw.Execute(migration.Sql);
                raw.Execute("INSERT INTO schema_version VALUES (@Version, @Name, '2026-01-01T00:00:00Z')", new { migration.Version, migration.Name });
            }
            oldId = SaveTheOldWay(raw, docx, docxTags);
        }

        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(path)))
        {
            Assert.Equal(Migrations.Latest, store.Status().SchemaVersion);
            var plan = store.LoadPlan(oldId)!;
            Assert.Equal(docx.Document!.ContentHash, plan.Document.ContentHash);
            Saving_and_loading.AssertSamePassages(docxTags, plan.Passages);
            Assert.NotEmpty(store.Search("eenzaamheid"));
            // A document from before versions existed is version 1 of a plan of its own.
            Assert.Equal(1, Assert.Single(store.ListVersions(oldId)).Version);

            // New plans are stored next to the migrated one, and deleting still cascades.
            var newId = store.Save(md, mdTags, null, AnalysisRunInfo.For(Tagger)).DocumentId;
            Saving_and_loading.AssertSamePassages(mdTags, store.LoadPlan(newId)!.Passages);
            Saving_and_loading.AssertSamePassages(docxTags, store.LoadPlan(oldId)!.Passages);
            Assert.True(store.DeleteDocument(oldId));
            Saving_and_loading.AssertSamePassages(mdTags, store.LoadPlan(newId)!.Passages);
        }
        using var check = Raw(path);
        Assert.Equal(mdTags.Sum(t => t.Tags.Sum(x => x.Evidence.Count)), Count(check, "evidence"));
        Assert.Empty(check.Query("PRAGMA foreign_key_check"));
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.DoesNotContain("rule_id", check.Query<string>("SELECT name FROM pragma_table_info('evidence')"));
    }

    /// <summary>Writes a plan in the schema of migrations 0001–0002, as the store did before 0003.</summary>
    private static long SaveTheOldWay(SqliteConnection raw, IngestionResult ingestion, IReadOnlyList<TaggedPassage> passages)
    {
        using var transaction = raw.BeginTransaction();
        var document = ingestion.Document!;
        var documentId = raw.ExecuteScalar<long>("""
            INSERT INTO documents (title, file_name, municipality, format, page_count, passage_count, size_bytes, content_hash, ingested_at)
            VALUES (@Title, @FileName, 'Lindeveld', @Format, @PageCount, @Count, @SizeBytes, @ContentHash, '2026-01-01T00:00:00.0000000+00:00')
            RETURNING id
            """, new { document.Title, document.FileName, Format = document.Format.ToString(), document.PageCount, passages.Count, document.SizeBytes, document.ContentHash }, transaction);
        var runId = raw.ExecuteScalar<long>("""
            INSERT INTO analysis_runs (document_id, rule_set_version, tool_version, created_at)
            VALUES (@documentId, @RuleSetVersion, 'old', '2026-01-01T00:00:00.0000000+00:00') RETURNING id
            """, new { documentId, Tagger.RuleSetVersion }, transaction);
        foreach (var tagged in passages)
        {
            var p = tagged.Passage;
            var passageId = raw.ExecuteScalar<long>("""
                INSERT INTO passages (document_id, ordinal, page, headings, kind, text, start_offset, end_offset)
                VALUES (@documentId, @Ordinal, @Page, @Headings, @Kind, @Text, @Start, @End) RETURNING id
                """, new { documentId, p.Ordinal, p.Page, Headings = JsonSerializer.Serialize(p.Headings), Kind = p.Kind.ToString(), p.Text, p.Start, p.End }, transaction);
            for (var t = 0; t < tagged.Tags.Count; t++)
            {
                var tag = tagged.Tags[t];
                var tagId = raw.ExecuteScalar<long>("""
                    INSERT INTO tags (run_id, passage_id, ordinal, dimension, label, score)
                    VALUES (@runId, @passageId, @t, @Dimension, @Label, @Score) RETURNING id
                    """, new { runId, passageId, t, tag.Dimension, tag.Label, tag.Score }, transaction);
                for (var i = 0; i < tag.Evidence.Count; i++)
                {
                    var e = tag.Evidence[i];
                    raw.Execute("""
                        INSERT INTO evidence (tag_id, ordinal, rule_id, term, matched_text, start_offset, length, weight, source, heading_index)
                        VALUES (@tagId, @i, @RuleId, @Term, @MatchedText, @Start, @Length, @Weight, @Source, @HeadingIndex)
                        """, new { tagId, i, e.RuleId, e.Term, e.MatchedText, e.Start, e.Length, e.Weight, Source = e.Source.ToString(), e.HeadingIndex }, transaction);
                }
            }
        }
        transaction.Commit();
        return documentId;
    }
}

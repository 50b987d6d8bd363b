using Dapper;
using static PolicyLens.Storage.Tests.TestSupport;

namespace PolicyLens.Storage.Tests;

public sealed class Plan_versions
{
    [Fact]
    public void A_new_document_is_version_1_of_a_plan_of_its_own()
    {
        using var store = Memory();
        var id = SaveFixture(store, "lindeveld-plan.docx").DocumentId;

        var version = Assert.Single(store.ListVersions(id));

        Assert.Equal((1, 1, true, id), (version.Version, version.VersionCount, version.IsLatest, version.Document.Id));
    }

    [Fact]
    public void A_linked_document_becomes_the_next_version_and_both_list_the_same_versions_oldest_first()
    {
        using var store = Memory();
        var first = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        var third = SaveFixture(store, "lindeveld-plan.odt").DocumentId;

        var linked = store.LinkVersion(second, first);
        // Linking to any version of the plan appends to the plan, not after that version.
        var linkedThird = store.LinkVersion(third, first);

        Assert.True(linked.Linked);
        Assert.Equal(2, linked.Version!.Version);
        Assert.Equal(3, linkedThird.Version!.Version);
        var versions = store.ListVersions(first);
        Assert.Equal([first, second, third], versions.Select(v => v.Document.Id));
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal([false, false, true], versions.Select(v => v.IsLatest));
        Assert.All(versions, v => Assert.Equal(3, v.VersionCount));
        Assert.Single(versions.Select(v => v.PlanId).Distinct());
        Assert.Equal(versions, store.ListVersions(third));
    }

    [Fact]
    public void The_latest_versions_list_one_row_per_plan()
    {
        using var store = Memory();
        var first = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        var alone = SaveFixture(store, "lindeveld-plan.odt").DocumentId;
        store.LinkVersion(second, first);

        var latest = store.LatestVersions();

        Assert.Equal([alone, second], latest.Select(v => v.Document.Id));
        Assert.Equal([(1, 1), (2, 2)], latest.Select(v => (v.Version, v.VersionCount)));
        Assert.All(latest, v => Assert.True(v.IsLatest));
    }

    [Fact]
    public void Linking_again_changes_nothing()
    {
        using var store = Memory();
        var first = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        store.LinkVersion(second, first);

        var again = store.LinkVersion(second, first);
        var backwards = store.LinkVersion(first, second);

        Assert.Equal(2, again.Version!.Version);
        Assert.Equal(1, backwards.Version!.Version);
        Assert.Equal([1, 2], store.ListVersions(first).Select(v => v.Version));
    }

    [Fact]
    public void Unknown_ids_a_document_linked_to_itself_and_merging_two_plans_are_refused()
    {
        using var store = Memory();
        var a = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var b = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        var c = SaveFixture(store, "lindeveld-plan.odt").DocumentId;
        var d = SaveFixture(store, "lindeveld-plan.html").DocumentId;
        store.LinkVersion(b, a);
        store.LinkVersion(d, c);

        Assert.Equal(LinkVersionStatus.UnknownDocument, store.LinkVersion(999, a).Status);
        Assert.Equal(LinkVersionStatus.UnknownDocument, store.LinkVersion(999, 999).Status);
        Assert.Equal(LinkVersionStatus.UnknownVersionOf, store.LinkVersion(a, 999).Status);
        Assert.Equal(LinkVersionStatus.SameDocument, store.LinkVersion(a, a).Status);
        Assert.Equal(LinkVersionStatus.HasVersions, store.LinkVersion(c, a).Status);
        Assert.Null(store.LinkVersion(c, a).Version);
        Assert.Equal([c, d], store.ListVersions(c).Select(v => v.Document.Id));
        Assert.Equal([a, b], store.ListVersions(a).Select(v => v.Document.Id));
    }

    [Fact]
    public void Deleting_a_version_keeps_the_others_with_their_numbers()
    {
        using var store = Memory();
        var first = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        var third = SaveFixture(store, "lindeveld-plan.odt").DocumentId;
        store.LinkVersion(second, first);
        store.LinkVersion(third, first);

        store.DeleteDocument(second);

        var versions = store.ListVersions(first);
        Assert.Equal([(first, 1), (third, 3)], versions.Select(v => (v.Document.Id, v.Version)));
        Assert.All(versions, v => Assert.Equal(2, v.VersionCount));
        Assert.Empty(store.ListVersions(second));
        // The next version still follows the highest number.
        var fourth = SaveFixture(store, "lindeveld-plan.html").DocumentId;
        Assert.Equal(4, store.LinkVersion(fourth, third).Version!.Version);
    }

    [Fact]
    public void A_plan_outlives_its_first_version_and_a_new_document_never_joins_a_deleted_ones_plan()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        var first = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;
        store.LinkVersion(first, second);
        var planOfSecond = store.ListVersions(second)[0].PlanId;

        // Document ids are not handed out twice (migration 5); the plan ids do not rest on that either.
        store.DeleteDocument(second);
        var reused = SaveFixture(store, "lindeveld-plan.odt").DocumentId;

        Assert.NotEqual(second, reused);
        Assert.Equal([first], store.ListVersions(first).Select(v => v.Document.Id));
        Assert.Equal(planOfSecond, store.ListVersions(first)[0].PlanId);
        var fresh = Assert.Single(store.ListVersions(reused));
        Assert.NotEqual(planOfSecond, fresh.PlanId);
        Assert.Equal(1, fresh.Version);

        store.DeleteDocument(first);
        store.DeleteDocument(reused);
        using var raw = Raw(path);
        Assert.Equal(0, Count(raw, "plans"));
        Assert.Equal(0, Count(raw, "plan_versions"));
    }

    [Fact]
    public void A_plan_left_empty_by_linking_its_only_document_elsewhere_is_removed()
    {
        using var folder = new TempFolder();
        var path = folder.File("plans.db");
        using var store = SqlitePlanStore.Open(new SqliteStoreOptions(path));
        var first = SaveFixture(store, "lindeveld-plan.docx").DocumentId;
        var second = SaveFixture(store, "lindeveld-plan.md").DocumentId;

        store.LinkVersion(second, first);

        using var raw = Raw(path);
        Assert.Equal(1, Count(raw, "plans"));
        Assert.Empty(raw.Query("PRAGMA foreign_key_check"));
    }
}
